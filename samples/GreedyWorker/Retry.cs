namespace GreedyWorker;

/// <summary>A small retry helper with linear back-off, the kind most services grow by themselves.</summary>
public static class Retry
{
    public static async Task<T> RunAsync<T>(Func<int, Task<T>> operation, int maxAttempts, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await operation(attempt);
            }
            catch (TransientException ex) when (attempt < maxAttempts)
            {
                var backoffMilliseconds = 20 * attempt;
                Console.WriteLine($"  retry: {ex.Message}; attempt {attempt + 1} in {backoffMilliseconds} ms");

                // GT0002: the back-off holds a thread-pool thread for the whole pause.
                // Fix: await Task.Delay(backoffMilliseconds, cancellationToken)
                Thread.Sleep(backoffMilliseconds);
            }
        }
    }
}
