namespace GreedyWorker;

/// <summary>What the workers have done so far. Written by several workers at once, hence the lock.</summary>
public sealed class Ledger
{
    private readonly object _gate = new();
    private readonly List<ProcessedOrder> _processed = [];

    public void Record(ProcessedOrder order)
    {
        lock (_gate)
        {
            _processed.Add(order);
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _processed.Count;
            }
        }
    }

    public IReadOnlyList<ProcessedOrder> Snapshot()
    {
        lock (_gate)
        {
            return _processed.OrderBy(p => p.Order.Id).ToArray();
        }
    }
}
