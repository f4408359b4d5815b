namespace GreedyWorker;

/// <summary>An order as it arrives from the shop front.</summary>
public sealed record Order(int Id, string Customer, string Sku, int Quantity);

/// <summary>An order after the worker has checked, priced and charged it.</summary>
public sealed record ProcessedOrder(Order Order, string Worker, decimal Total, int Attempts, bool Accepted);

/// <summary>A failure worth retrying: the remote side was busy, not wrong.</summary>
public sealed class TransientException(string message) : Exception(message);

/// <summary>The orders the demo processes. Fixed, so every run behaves the same.</summary>
public static class SampleData
{
    public static IEnumerable<Order> Orders() =>
    [
        new(1001, "ada", "KB-101", 1),
        new(1002, "brian", "MS-220", 2),
        new(1003, "chen", "KB-101", 1),
        new(1004, "dora", "HD-900", 1),
        new(1005, "ada", "CB-003", 4),
        new(1006, "emil", "MS-220", 1),
        new(1007, "fatima", "HD-900", 2),
        new(1008, "chen", "CB-003", 10),
    ];
}
