namespace GreedyWorker;

/// <summary>
/// Background upkeep for the price cache: drops lookups that failed, so the next quote asks the backend again.
/// It is meant to run for as long as the worker does, and stop with the given token.
/// </summary>
public sealed class Housekeeping(PriceCache prices, string logPath)
{
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var sweeps = 0;

        // GT0004: the loop checks the token but never waits, so it holds a pool thread (and a core) until the
        // service stops. (In this demo the token is already cancelled when the service starts, so the body never
        // runs and the program can exit.)
        // Fix: 'await Task.Yield();' as the first statement of the body,
        //      or move the loop to 'await Task.Run(() => { ... }, stoppingToken)'.
        // Better still, wait between sweeps: 'using var timer = new PeriodicTimer(...); while (await timer.WaitForNextTickAsync(stoppingToken)) ...'
        while (!stoppingToken.IsCancellationRequested)
        {
            prices.EvictFailedLookups();
            sweeps++;
        }

        // A last sweep on the way out. Not flagged: already the async API.
        var evicted = prices.EvictFailedLookups();
        await File.AppendAllTextAsync(logPath, $"{DateTimeOffset.UtcNow:O} housekeeping stopped after {sweeps} sweeps; {evicted} failed lookups evicted at exit\n");
    }
}
