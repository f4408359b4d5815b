namespace GreedyWorker;

/// <summary>
/// Takes orders from the queue and checks, prices and charges each one. Several loops run side by side
/// on the thread pool, which is exactly where a greedy task hurts: a blocked pool thread cannot run the
/// continuations of the other loops.
/// </summary>
public sealed class OrderWorker(OrderQueue queue, PriceCache prices, Ledger ledger)
{
    /// <summary>The payment gateway accepts two charges at a time, across all workers.</summary>
    private static readonly SemaphoreSlim PaymentSlots = new(2);

    public async Task RunAsync(string name, CancellationToken cancellationToken)
    {
        // GT0005: a worker must not quote before the price cache is warm, and waits for it by spinning.
        // (The demo warms the cache before it starts the workers, so here the loop ends at once.)
        // Fix: the body becomes 'await Task.Delay(1, cancellationToken);'
        while (!prices.IsWarm)
        {
            Thread.Yield();
        }

        // Not flagged by GT0004: the loop awaits on every order it processes.
        while (!cancellationToken.IsCancellationRequested)
        {
            if (!queue.TryDequeue(out var order))
            {
                if (queue.IsDrained)
                {
                    return;
                }

                // GT0002: polls by sleeping on a pool thread.
                // Fix: await Task.Delay(TimeSpan.FromMilliseconds(5), cancellationToken)
                Thread.Sleep(TimeSpan.FromMilliseconds(5));
                continue;
            }

            var processed = await ProcessAsync(name, order, cancellationToken);
            ledger.Record(processed);
            Console.WriteLine($"{name}: order {order.Id} {(processed.Accepted ? $"charged {processed.Total:0.00}" : "rejected")}");
        }
    }

    private async Task<ProcessedOrder> ProcessAsync(string name, Order order, CancellationToken cancellationToken)
    {
        // The stock check and the fraud screen run at the same time.
        var stock = Backend.CheckStockAsync(order, cancellationToken);
        var fraud = Backend.ScreenForFraudAsync(order, cancellationToken);

        // GT0001: blocks until one of the two answers; the index is used below.
        // Fix: Array.IndexOf(new Task[] { stock, fraud }, await Task.WhenAny(stock, fraud))
        var first = Task.WaitAny(stock, fraud);
        if (first == 0 && !await stock)
        {
            return new ProcessedOrder(order, name, 0m, 0, Accepted: false);
        }

        await Task.WhenAll(stock, fraud);

        // Not flagged: both tasks were awaited through Task.WhenAll just above, so Result returns at once.
        if (!stock.Result || !fraud.Result)
        {
            return new ProcessedOrder(order, name, 0m, 0, Accepted: false);
        }

        var amount = await prices.QuoteAsync(order);
        var attempts = 0;

        // GT0003: waits for a free payment slot while holding the thread.
        // Fix: await PaymentSlots.WaitAsync(cancellationToken)
        PaymentSlots.Wait();
        try
        {
            var charged = await Retry.RunAsync(
                attempt =>
                {
                    // A synchronous lambda: not async code, nothing in here is checked.
                    attempts = attempt;
                    return Backend.ChargeAsync(order, amount, attempt, cancellationToken);
                },
                maxAttempts: 3,
                cancellationToken);

            return new ProcessedOrder(order, name, charged, attempts, Accepted: true);
        }
        finally
        {
            PaymentSlots.Release();
        }
    }
}
