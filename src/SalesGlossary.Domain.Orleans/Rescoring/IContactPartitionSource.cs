
namespace SalesGlossary.Domain.Orleans.Rescoring;

/// <summary>Reads the application's contacts one partition at a time, in pages, for rescoring jobs; registered by the application in every silo's services.</summary>
/// <remarks>
/// <para>
/// The partitions split the contacts without overlap (for example by a hash of the id, or by key ranges); a job rescoring
/// the whole base runs one worker per partition, spread over the silos. A page is addressed by the continuation the
/// previous page returned, and reading the same continuation again must return the same contacts: a partition taken over
/// after a silo died resumes from the last continuation it stored.
/// </para>
/// <para>
/// Reads are the bottleneck at scale: read only the columns the scoring model needs, in pages of a few thousand, from a
/// replica when one exists.
/// </para>
/// </remarks>
public interface IContactPartitionSource
{
    /// <summary>Gets the number of partitions; a job reads partitions 0 to this number minus one.</summary>
    int PartitionCount { get; }

    /// <summary>Reads one page of a partition.</summary>
    /// <param name="partition">The partition, from 0.</param>
    /// <param name="continuation">Where to continue: <see langword="null"/> for the first page, otherwise the continuation the previous page returned.</param>
    /// <param name="pageSize">The most contacts to return.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The page.</returns>
    ValueTask<ContactPage> ReadPageAsync(int partition, string? continuation, int pageSize, CancellationToken cancellationToken);

    /// <summary>Writes the totals of one page back, for jobs that apply their results through the source (<see cref="RescoringTarget.Source"/>).</summary>
    /// <param name="batch">The page's totals, with the job, partition and page that produced them.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>A task that completes when the totals are stored.</returns>
    /// <remarks>
    /// A page whose silo died after writing but before its progress was stored is written again by the silo that takes the
    /// partition over: write idempotently, keyed by contact and job (an upsert), or store the batch's continuation with the
    /// totals in one transaction and skip a page already written.
    /// </remarks>
    ValueTask WriteTotalsAsync(RescoredBatch batch, CancellationToken cancellationToken);
}
