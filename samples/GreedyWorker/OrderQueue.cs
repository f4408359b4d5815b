using System.Collections.Concurrent;

namespace GreedyWorker;

/// <summary>
/// The inbox the workers drain. A real service would fill it from a message broker; here the demo
/// enqueues a fixed batch and then marks the queue complete.
/// </summary>
public sealed class OrderQueue
{
    private readonly ConcurrentQueue<Order> _orders = new();
    private volatile bool _completed;

    public void Enqueue(Order order) => _orders.Enqueue(order);

    /// <summary>No more orders will be enqueued.</summary>
    public void Complete() => _completed = true;

    /// <summary>True once the queue is complete and every order has been taken.</summary>
    public bool IsDrained => _completed && _orders.IsEmpty;

    public bool TryDequeue(out Order order) => _orders.TryDequeue(out order!);
}
