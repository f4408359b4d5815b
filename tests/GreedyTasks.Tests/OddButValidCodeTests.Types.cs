using System.Threading.Tasks;
using GreedyTasks.Tests.Verifiers;
using VerifyPrimitive = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.BlockingPrimitiveAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;
using VerifySleep = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.ThreadSleepAnalyzer, GreedyTasks.CodeFixes.ThreadSleepCodeFixProvider>;
using VerifyWait = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.BlockingWaitAnalyzer, GreedyTasks.CodeFixes.BlockingWaitCodeFixProvider>;

namespace GreedyTasks.Tests;

/// <summary>Odd but valid code, part two: unusual type shapes and unusual awaitables.</summary>
public partial class OddButValidCodeTests
{
    // ---------------------------------------------------------------- records, primary constructors, file types

    [Fact]
    public Task Result_in_record_and_record_struct_async_methods_is_reported_and_fixed()
    {
        return VerifyWait.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            record Order(Task<int> Quantity)
            {
                public async Task<int> TotalAsync(int price)
                {
                    await Task.Yield();
                    return {|GT0001:Quantity.Result|} * price;
                }
            }

            readonly record struct Line(Task<int> Amount)
            {
                public async Task<int> DoubleAsync() => {|GT0001:Amount.Result|} * 2;
            }
            """, """
            using System.Threading.Tasks;
            record Order(Task<int> Quantity)
            {
                public async Task<int> TotalAsync(int price)
                {
                    await Task.Yield();
                    return await Quantity * price;
                }
            }

            readonly record struct Line(Task<int> Amount)
            {
                public async Task<int> DoubleAsync() => await Amount * 2;
            }
            """);
    }

    [Fact]
    public Task Result_on_a_task_captured_by_a_primary_constructor_is_reported_and_fixed()
    {
        return VerifyWait.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class Service(Task<int> ready, Task started)
            {
                public int Sync() => ready.Result;

                public async Task<int> RunAsync()
                {
                    {|GT0001:started.Wait()|};
                    await Task.Yield();
                    return {|GT0001:ready.Result|};
                }
            }
            """, """
            using System.Threading.Tasks;
            class Service(Task<int> ready, Task started)
            {
                public int Sync() => ready.Result;

                public async Task<int> RunAsync()
                {
                    await started;
                    await Task.Yield();
                    return await ready;
                }
            }
            """);
    }

    [Fact]
    public Task Sleep_in_file_scoped_class_is_reported_and_fixed()
    {
        return VerifySleep.VerifyCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            file class Worker
            {
                public async Task RunAsync(CancellationToken ct)
                {
                    {|GT0002:Thread.Sleep(50)|};
                    await Task.Yield();
                }
            }
            """, """
            using System.Threading;
            using System.Threading.Tasks;
            file class Worker
            {
                public async Task RunAsync(CancellationToken ct)
                {
                    await Task.Delay(50, ct);
                    await Task.Yield();
                }
            }
            """);
    }

    [Fact]
    public Task Monitor_Enter_in_file_scoped_record_struct_is_reported_without_a_fix()
    {
        return VerifyPrimitive.VerifyNoCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            file record struct Gate(object Sync)
            {
                public async Task EnterAsync()
                {
                    await Task.Yield();
                    {|GT0006:Monitor.Enter(Sync)|};
                }
            }
            """);
    }

    // ---------------------------------------------------------------- required members, init accessors, default interface methods

    [Fact]
    public Task Result_on_required_init_members_is_reported_and_fixed()
    {
        return VerifyWait.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class Job
            {
                public required Task<int> Work { get; init; }

                public Task Other { get; init; } = Task.CompletedTask;

                public async Task<int> RunAsync()
                {
                    {|GT0001:Other.Wait()|};
                    await Task.Yield();
                    return {|GT0001:Work.Result|};
                }

                public static async Task<int> CreateAndRunAsync(Task<int> t)
                {
                    var job = new Job { Work = t };
                    await Task.Yield();
                    return {|GT0001:job.Work.Result|};
                }
            }
            """, """
            using System.Threading.Tasks;
            class Job
            {
                public required Task<int> Work { get; init; }

                public Task Other { get; init; } = Task.CompletedTask;

                public async Task<int> RunAsync()
                {
                    await Other;
                    await Task.Yield();
                    return await Work;
                }

                public static async Task<int> CreateAndRunAsync(Task<int> t)
                {
                    var job = new Job { Work = t };
                    await Task.Yield();
                    return await job.Work;
                }
            }
            """);
    }

    [Fact]
    public Task Result_in_default_interface_method_with_async_body_is_reported_and_fixed()
    {
        return VerifyWait.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            interface IJob
            {
                Task<int> Work { get; }

                int Peek() => Work.Result;

                async Task<int> RunAsync()
                {
                    await Task.Yield();
                    return {|GT0001:Work.Result|} + 1;
                }
            }
            """, """
            using System.Threading.Tasks;
            interface IJob
            {
                Task<int> Work { get; }

                int Peek() => Work.Result;

                async Task<int> RunAsync()
                {
                    await Task.Yield();
                    return await Work + 1;
                }
            }
            """);
    }

    // ---------------------------------------------------------------- extension methods, generics, expression-bodied members

    [Fact]
    public Task Extension_methods_on_Task_are_reported_only_when_async()
    {
        return VerifyWait.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            static class TaskExtensions
            {
                public static int Get(this Task<int> t) => t.Result;

                public static async Task<int> TwiceAsync(this Task<int> t)
                {
                    await Task.Yield();
                    return {|GT0001:t.Result|} * 2;
                }

                public static async Task WaitBothAsync(this Task t, Task other) => {|GT0001:Task.WaitAll(t, other)|};
            }
            """, """
            using System.Threading.Tasks;
            static class TaskExtensions
            {
                public static int Get(this Task<int> t) => t.Result;

                public static async Task<int> TwiceAsync(this Task<int> t)
                {
                    await Task.Yield();
                    return await t * 2;
                }

                public static async Task WaitBothAsync(this Task t, Task other) => await Task.WhenAll(t, other);
            }
            """);
    }

    [Fact]
    public Task Results_in_methods_generic_over_the_task_result_are_reported_and_fixed()
    {
        return VerifyWait.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<T> First<T>(Task<T> t)
                {
                    await Task.Yield();
                    return {|GT0001:t.Result|};
                }

                async Task<int> Constrained<TTask>(TTask t) where TTask : Task<int>
                {
                    await Task.Yield();
                    return {|GT0001:t.Result|};
                }

                async ValueTask<T> Value<T>(ValueTask<T> t) => {|GT0001:t.GetAwaiter().GetResult()|};
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                async Task<T> First<T>(Task<T> t)
                {
                    await Task.Yield();
                    return await t;
                }

                async Task<int> Constrained<TTask>(TTask t) where TTask : Task<int>
                {
                    await Task.Yield();
                    return await t;
                }

                async ValueTask<T> Value<T>(ValueTask<T> t) => await t;
            }
            """);
    }

    [Fact]
    public Task Result_in_expression_bodied_async_members_is_reported_and_fixed()
    {
        return VerifyWait.VerifyCodeFixAsync("""
            using System;
            using System.Threading.Tasks;
            class C
            {
                Task<int> _t = Task.Run(() => 1);

                async Task<int> M() => {|GT0001:_t.Result|};

                Func<Task<string>> Describe => async () => {|GT0001:_t.Result|}.ToString();

                int Sync => _t.Result;
            }
            """, """
            using System;
            using System.Threading.Tasks;
            class C
            {
                Task<int> _t = Task.Run(() => 1);

                async Task<int> M() => await _t;

                Func<Task<string>> Describe => async () => (await _t).ToString();

                int Sync => _t.Result;
            }
            """);
    }

    // ---------------------------------------------------------------- awaitables

    [Fact]
    public Task GetResult_on_a_custom_awaiter_is_not_reported()
    {
        // Only task awaiters are GT0001 (RULES.md); a user-defined awaiter may complete synchronously by design.
        return VerifyWait.VerifyAnalyzerAsync("""
            using System;
            using System.Runtime.CompilerServices;
            using System.Threading.Tasks;
            readonly struct Ticket
            {
                public int Number { get; init; }
            }

            readonly struct TicketAwaiter : INotifyCompletion
            {
                private readonly Ticket _ticket;

                public TicketAwaiter(Ticket ticket) => _ticket = ticket;

                public bool IsCompleted => true;

                public int GetResult() => _ticket.Number;

                public void OnCompleted(Action continuation) => continuation();
            }

            static class TicketExtensions
            {
                public static TicketAwaiter GetAwaiter(this Ticket ticket) => new(ticket);
            }

            class C
            {
                async Task<int> M(Ticket ticket)
                {
                    var first = await ticket;
                    return first + ticket.GetAwaiter().GetResult();
                }
            }
            """);
    }

    [Fact]
    public Task GetResult_on_a_task_awaiter_from_an_extension_GetAwaiter_is_reported_without_a_fix()
    {
        // The awaiter is a TaskAwaiter<int>, so this blocks on a task; the receiver is not itself a task, so no 'await' rewrite is offered.
        return VerifyWait.VerifyNoCodeFixAsync("""
            using System;
            using System.Runtime.CompilerServices;
            using System.Threading.Tasks;
            static class LazyExtensions
            {
                public static TaskAwaiter<int> GetAwaiter(this Lazy<Task<int>> lazy) => lazy.Value.GetAwaiter();
            }

            class C
            {
                async Task<int> M(Lazy<Task<int>> lazy)
                {
                    var first = await lazy;
                    return first + {|#0:lazy.GetAwaiter().GetResult()|};
                }
            }
            """,
            VerifyWait.Diagnostic("GT0001").WithLocation(0).WithArguments("TaskAwaiter<int>.GetResult()"));
    }

    [Fact]
    public Task GetResult_on_a_ConfiguredTaskAwaitable_is_reported_and_fixed()
    {
        return VerifyWait.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t, Task u)
                {
                    await Task.Yield();
                    {|GT0001:u.ConfigureAwait(false).GetAwaiter().GetResult()|};
                    return {|GT0001:t.ConfigureAwait(false).GetAwaiter().GetResult()|};
                }
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t, Task u)
                {
                    await Task.Yield();
                    await u.ConfigureAwait(false);
                    return await t.ConfigureAwait(false);
                }
            }
            """);
    }

    [Fact]
    public Task Sleep_in_async_iterator_passes_the_EnumeratorCancellation_token()
    {
        return VerifySleep.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async IAsyncEnumerable<int> Numbers(int count, [EnumeratorCancellation] CancellationToken ct = default)
                {
                    for (var i = 0; i < count; i++)
                    {
                        {|GT0002:Thread.Sleep(100)|};
                        yield return i;
                    }

                    await Task.Yield();
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async IAsyncEnumerable<int> Numbers(int count, [EnumeratorCancellation] CancellationToken ct = default)
                {
                    for (var i = 0; i < count; i++)
                    {
                        await Task.Delay(100, ct);
                        yield return i;
                    }

                    await Task.Yield();
                }
            }
            """);
    }
}
