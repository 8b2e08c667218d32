using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SalesGlossary.Domain.Orleans.Models;

/// <summary>
/// Keeps a silo's view of the current agreement fresh without waiting for a grain to ask: a newly published agreement's
/// vocabulary reaches every silo within <see cref="SalesGlossaryClusterOptions.ModelRefreshInterval"/>, so a call that
/// carries one of its own terms (an actor, a status, a reason, an added stage) is read there.
/// </summary>
internal sealed class VocabularyRefresh(ClusterModels models, TimeProvider time, IOptions<SalesGlossaryClusterOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await models.GetCurrentAsync().WaitAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception)
            {
                // Nothing published yet, or the silo is still joining: the next round asks again.
            }

            try
            {
                await Task.Delay(options.Value.ModelRefreshInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
