namespace GreedyWorker;

/// <summary>
/// A tamper-evidence seal for the report: an FNV-1a hash of its bytes, stretched over a million rounds so that
/// forging a report to match a published seal takes real work.
/// </summary>
public static class ReportSeal
{
    public const int Rounds = 1_000_000;

    public static async Task<ulong> ComputeAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        var seal = 14695981039346656037UL;

        // GT0004: a million rounds in a row without giving the thread back.
        // Fix: 'if (round % 4096 == 0) await Task.Yield();' as the first statement of the body,
        //      or move the loop to 'await Task.Run(() => { ... }, cancellationToken)'.
        for (var round = 0; round < 1_000_000; round++)
        {
            seal = (seal ^ bytes[round % bytes.Length]) * 1099511628211UL;
        }

        return seal;
    }
}
