using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using GreedyTasks.Analyzers;
using GreedyTasks.Tests.Infrastructure;
using GreedyTasks.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.BlockingPrimitiveAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace GreedyTasks.Tests;

/// <summary>GT0006: do not wait on a blocking synchronization primitive in async code. The rule has no code fix.</summary>
public class BlockingPrimitiveTests
{
    // The second message argument, one per kind of cooperative replacement (spelled out, so a changed message fails here).
    private const string Semaphore = "'await SemaphoreSlim.WaitAsync()'";
    private const string Signal = "an awaited 'TaskCompletionSource' that the signalling side completes";
    private const string Channel = "a 'Channel<T>' and 'await reader.ReadAsync()'";
    private const string Joined = "a 'Task' that you await";
    private const string WhenAll = "awaited 'TaskCompletionSource' tasks with 'Task.WhenAll' or 'Task.WhenAny'";

    /// <summary>An async method with one of each primitive in scope; <paramref name="statements"/> run after an await.</summary>
    private static string InAsyncMethod(string statements) => $$"""
        using System;
        using System.Collections.Concurrent;
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            private readonly object _gate = new object();

            async Task M(
                ManualResetEvent manual, AutoResetEvent auto, EventWaitHandle handle, Mutex mutex, Semaphore semaphore,
                ManualResetEventSlim slim, CountdownEvent countdown, Barrier barrier, BlockingCollection<int> queue,
                ReaderWriterLockSlim rw, Thread thread, WaitHandle[] handles, CancellationToken ct)
            {
                await Task.Yield();
                var taken = false;
                {{statements}}
            }
        }
        """;

    private static Task VerifyReportedAsync(string call, string member, string alternative) =>
        VerifyCS.VerifyAnalyzerAsync(InAsyncMethod($"{{|#0:{call}|}};"), VerifyCS.Diagnostic("GT0006").WithLocation(0).WithArguments(member, alternative));

    // ---------------------------------------------------------------- reports: each primitive, with its message

    [Theory]
    [InlineData("manual.WaitOne()", "WaitHandle.WaitOne()")]
    [InlineData("manual.WaitOne(100)", "WaitHandle.WaitOne(int)")]
    [InlineData("auto.WaitOne(TimeSpan.FromSeconds(1))", "WaitHandle.WaitOne(TimeSpan)")]
    [InlineData("handle.WaitOne(Timeout.Infinite, false)", "WaitHandle.WaitOne(int, bool)")]
    public Task Event_WaitOne_is_reported_and_suggests_a_TaskCompletionSource(string call, string member)
    {
        return VerifyReportedAsync(call, member, Signal);
    }

    [Theory]
    [InlineData("mutex.WaitOne()", "WaitHandle.WaitOne()")]
    [InlineData("mutex.WaitOne(100)", "WaitHandle.WaitOne(int)")]
    [InlineData("semaphore.WaitOne(TimeSpan.FromSeconds(1))", "WaitHandle.WaitOne(TimeSpan)")]
    public Task Mutex_and_Semaphore_WaitOne_are_reported_and_suggest_SemaphoreSlim(string call, string member)
    {
        return VerifyReportedAsync(call, member, Semaphore);
    }

    [Theory]
    [InlineData("WaitHandle.WaitAll(handles)", "WaitHandle.WaitAll(WaitHandle[])", WhenAll)]
    [InlineData("WaitHandle.WaitAny(handles)", "WaitHandle.WaitAny(WaitHandle[])", WhenAll)]
    [InlineData("WaitHandle.WaitAny(handles, 100)", "WaitHandle.WaitAny(WaitHandle[], int)", WhenAll)]
    [InlineData("WaitHandle.SignalAndWait(manual, auto)", "WaitHandle.SignalAndWait(WaitHandle, WaitHandle)", Signal)]
    public Task Static_WaitHandle_waits_are_reported(string call, string member, string alternative)
    {
        return VerifyReportedAsync(call, member, alternative);
    }

    [Theory]
    [InlineData("Monitor.Enter(_gate)", "Monitor.Enter(object)", Semaphore)]
    [InlineData("Monitor.Enter(_gate, ref taken)", "Monitor.Enter(object, ref bool)", Semaphore)]
    [InlineData("Monitor.TryEnter(_gate, 100)", "Monitor.TryEnter(object, int)", Semaphore)]
    [InlineData("Monitor.TryEnter(_gate, TimeSpan.FromSeconds(1))", "Monitor.TryEnter(object, TimeSpan)", Semaphore)]
    [InlineData("Monitor.TryEnter(_gate, 100, ref taken)", "Monitor.TryEnter(object, int, ref bool)", Semaphore)]
    [InlineData("Monitor.Wait(_gate)", "Monitor.Wait(object)", Signal)]
    [InlineData("Monitor.Wait(_gate, 100)", "Monitor.Wait(object, int)", Signal)]
    public Task Monitor_waits_are_reported(string call, string member, string alternative)
    {
        return VerifyReportedAsync(call, member, alternative);
    }

    [Theory]
    [InlineData("slim.Wait()", "ManualResetEventSlim.Wait()")]
    [InlineData("slim.Wait(ct)", "ManualResetEventSlim.Wait(CancellationToken)")]
    [InlineData("slim.Wait(100)", "ManualResetEventSlim.Wait(int)")]
    [InlineData("slim.Wait(TimeSpan.FromSeconds(1), ct)", "ManualResetEventSlim.Wait(TimeSpan, CancellationToken)")]
    [InlineData("countdown.Wait()", "CountdownEvent.Wait()")]
    [InlineData("barrier.SignalAndWait()", "Barrier.SignalAndWait()")]
    public Task Slim_event_countdown_and_barrier_waits_are_reported_and_suggest_a_TaskCompletionSource(string call, string member)
    {
        return VerifyReportedAsync(call, member, Signal);
    }

    [Theory]
    [InlineData("queue.Take()", "BlockingCollection<int>.Take()")]
    [InlineData("queue.Take(ct)", "BlockingCollection<int>.Take(CancellationToken)")]
    [InlineData("queue.TryTake(out var item, 100)", "BlockingCollection<int>.TryTake(out int, int)")]
    [InlineData("queue.TryTake(out var item, TimeSpan.FromSeconds(1))", "BlockingCollection<int>.TryTake(out int, TimeSpan)")]
    [InlineData("BlockingCollection<int>.TakeFromAny(new[] { queue }, out var item)", "BlockingCollection<int>.TakeFromAny(BlockingCollection<int>[], out int)")]
    public Task BlockingCollection_takes_are_reported_and_suggest_a_Channel(string call, string member)
    {
        return VerifyReportedAsync(call, member, Channel);
    }

    [Fact]
    public Task GetConsumingEnumerable_is_reported_and_suggests_a_Channel()
    {
        return VerifyCS.VerifyAnalyzerAsync(
            InAsyncMethod("foreach (var item in {|#0:queue.GetConsumingEnumerable(ct)|}) { }"),
            VerifyCS.Diagnostic("GT0006").WithLocation(0).WithArguments("BlockingCollection<int>.GetConsumingEnumerable(CancellationToken)", Channel));
    }

    [Fact]
    public Task Take_on_a_BlockingCollection_of_a_type_parameter_is_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Concurrent;
            using System.Threading.Tasks;
            class C<T>
            {
                async Task<T> M(BlockingCollection<T> queue)
                {
                    await Task.Yield();
                    return {|#0:queue.Take()|};
                }
            }
            """,
            VerifyCS.Diagnostic("GT0006").WithLocation(0).WithArguments("BlockingCollection<T>.Take()", Channel));
    }

    [Theory]
    [InlineData("rw.EnterReadLock()", "ReaderWriterLockSlim.EnterReadLock()")]
    [InlineData("rw.EnterWriteLock()", "ReaderWriterLockSlim.EnterWriteLock()")]
    [InlineData("rw.EnterUpgradeableReadLock()", "ReaderWriterLockSlim.EnterUpgradeableReadLock()")]
    [InlineData("rw.TryEnterWriteLock(100)", "ReaderWriterLockSlim.TryEnterWriteLock(int)")]
    public Task ReaderWriterLockSlim_enters_are_reported_and_suggest_SemaphoreSlim(string call, string member)
    {
        return VerifyReportedAsync(call, member, Semaphore);
    }

    [Theory]
    [InlineData("thread.Join()", "Thread.Join()")]
    [InlineData("thread.Join(100)", "Thread.Join(int)")]
    [InlineData("thread.Join(TimeSpan.FromSeconds(1))", "Thread.Join(TimeSpan)")]
    public Task Thread_Join_is_reported_and_suggests_an_awaited_Task(string call, string member)
    {
        return VerifyReportedAsync(call, member, Joined);
    }

    [Theory]
    [InlineData("gate.Enter()", "Lock.Enter()")]
    [InlineData("gate.TryEnter(100)", "Lock.TryEnter(int)")]
    [InlineData("gate.TryEnter(TimeSpan.FromSeconds(1))", "Lock.TryEnter(TimeSpan)")]
    public Task System_Threading_Lock_enters_are_reported_and_suggest_SemaphoreSlim(string call, string member)
    {
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Lock gate)
                {
                    await Task.Yield();
                    {|#0:{{call}}|};
                }
            }
            """,
            TestReferences.Net90,
            VerifyCS.Diagnostic("GT0006").WithLocation(0).WithArguments(member, Semaphore));
    }

    [Fact]
    public Task System_Threading_Lock_TryEnter_without_a_timeout_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Lock gate)
                {
                    await Task.Yield();
                    if (gate.TryEnter() || gate.TryEnter(0))
                    {
                        gate.Exit();
                    }
                }
            }
            """,
            TestReferences.Net90);
    }

#if !ROSLYN_4_8
    // A Lock.Scope is a ref struct: 'using (gate.EnterScope())' in an async method needs C# 13, which Roslyn 4.8 does not know.
    // EnterScope is the lock statement's own form: no await can cross it, so it is left alone like the lock statement.
    [Fact]
    public Task System_Threading_Lock_EnterScope_and_a_lock_statement_on_a_Lock_are_not_reported()
    {
        return new VerifyCS.Test
        {
            ReferenceAssemblies = TestReferences.Net90,
            LanguageVersion = LanguageVersion.CSharp13,
            TestCode = """
                using System.Threading;
                using System.Threading.Tasks;
                class C
                {
                    private int _count;

                    async Task M(Lock gate)
                    {
                        await Task.Yield();
                        using (gate.EnterScope())
                        {
                            _count++;
                        }

                        lock (gate)
                        {
                            _count++;
                        }
                    }
                }
                """,
        }.RunAsync();
    }
#endif

    [Fact]
    public Task Hand_written_critical_section_without_await_is_not_reported()
    {
        // Enter; try { short work } finally { Exit } is what a lock statement compiles to: a short section is fine.
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private readonly object _gate = new();
                private readonly ReaderWriterLockSlim _rw = new();
                private readonly List<int> _items = new();

                async Task M()
                {
                    await Task.Yield();
                    Monitor.Enter(_gate);
                    try { _items.Add(1); }
                    finally { Monitor.Exit(_gate); }

                    var taken = false;
                    try
                    {
                        Monitor.Enter(_gate, ref taken);
                        _items.Add(2);
                    }
                    finally
                    {
                        if (taken) Monitor.Exit(_gate);
                    }

                    _rw.EnterWriteLock();
                    try { _items.Clear(); }
                    finally { _rw.ExitWriteLock(); }

                    this._rw.EnterReadLock();
                    try { _ = _items.Count; }
                    finally { _rw.ExitReadLock(); }
                }
            }
            """);
    }

    [Fact]
    public Task Hand_written_critical_section_is_reported_when_it_awaits_or_does_not_exit_the_same_lock()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private readonly object _gate = new();
                private readonly object _other = new();
                private readonly ReaderWriterLockSlim _rw = new();

                async Task M()
                {
                    {|GT0006:Monitor.Enter(_gate)|};
                    try { await Task.Delay(1); }
                    finally { Monitor.Exit(_gate); }

                    {|GT0006:_rw.EnterWriteLock()|};
                    try { }
                    finally { _rw.ExitReadLock(); }

                    {|GT0006:Monitor.Enter(_gate)|};
                    try { }
                    finally { Monitor.Exit(_other); }

                    {|GT0006:Monitor.Enter(_gate)|};
                    Work();
                    try { }
                    finally { Monitor.Exit(_gate); }
                }

                void Work() { }
            }
            """);
    }

#if !ROSLYN_4_8
    [Fact]
    public Task Hand_written_critical_section_on_a_Lock_without_await_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private readonly Lock _gate = new();
                private int _count;

                async Task M()
                {
                    await Task.Yield();
                    _gate.Enter();
                    try { _count++; }
                    finally { _gate.Exit(); }
                }
            }
            """,
            TestReferences.Net90);
    }
#endif

    [Fact]
    public Task Synchronous_branch_of_dual_mode_code_is_not_reported()
    {
        // Database drivers implement Read and ReadAsync in one method; the branch their synchronous callers take blocks on purpose.
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> Read(bool async, ManualResetEventSlim ready, Task<int> pending)
                {
                    if (async)
                    {
                        return await pending;
                    }
                    else
                    {
                        ready.Wait();
                        return 0;
                    }
                }

                async Task Other(bool async, ManualResetEventSlim ready)
                {
                    if (async)
                    {
                        await Task.Yield();
                    }

                    {|GT0006:ready.Wait()|};
                }
            }
            """);
    }

    [Fact]
    public Task Override_of_WaitOne_on_a_WaitHandle_subclass_is_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            sealed class Doorbell : WaitHandle
            {
                public override bool WaitOne() => base.WaitOne();
            }

            class C
            {
                async Task M(Doorbell bell, WaitHandle asHandle)
                {
                    await Task.Yield();
                    {|#0:bell.WaitOne()|};
                    {|#1:asHandle.WaitOne()|};
                }
            }
            """,
            VerifyCS.Diagnostic("GT0006").WithLocation(0).WithArguments("Doorbell.WaitOne()", Signal),
            VerifyCS.Diagnostic("GT0006").WithLocation(1).WithArguments("WaitHandle.WaitOne()", Signal));
    }

    [Fact]
    public Task Waits_in_a_net_framework_project_are_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private readonly object _gate = new object();

                async Task M(ManualResetEvent ready, Mutex mutex)
                {
                    await Task.Delay(1);
                    {|#0:ready.WaitOne()|};
                    {|#1:mutex.WaitOne(1000, false)|};
                    {|#2:Monitor.Enter(_gate)|};
                    Monitor.Exit(_gate);
                }
            }
            """,
            TestReferences.NetFramework472,
            VerifyCS.Diagnostic("GT0006").WithLocation(0).WithArguments("WaitHandle.WaitOne()", Signal),
            VerifyCS.Diagnostic("GT0006").WithLocation(1).WithArguments("WaitHandle.WaitOne(int, bool)", Semaphore),
            VerifyCS.Diagnostic("GT0006").WithLocation(2).WithArguments("Monitor.Enter(object)", Semaphore));
    }

    // ---------------------------------------------------------------- reports: every async context

    [Fact]
    public Task Wait_in_async_lambda_is_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(ManualResetEventSlim ready)
                {
                    Func<Task> f = async () => { {|GT0006:ready.Wait()|}; await Task.Yield(); };
                    await f();
                }
            }
            """);
    }

    [Fact]
    public Task Wait_in_async_lambda_inside_sync_method_is_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                void M(ManualResetEvent ready, object gate)
                {
                    Func<Task> f = async () => {|GT0006:ready.WaitOne()|};
                    Task.Run(async () => {|GT0006:Monitor.Enter(gate)|});
                }
            }
            """);
    }

    [Fact]
    public Task Wait_in_async_local_function_is_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Concurrent;
            using System.Threading.Tasks;
            class C
            {
                Task<int> M(BlockingCollection<int> queue)
                {
                    return Local();

                    async Task<int> Local()
                    {
                        await Task.Yield();
                        return {|GT0006:queue.Take()|};
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Wait_in_async_anonymous_method_is_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                void M(CountdownEvent pending)
                {
                    Func<Task> f = async delegate { {|GT0006:pending.Wait()|}; await Task.Yield(); };
                }
            }
            """);
    }

    [Fact]
    public Task Wait_in_async_iterator_is_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Concurrent;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class C
            {
                async IAsyncEnumerable<int> M(BlockingCollection<int> queue)
                {
                    await Task.Yield();
                    while (!queue.IsCompleted)
                    {
                        yield return {|GT0006:queue.Take()|};
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Wait_in_top_level_statements_with_await_is_reported()
    {
        return new VerifyCS.Test
        {
            ReferenceAssemblies = TestReferences.Net80,
            TestState = { OutputKind = OutputKind.ConsoleApplication },
            TestCode = """
                using System.Threading;
                using System.Threading.Tasks;
                using var ready = new ManualResetEventSlim(true);
                {|GT0006:ready.Wait()|};
                await Task.Yield();
                """,
        }.RunAsync();
    }

    [Fact]
    public Task Wait_in_top_level_statements_without_await_is_not_reported()
    {
        return new VerifyCS.Test
        {
            ReferenceAssemblies = TestReferences.Net80,
            TestState = { OutputKind = OutputKind.ConsoleApplication },
            TestCode = """
                using System.Threading;
                using var ready = new ManualResetEventSlim(true);
                ready.Wait();
                """,
        }.RunAsync();
    }

    [Fact]
    public Task Waits_inside_a_lock_body_are_still_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync(InAsyncMethod("""
            lock (_gate)
            {
                {|#0:manual.WaitOne()|};
                {|#1:Monitor.Wait(_gate)|};
            }
            """),
            VerifyCS.Diagnostic("GT0006").WithLocation(0).WithArguments("WaitHandle.WaitOne()", Signal),
            VerifyCS.Diagnostic("GT0006").WithLocation(1).WithArguments("Monitor.Wait(object)", Signal));
    }

    [Fact]
    public Task Wait_in_a_catch_filter_is_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync(InAsyncMethod("""
            try
            {
                await Task.Delay(1);
            }
            catch (Exception) when ({|GT0006:manual.WaitOne(100)|})
            {
            }
            """));
    }

    [Fact]
    public Task Wait_in_a_Task_returning_method_is_reported_when_task_returning_methods_is_on()
    {
        var test = VerifyCS.Create("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                Task M(ManualResetEventSlim ready)
                {
                    {|GT0006:ready.Wait()|};
                    return Task.CompletedTask;
                }

                void N(ManualResetEventSlim ready) => ready.Wait();
            }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ngreedy_tasks.task_returning_methods = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Wait_in_a_Task_returning_method_is_not_reported_by_default()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                Task M(ManualResetEventSlim ready)
                {
                    ready.Wait();
                    return Task.CompletedTask;
                }
            }
            """);
    }

    // ---------------------------------------------------------------- does not report

    [Theory]
    [InlineData("manual.WaitOne(0)")]
    [InlineData("manual.WaitOne(TimeSpan.Zero)")]
    [InlineData("manual.WaitOne(default(TimeSpan))")]
    [InlineData("mutex.WaitOne(millisecondsTimeout: 0)")]
    [InlineData("semaphore.WaitOne(0, false)")]
    [InlineData("slim.Wait(0)")]
    [InlineData("slim.Wait(TimeSpan.Zero, ct)")]
    [InlineData("countdown.Wait(0)")]
    [InlineData("WaitHandle.WaitAll(handles, 0)")]
    [InlineData("Monitor.TryEnter(_gate)")]
    [InlineData("Monitor.TryEnter(_gate, ref taken)")]
    [InlineData("Monitor.TryEnter(_gate, 0)")]
    [InlineData("queue.TryTake(out var item)")]
    [InlineData("queue.TryTake(out var item, 0)")]
    [InlineData("BlockingCollection<int>.TryTakeFromAny(new[] { queue }, out var item)")]
    [InlineData("rw.TryEnterWriteLock(0)")]
    [InlineData("thread.Join(0)")]
    [InlineData("const int NoWait = 0; manual.WaitOne(NoWait)")]
    public Task Zero_timeout_probes_and_try_methods_without_a_timeout_are_not_reported(string statement)
    {
        return VerifyCS.VerifyAnalyzerAsync(InAsyncMethod(statement + ";"));
    }

    [Theory]
    [InlineData("manual.Set(); manual.Reset(); auto.Set(); handle.Set()")]
    [InlineData("semaphore.Release(); mutex.ReleaseMutex()")]
    [InlineData("Monitor.Exit(_gate); Monitor.Pulse(_gate); Monitor.PulseAll(_gate); _ = Monitor.IsEntered(_gate)")]
    [InlineData("slim.Set(); slim.Reset(); _ = slim.IsSet; _ = slim.WaitHandle")]
    [InlineData("countdown.Signal(); countdown.AddCount(); barrier.AddParticipant(); barrier.RemoveParticipant()")]
    [InlineData("queue.Add(1); queue.TryAdd(2); queue.CompleteAdding(); _ = queue.Count")]
    [InlineData("rw.ExitReadLock(); rw.ExitWriteLock(); rw.ExitUpgradeableReadLock()")]
    [InlineData("thread.Start(); _ = thread.IsAlive; manual.Dispose()")]
    public Task Calls_that_signal_release_or_inspect_are_not_reported(string statements)
    {
        return VerifyCS.VerifyAnalyzerAsync(InAsyncMethod(statements + ";"));
    }

    [Fact]
    public Task Lock_statement_with_a_short_body_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class C
            {
                private readonly object _gate = new object();
                private readonly List<int> _items = new List<int>();

                async Task M()
                {
                    await Task.Yield();
                    lock (_gate)
                    {
                        _items.Add(1);
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Waits_in_a_sync_method_are_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Concurrent;
            using System.Threading;
            class C
            {
                private readonly object _gate = new object();

                int M(ManualResetEvent manual, ManualResetEventSlim slim, BlockingCollection<int> queue, ReaderWriterLockSlim rw, Thread thread)
                {
                    manual.WaitOne();
                    slim.Wait();
                    Monitor.Enter(_gate);
                    Monitor.Exit(_gate);
                    rw.EnterReadLock();
                    rw.ExitReadLock();
                    thread.Join();
                    return queue.Take();
                }
            }
            """);
    }

    [Fact]
    public Task Waits_in_sync_lambdas_and_local_functions_inside_async_code_are_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Concurrent;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(ManualResetEvent manual, BlockingCollection<int> queue, Thread thread)
                {
                    await Task.Run(() => manual.WaitOne());
                    var consumer = new Thread(() =>
                    {
                        foreach (var item in queue.GetConsumingEnumerable())
                        {
                            Console.WriteLine(item);
                        }
                    });
                    Action a = delegate { thread.Join(); };
                    Local();
                    Static(queue);

                    void Local() => manual.WaitOne();
                    static int Static(BlockingCollection<int> q) => q.Take();
                }
            }
            """);
    }

    [Fact]
    public Task Waits_in_nameof_and_expression_trees_are_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Linq.Expressions;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task<string> M(ManualResetEvent manual)
                {
                    await Task.Yield();
                    Expression<Func<bool>> e = () => manual.WaitOne();
                    return nameof(manual.WaitOne) + nameof(Monitor.Enter);
                }
            }
            """);
    }

    [Fact]
    public Task Look_alike_methods_on_user_types_are_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            namespace App
            {
                sealed class Gate
                {
                    public bool WaitOne() => true;
                    public bool WaitOne(int millisecondsTimeout) => true;
                    public void Wait() { }
                    public int Take() => 0;
                    public void Enter() { }
                    public void EnterWriteLock() { }
                    public void Join() { }
                    public void SignalAndWait() { }
                }

                static class Monitor
                {
                    public static void Enter(object o) { }
                    public static void Wait(object o) { }
                }

                static class GateExtensions
                {
                    public static bool WaitOne(this Task task) => task.IsCompleted;
                }

                class C
                {
                    async Task M(Gate gate, Task task)
                    {
                        await Task.Yield();
                        gate.WaitOne();
                        gate.WaitOne(100);
                        gate.Wait();
                        _ = gate.Take();
                        gate.Enter();
                        gate.EnterWriteLock();
                        gate.Join();
                        gate.SignalAndWait();
                        Monitor.Enter(gate);
                        Monitor.Wait(gate);
                        task.WaitOne();
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Generated_code_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            // <auto-generated/>
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(ManualResetEvent manual, object gate)
                {
                    await Task.Yield();
                    manual.WaitOne();
                    Monitor.Enter(gate);
                }
            }
            """);
    }

    [Fact]
    public Task Members_marked_GeneratedCode_are_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.CodeDom.Compiler;
            using System.Threading;
            using System.Threading.Tasks;
            [GeneratedCode("tool", "1.0")]
            class C
            {
                async Task M(ManualResetEvent manual)
                {
                    await Task.Yield();
                    manual.WaitOne();
                }
            }
            """);
    }

    // ---------------------------------------------------------------- greedy_tasks.excluded_methods

    [Fact]
    public Task Excluded_method_is_not_reported_and_other_waits_still_are()
    {
        var test = VerifyCS.Create(InAsyncMethod("""
            manual.WaitOne();
            mutex.WaitOne(100);
            {|GT0006:WaitHandle.WaitAll(handles)|};
            {|GT0006:slim.Wait()|};
            """));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ngreedy_tasks.excluded_methods = M:System.Threading.WaitHandle.WaitOne\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Excluded_static_type_covers_all_its_methods()
    {
        var test = VerifyCS.Create(InAsyncMethod("""
            Monitor.Enter(_gate);
            Monitor.TryEnter(_gate, 100);
            Monitor.Wait(_gate);
            {|GT0006:rw.EnterWriteLock()|};
            """));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ngreedy_tasks.excluded_methods = T:System.Threading.Monitor\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Excluded_base_type_covers_derived_handles_and_generic_type_entries_work()
    {
        var test = VerifyCS.Create(InAsyncMethod("""
            manual.WaitOne();
            mutex.WaitOne();
            WaitHandle.WaitAny(handles);
            queue.Take();
            {|GT0006:thread.Join()|};
            """));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ngreedy_tasks.excluded_methods = T:System.Threading.WaitHandle | T:System.Collections.Concurrent.BlockingCollection`1\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Excluded_Mutex_type_covers_waits_on_a_Mutex_only()
    {
        var test = VerifyCS.Create(InAsyncMethod("""
            mutex.WaitOne();
            mutex.WaitOne(100);
            {|GT0006:manual.WaitOne()|};
            {|GT0006:semaphore.WaitOne()|};
            """));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ngreedy_tasks.excluded_methods = T:System.Threading.Mutex\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Excluded_methods_file_is_honoured()
    {
        var test = VerifyCS.Create(InAsyncMethod("""
            thread.Join();
            {|GT0006:slim.Wait()|};
            """));
        test.TestState.AdditionalFiles.Add(("/0/GreedyTasks.ExcludedMethods.txt", "# a dedicated thread\nM:System.Threading.Thread.Join\n"));
        return test.RunAsync();
    }

    // ---------------------------------------------------------------- SemaphoreSlim.Wait: GT0003 or GT0006, never both

    [Fact]
    public Task SemaphoreSlim_Wait_where_await_is_allowed_is_left_to_GT0003()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(SemaphoreSlim s, CancellationToken ct)
                {
                    s.Wait();
                    s.Wait(ct);
                    Func<Task> f = async () => s.Wait(100);
                    await Task.Yield();
                }
            }
            """);
    }

    [Fact]
    public Task SemaphoreSlim_Wait_in_a_lock_body_is_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private readonly object _gate = new object();

                async Task M(SemaphoreSlim s, CancellationToken ct)
                {
                    await Task.Yield();
                    lock (_gate)
                    {
                        {|#0:s.Wait()|};
                        {|#1:s.Wait(ct)|};
                        s.Wait(0);
                    }
                }
            }
            """,
            VerifyCS.Diagnostic("GT0006").WithLocation(0).WithArguments("SemaphoreSlim.Wait()", Semaphore),
            VerifyCS.Diagnostic("GT0006").WithLocation(1).WithArguments("SemaphoreSlim.Wait(CancellationToken)", Semaphore));
    }

    [Fact]
    public Task SemaphoreSlim_Wait_in_a_catch_filter_is_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(SemaphoreSlim s)
                {
                    try
                    {
                        await Task.Delay(1);
                    }
                    catch (Exception) when ({|#0:s.Wait(10)|})
                    {
                        s.Release();
                    }
                }
            }
            """,
            VerifyCS.Diagnostic("GT0006").WithLocation(0).WithArguments("SemaphoreSlim.Wait(int)", Semaphore));
    }

    [Fact]
    public Task SemaphoreSlim_Wait_in_an_async_lambda_inside_a_lock_body_is_left_to_GT0003()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private readonly object _gate = new object();

                void M(SemaphoreSlim s)
                {
                    lock (_gate)
                    {
                        Func<Task> f = async () => { s.Wait(); await Task.Yield(); };
                        Action a = () => s.Wait();
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task SemaphoreSlim_Wait_gets_exactly_one_of_GT0003_and_GT0006()
    {
        var result = await AnalyzerRunner.RunAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private readonly object _gate = new object();

                async Task M(SemaphoreSlim s)
                {
                    s.Wait();
                    lock (_gate)
                    {
                        s.Wait();
                    }
                    try
                    {
                        await Task.Delay(1);
                    }
                    catch (Exception) when (s.Wait(10))
                    {
                        s.Release();
                    }
                }
            }
            """);

        Assert.Empty(result.AnalyzerExceptions);
        var semaphoreDiagnostics = result.Diagnostics.Where(d => d.Id is "GT0003" or "GT0006").ToList();
        Assert.DoesNotContain(semaphoreDiagnostics.GroupBy(d => d.Location.SourceSpan), g => g.Count() > 1);
        var byLine = semaphoreDiagnostics
            .Select(d => (Line: d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Id))
            .OrderBy(x => x.Line)
            .ToList();
        Assert.Equal(new List<(int, string)> { (10, "GT0003"), (13, "GT0006"), (19, "GT0006") }, byLine);
    }

#if !ROSLYN_4_8
    // C# 13 allows unsafe blocks, ref locals and ref struct locals in async methods (where they do not cross an await).
    // GT0003 reports nothing there, because it cannot insert an await; GT0006 takes SemaphoreSlim.Wait wherever GT0003
    // cannot offer its fix, so the wait is reported exactly once. (Regression: first version left these to GT0003.)
    [Theory]
    [InlineData("unsafe { s.Wait(); }")]
    [InlineData("Span<byte> span = data; span[0] = 1; s.Wait();")]
    [InlineData("ref byte first = ref data[0]; first = 1; s.Wait();")]
    public async Task SemaphoreSlim_Wait_where_GT0003_cannot_offer_an_await_is_reported_once(string statements)
    {
        var diagnostics = await RunGT0003AndGT0006Async($$"""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(SemaphoreSlim s, byte[] data)
                {
                    await Task.Yield();
                    {{statements}}
                }
            }
            """);

        Assert.Single(diagnostics, d => d.Id is "GT0003" or "GT0006");
    }

    [Fact]
    public async Task Waits_on_other_primitives_in_a_function_with_a_ref_struct_local_are_reported()
    {
        // The counterpart of the skipped test above: GT0006 itself does not care about unsafe code or ref locals.
        var diagnostics = await RunGT0003AndGT0006Async("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(ManualResetEventSlim ready, byte[] data)
                {
                    await Task.Yield();
                    Span<byte> span = data;
                    span[0] = 1;
                    ready.Wait();
                    unsafe { ready.Wait(); }
                }
            }
            """);

        Assert.Equal(new[] { "GT0006", "GT0006" }, diagnostics.Select(d => d.Id));
    }

    /// <summary>Runs GT0003 and GT0006 over C# 13 source that must compile without errors.</summary>
    private static async Task<ImmutableArray<Diagnostic>> RunGT0003AndGT0006Async(string source)
    {
        var references = await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, System.Threading.CancellationToken.None);
        var compilation = CSharpCompilation.Create(
            "Test",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp13)) },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
        Assert.DoesNotContain(compilation.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);

        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new AsyncAlternativeAnalyzer(), new BlockingPrimitiveAnalyzer());
        return await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
    }
#endif

    // ---------------------------------------------------------------- no code fix

    [Fact]
    public Task Diagnostics_come_without_a_code_fix()
    {
        return VerifyCS.VerifyNoCodeFixAsync(InAsyncMethod("""
            {|GT0006:manual.WaitOne()|};
            {|GT0006:slim.Wait(ct)|};
            {|GT0006:queue.Take()|};
            """));
    }

    [Fact]
    public async Task No_code_fix_provider_in_the_package_fixes_GT0006()
    {
        var result = await AnalyzerRunner.RunAsync(InAsyncMethod("""
            manual.WaitOne();
            Monitor.Enter(_gate);
            queue.Take();
            thread.Join();
            """));

        Assert.Empty(result.AnalyzerExceptions);
        Assert.Equal(4, result.Diagnostics.Count(d => d.Id == "GT0006"));
        Assert.Equal(0, result.FixesApplied);
        Assert.DoesNotContain(AnalyzerRunner.AllCodeFixes, f => f.FixableDiagnosticIds.Contains("GT0006"));
    }

    // ---------------------------------------------------------------- incomplete code

    [Theory]
    [InlineData("manual.WaitOne()")]
    [InlineData("manual.WaitOne(100")]
    [InlineData("Monitor.Enter(_gate")]
    [InlineData("slim.Wait(ct")]
    [InlineData("var item = queue.Take()")]
    [InlineData("lock (_gate) { manual.WaitOne(); ")]
    public async Task Typing_a_blocking_wait_reports_it_and_never_throws(string statement)
    {
        var result = await AnalyzerRunner.RunAsync(InAsyncMethod(statement));

        Assert.Empty(result.AnalyzerExceptions);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "AD0001");
        Assert.Contains(result.Diagnostics, d => d.Id == "GT0006");
    }

    [Theory]
    [InlineData("""class C { async Task M(ManualResetEvent m) { m.WaitOne( } }""")]
    [InlineData("""class C { async Task M() { unknown.WaitOne(); Monitor.Enter(); Monitor.TryEnter(null, ); } }""")]
    [InlineData("""class C { async Task M(UnknownType x) { x.Wait(); x.Take(); x.WaitOne(0); } }""")]
    [InlineData("""class C { async Task M(ManualResetEvent m) { m.WaitOne("x"); m.WaitOne(1, 2, 3); m.WaitOne(millisecondsTimeout: ); } }""")]
    [InlineData("""class C { async Task M(BlockingCollection<int> q) { q.TryTake(out ); q.Take(undefinedToken); BlockingCollection<int>.TakeFromAny(); } }""")]
    [InlineData("""class C { async Task M(SemaphoreSlim s) { lock (s) { s.Wait( } try { } catch when (s.Wait(10 { } } }""")]
    [InlineData("""class C { async Task M(ManualResetEventSlim e) { Func<Task> f = async () => e.Wait(; } }""")]
    [InlineData("""class C { async Task M(object o) { Monitor.Enter(o, ref ); Monitor.Enter(o, out var taken); Monitor.Wait(o, TimeSpan.Zero, ); } }""")]
    [InlineData("""await Task.Yield(); new ManualResetEvent(false).WaitOne(""")]
    public async Task Broken_code_around_primitives_never_throws(string body)
    {
        var source = "using System; using System.Collections.Concurrent; using System.Threading; using System.Threading.Tasks;\n" + body;
        var kind = body.StartsWith("class", System.StringComparison.Ordinal) ? OutputKind.DynamicallyLinkedLibrary : OutputKind.ConsoleApplication;
        var result = await AnalyzerRunner.RunAsync(source, kind);

        Assert.Empty(result.AnalyzerExceptions);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public Task Unknown_types_and_missing_arguments_are_not_reported()
    {
        return new VerifyCS.Test
        {
            ReferenceAssemblies = TestReferences.Net80,
            CompilerDiagnostics = CompilerDiagnostics.None,
            TestCode = """
                using System.Threading;
                using System.Threading.Tasks;
                class C
                {
                    async Task M(UnknownEvent unknown, object gate)
                    {
                        await Task.Yield();
                        unknown.WaitOne();
                        Monitor.Enter();
                        Monitor.TryEnter(gate, );
                    }
                }
                """,
        }.RunAsync();
    }
}
