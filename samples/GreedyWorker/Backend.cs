namespace GreedyWorker;

/// <summary>
/// Stand-ins for the remote services an order worker talks to: a catalogue, a stock service, a fraud screen
/// and a payment gateway. Each one takes a few milliseconds, like a fast network call.
/// </summary>
public static class Backend
{
    private static readonly Dictionary<string, decimal> Catalogue = new()
    {
        ["KB-101"] = 49.90m,
        ["MS-220"] = 24.50m,
        ["HD-900"] = 129.00m,
        ["CB-003"] = 7.25m,
    };

    public static async Task<decimal> FetchUnitPriceAsync(string sku)
    {
        await Task.Delay(10);
        return Catalogue.TryGetValue(sku, out var price) ? price : throw new KeyNotFoundException($"unknown SKU {sku}");
    }

    public static async Task<decimal> FetchDiscountAsync(string customer)
    {
        await Task.Delay(8);
        return customer is "ada" or "chen" ? 0.10m : 0m;
    }

    public static async Task<bool> CheckStockAsync(Order order, CancellationToken cancellationToken)
    {
        await Task.Delay(5 + order.Id % 7, cancellationToken);
        return order.Quantity <= 5;
    }

    public static async Task<bool> ScreenForFraudAsync(Order order, CancellationToken cancellationToken)
    {
        await Task.Delay(3 + order.Id % 5, cancellationToken);
        return true;
    }

    /// <summary>Charges the customer. Every third order fails on its first attempt, to exercise the retry helper.</summary>
    public static async Task<decimal> ChargeAsync(Order order, decimal amount, int attempt, CancellationToken cancellationToken)
    {
        await Task.Delay(4, cancellationToken);
        if (order.Id % 3 == 0 && attempt == 1)
        {
            throw new TransientException($"payment gateway busy for order {order.Id}");
        }

        return amount;
    }
}
