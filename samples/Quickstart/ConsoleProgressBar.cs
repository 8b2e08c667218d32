using SalesGlossary.Domain;

namespace Quickstart;

/// <summary>Draws bulk-scoring progress as a bar on one console line, synchronously, as batches finish.</summary>
internal sealed class ConsoleProgressBar(string label) : IProgress<BulkScoringProgress>
{
    private readonly Lock gate = new();

    public void Report(BulkScoringProgress value)
    {
        lock (gate)
        {
            var total = value.Total ?? value.Scored;
            var done = total == 0 ? 30 : (int)(30 * value.Scored / total);
            Console.Write($"\r{label}  [{new string('#', done)}{new string('.', 30 - done)}] {value.Scored,6}/{total}");
        }
    }
}
