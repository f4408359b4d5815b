using System.Collections.Concurrent;

namespace GreedyWorker;

/// <summary>
/// Caches catalogue prices and customer discounts. Each entry is the task of the first lookup, so
/// concurrent callers share one request.
/// </summary>
public sealed class PriceCache
{
    private readonly ConcurrentDictionary<string, Task<decimal>> _unitPrices = new();
    private readonly ConcurrentDictionary<string, Task<decimal>> _discounts = new();
    private volatile bool _warm;

    /// <summary>True once <see cref="WarmUpAsync"/> has loaded every price.</summary>
    public bool IsWarm => _warm;

    /// <summary>Loads the prices of the given SKUs before the workers start.</summary>
    public async Task WarmUpAsync(IEnumerable<string> skus, CancellationToken cancellationToken)
    {
        var loads = skus.Distinct().Select(sku => _unitPrices.GetOrAdd(sku, Backend.FetchUnitPriceAsync)).ToArray();

        // GT0001: waits for every load while holding the thread.
        // Fix: await Task.WhenAll(loads).WaitAsync(cancellationToken)
        Task.WhenAll(loads).Wait(cancellationToken);

        _warm = true;
        Console.WriteLine($"price cache: {loads.Length} prices loaded");
    }

    /// <summary>Drops lookups that failed, so the next request for that SKU or customer asks again. Returns how many.</summary>
    public int EvictFailedLookups()
    {
        var evicted = 0;
        foreach (var cache in new[] { _unitPrices, _discounts })
        {
            foreach (var (key, lookup) in cache)
            {
                if (lookup.IsFaulted && cache.TryRemove(key, out _))
                {
                    evicted++;
                }
            }
        }

        return evicted;
    }

    /// <summary>The unit price of a SKU: completed at once when cached, otherwise the pending lookup.</summary>
    public ValueTask<decimal> GetUnitPriceAsync(string sku)
    {
        var lookup = _unitPrices.GetOrAdd(sku, Backend.FetchUnitPriceAsync);
        return lookup.IsCompletedSuccessfully ? new ValueTask<decimal>(lookup.Result) : new ValueTask<decimal>(lookup);
    }

    /// <summary>The price of an order line after the customer's discount.</summary>
    public async Task<decimal> QuoteAsync(Order order)
    {
        var unitPrice = GetUnitPriceAsync(order.Sku);

        // Not flagged: the documented ValueTask fast path. A completed ValueTask's Result does not block.
        var price = unitPrice.IsCompletedSuccessfully ? unitPrice.Result : await unitPrice;

        // GT0001: blocks until the discount service answers (on a cache miss, ~8 ms of a pool thread).
        // Fix: await _discounts.GetOrAdd(order.Customer, Backend.FetchDiscountAsync)
        var discount = _discounts.GetOrAdd(order.Customer, Backend.FetchDiscountAsync).Result;

        return price * order.Quantity * (1 - discount);
    }
}
