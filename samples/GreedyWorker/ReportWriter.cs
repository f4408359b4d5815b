using System.Security.Cryptography;
using System.Text;

namespace GreedyWorker;

/// <summary>Writes the end-of-run CSV report and prints a one-line summary with its checksum.</summary>
public sealed class ReportWriter(string directory)
{
    public async Task<string> WriteAsync(IReadOnlyList<ProcessedOrder> orders, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "orders-report.csv");

        var lines = new List<string> { "id,customer,sku,quantity,worker,total,attempts,accepted" };
        lines.AddRange(orders.Select(p =>
            $"{p.Order.Id},{p.Order.Customer},{p.Order.Sku},{p.Order.Quantity},{p.Worker},{p.Total:0.00},{p.Attempts},{p.Accepted}"));

        // GT0001: sync-over-async file write.
        // Fix: await File.WriteAllLinesAsync(path, lines, cancellationToken)
        File.WriteAllLinesAsync(path, lines, cancellationToken).GetAwaiter().GetResult();

        // GT0001: ConfigureAwait(false) does not make the wait any less blocking.
        // Fix: await ChecksumAsync(path, cancellationToken).ConfigureAwait(false)
        var checksum = ChecksumAsync(path, cancellationToken).ConfigureAwait(false).GetAwaiter().GetResult();

        // A backup copy of the report, with its checksum appended as a trailer line.
        // Not flagged: both files are already disposed with 'await using'.
        await using (var source = File.OpenRead(path))
        await using (var backup = File.Create(Path.Combine(directory, "orders-report.bak")))
        {
            // GT0003: copies the whole report on the calling thread.
            // Fix: await source.CopyToAsync(backup, cancellationToken)
            source.CopyTo(backup);

            // Not flagged: a MemoryStream lives in memory, so writing to it never waits for I/O
            // (MemoryStream is on GT0003's default exclusion list).
            using var trailer = new MemoryStream();
            var trailerBytes = Encoding.UTF8.GetBytes($"# sha256 {checksum}\n");
            trailer.Write(trailerBytes, 0, trailerBytes.Length);
            await backup.WriteAsync(trailer.ToArray(), cancellationToken);
        }

        var seal = await ReportSeal.ComputeAsync(path, cancellationToken);

        var summary = SummarizeAsync(orders);
        await summary;

        // Not flagged: 'summary' was awaited on the line above, so Result cannot block.
        Console.WriteLine($"report: {summary.Result} (sha256 {checksum[..12]}, seal {seal:x16})");

        return path;
    }

    private static async Task<string> ChecksumAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken);
        return Convert.ToHexStringLower(hash);
    }

    private static async Task<string> SummarizeAsync(IReadOnlyList<ProcessedOrder> orders)
    {
        await Task.Yield();
        var accepted = orders.Where(p => p.Accepted).ToArray();
        var text = new StringBuilder()
            .Append(accepted.Length).Append(" of ").Append(orders.Count).Append(" orders accepted, ")
            .Append(accepted.Sum(p => p.Total).ToString("0.00")).Append(" charged, ")
            .Append(accepted.Count(p => p.Attempts > 1)).Append(" needed a retry");
        return text.ToString();
    }
}
