namespace GreedyWorker;

/// <summary>Appends processed orders to an audit file in small batches, in the background.</summary>
public static class AuditLog
{
    /// <summary>Starts the flush and returns its task. This method is synchronous; the lambda it runs is not.</summary>
    public static Task FlushAsync(string path, IReadOnlyList<ProcessedOrder> orders, CancellationToken cancellationToken)
    {
        return Task.Run(
            async () =>
            {
                foreach (var batch in orders.Chunk(3))
                {
                    var lines = batch.Select(p => $"{DateTimeOffset.UtcNow:O} order={p.Order.Id} accepted={p.Accepted}");
                    await File.AppendAllLinesAsync(path, lines, cancellationToken);

                    // GT0002: an async lambda is async code even inside a synchronous method.
                    // Fix: await Task.Delay(10, cancellationToken) (the token of the enclosing method)
                    Thread.Sleep(10);
                }
            },
            cancellationToken);
    }
}
