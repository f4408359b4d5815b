using Microsoft.CodeAnalysis;

namespace GreedyTasks.Analyzers;

/// <summary>Every diagnostic GreedyTasks reports, in one place.</summary>
internal static class Descriptors
{
    public static readonly DiagnosticDescriptor BlockingWait = DescriptorFactory.Create(
        DiagnosticIds.BlockingWait,
        title: "Do not block on a task in async code",
        messageFormat: "'{0}' blocks the thread until the task completes; await it instead",
        description: "Blocking on a task holds the thread until the task completes. In async code that thread could run other continuations: "
            + "on a UI or single-threaded context the app freezes or deadlocks, on the thread pool threads run out. Await the task instead.");

    public static readonly DiagnosticDescriptor ThreadSleep = DescriptorFactory.Create(
        DiagnosticIds.ThreadSleep,
        title: "Do not call 'Thread.Sleep' in async code",
        messageFormat: "'{0}' blocks the thread while it waits; use 'await Task.Delay' instead",
        description: "Thread.Sleep holds the thread for the whole delay, so nothing else can run on it. In async code, "
            + "await Task.Delay gives the thread back while the time passes.");

    public static readonly DiagnosticDescriptor AsyncAlternative = DescriptorFactory.Create(
        DiagnosticIds.AsyncAlternative,
        title: "Call the async alternative in async code",
        messageFormat: "'{0}' blocks the thread; await '{1}' instead",
        description: "A synchronous call that has an awaitable twin holds the thread while it waits for I/O or a lock. In async code, "
            + "awaiting the async alternative gives the thread back until the result is ready.");

    /// <summary>GT0003 for <c>using</c> of a resource whose <c>DisposeAsync</c> does real work.</summary>
    public static readonly DiagnosticDescriptor AsyncDisposal = DescriptorFactory.Create(
        DiagnosticIds.AsyncAlternative,
        title: "Call the async alternative in async code",
        messageFormat: "'{0}' is disposed synchronously; use 'await using' so its 'DisposeAsync' runs",
        description: "Disposing a resource synchronously may flush or close I/O on the calling thread. In async code, 'await using' calls DisposeAsync and gives the thread back.");

    /// <summary>GT0003 for <c>using</c> of <c>CreateScope()</c>, which has <c>CreateAsyncScope()</c>.</summary>
    public static readonly DiagnosticDescriptor AsyncScope = DescriptorFactory.Create(
        DiagnosticIds.AsyncAlternative,
        title: "Call the async alternative in async code",
        messageFormat: "'{0}' creates a scope that is disposed synchronously; use 'await using' with '{1}' instead",
        description: "A service scope disposes the services it created; services that implement only IAsyncDisposable make a synchronous Dispose throw. "
            + "'await using' with CreateAsyncScope disposes them asynchronously.");

    public static readonly DiagnosticDescriptor GreedyLoop = DescriptorFactory.Create(
        DiagnosticIds.GreedyLoop,
        title: "Long-running loop without 'await' in async code",
        messageFormat: "This '{0}' loop never awaits and {1}; it holds the thread until it ends",
        description: "A loop that never awaits keeps its thread for as long as it runs. In async code every continuation queued behind it waits: "
            + "yield inside the loop or move it off the caller's thread.");

    public static readonly DiagnosticDescriptor SpinLoop = DescriptorFactory.Create(
        DiagnosticIds.SpinWait,
        title: "Do not spin-wait in async code",
        messageFormat: "This '{0}' loop spins until '{1}' changes without giving the thread back; await instead",
        description: "Spinning burns the thread (and a core) while waiting for something else to happen. In async code, await the event, or at least await a delay between checks.");

    /// <summary>GT0005 for a spinning call (<c>Thread.Yield()</c>, <c>Thread.SpinWait</c>, <c>SpinWait.SpinUntil</c>, …).</summary>
    public static readonly DiagnosticDescriptor SpinCall = DescriptorFactory.Create(
        DiagnosticIds.SpinWait,
        title: "Do not spin-wait in async code",
        messageFormat: "'{0}' spins the thread instead of giving it back; await instead",
        description: "Spinning burns the thread (and a core) while waiting for something else to happen. In async code, await the event, or at least await a delay between checks.");

    public static readonly DiagnosticDescriptor BlockingPrimitive = DescriptorFactory.Create(
        DiagnosticIds.BlockingPrimitive,
        title: "Do not wait on a blocking synchronization primitive in async code",
        messageFormat: "'{0}' blocks the thread while it waits; in async code use {1} instead",
        description: "Events, monitors, mutexes, barriers and blocking queues hold the waiting thread until another party signals them. In async code "
            + "that thread could run other continuations: use a primitive that can be awaited (SemaphoreSlim.WaitAsync, TaskCompletionSource, Channel<T>).");

    public static readonly DiagnosticDescriptor InvalidConfiguration = DescriptorFactory.Create(
        DiagnosticIds.InvalidConfiguration,
        title: "Invalid GreedyTasks configuration",
        messageFormat: "{0}",
        description: "A GreedyTasks option or exclusion entry could not be read; it is ignored and the default applies.",
        customTags: WellKnownDiagnosticTags.CompilationEnd);
}
