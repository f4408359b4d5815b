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
}
