using System;
using System.Diagnostics;
using System.Threading;

namespace GreedyTasks.Benchmarks;

/// <summary>What one analyzer's callbacks cost, split into wall time, GC pauses inside them, and bytes they allocated.</summary>
internal sealed class CallbackCosts
{
    private long _ticks;
    private long _pauseTicks;
    private long _bytes;
    private long _calls;

    public string Name { get; }

    public CallbackCosts(string name) => Name = name;

    public double Milliseconds => _ticks * 1000.0 / Stopwatch.Frequency;

    public double GcPauseMilliseconds => TimeSpan.FromTicks(_pauseTicks).TotalMilliseconds;

    public long Bytes => _bytes;

    public long Calls => _calls;

    public void Reset()
    {
        _ticks = _pauseTicks = _bytes = _calls = 0;
    }

    public void Measure<T>(Action<T> action, T argument)
    {
        var pause = GC.GetTotalPauseDuration();
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        try
        {
            action(argument);
        }
        finally
        {
            Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - start);
            Interlocked.Add(ref _bytes, GC.GetAllocatedBytesForCurrentThread() - bytes);
            Interlocked.Add(ref _pauseTicks, (GC.GetTotalPauseDuration() - pause).Ticks);
            Interlocked.Increment(ref _calls);
        }
    }
}
