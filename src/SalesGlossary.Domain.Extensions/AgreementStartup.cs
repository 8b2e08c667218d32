using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SalesGlossary.Domain.Extensions;

/// <summary>Validates the options and loads the first agreement when the host starts, so that a broken set-up stops the start with every problem logged.</summary>
internal sealed class AgreementStartup(FileAgreementProvider provider, IOptions<SalesGlossaryOptions> options, ILoggerFactory? loggerFactory = null) : IHostedService
{
    private readonly ILogger logger = Loggers.For<AgreementStartup>(loggerFactory);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _ = options.Value;
        }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures)
            {
                Log.OptionsInvalid(logger, failure);
            }

            throw;
        }

        await provider.InitializeAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        provider.StopWatching();
        return Task.CompletedTask;
    }
}
