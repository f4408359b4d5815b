using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using GreedyTasks.Analyzers;
using GreedyTasks.CodeFixes;
using GreedyTasks.Tests.Infrastructure;
using GreedyTasks.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace GreedyTasks.Tests;

/// <summary>
/// greedy_tasks.task_returning_methods: off by default; when on, non-async functions that return Task, Task&lt;T&gt;,
/// ValueTask or ValueTask&lt;T&gt; are async code for every rule, and the fixes make them async and rewrite their returns.
/// </summary>
public class TaskReturningMethodsTests
{
    private const string OptionOn = "is_global = true\ngreedy_tasks.task_returning_methods = true\n";

    private static Task VerifyAsync<TAnalyzer, TFix>(string source, string? fixedSource = null, bool optionOn = true, string? config = null)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixVerifier<TAnalyzer, TFix>.Test { TestCode = source, ReferenceAssemblies = TestReferences.Net80 };
        if (fixedSource is not null)
        {
            test.FixedCode = fixedSource;
        }

        if (optionOn || config is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", config ?? OptionOn));
        }

        return test.RunAsync();
    }

    private static Task VerifySleepAsync(string source, string? fixedSource = null, bool optionOn = true) =>
        VerifyAsync<ThreadSleepAnalyzer, ThreadSleepCodeFixProvider>(source, fixedSource, optionOn);

    // ---------------------------------------------------------------- each rule, option off and on

    private const string BlockingWaitSource = """
        using System.Threading.Tasks;
        class C
        {
            Task<int> M(Task<int> t)
            {
                return Task.FromResult({|GT0001:t.Result|} + 1);
            }
        }
        """;

    [Fact]
    public Task GT0001_in_a_task_returning_method_is_not_reported_by_default() =>
        VerifyAsync<BlockingWaitAnalyzer, BlockingWaitCodeFixProvider>(BlockingWaitSource.Replace("{|GT0001:t.Result|}", "t.Result"), optionOn: false);

    [Fact]
    public Task GT0001_in_a_task_returning_method_is_reported_and_fixed_when_the_option_is_on() =>
        VerifyAsync<BlockingWaitAnalyzer, BlockingWaitCodeFixProvider>(BlockingWaitSource, """
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t)
                {
                    return await t + 1;
                }
            }
            """);

    private const string ThreadSleepSource = """
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            Task M()
            {
                {|GT0002:Thread.Sleep(100)|};
                return Task.CompletedTask;
            }
        }
        """;

    [Fact]
    public Task GT0002_in_a_task_returning_method_is_not_reported_by_default() =>
        VerifySleepAsync(ThreadSleepSource.Replace("{|GT0002:Thread.Sleep(100)|}", "Thread.Sleep(100)"), optionOn: false);

    [Fact]
    public Task GT0002_in_a_task_returning_method_is_reported_and_fixed_when_the_option_is_on() =>
        VerifySleepAsync(ThreadSleepSource, """
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M()
                {
                    await Task.Delay(100);
                }
            }
            """);

    private const string AsyncAlternativeSource = """
        using System.IO;
        using System.Threading.Tasks;
        class C
        {
            Task<string> Read(StreamReader reader) => Task.FromResult({|GT0003:reader.ReadToEnd()|});
        }
        """;

    [Fact]
    public Task GT0003_in_a_task_returning_method_is_not_reported_by_default() =>
        VerifyAsync<AsyncAlternativeAnalyzer, AsyncAlternativeCodeFixProvider>(AsyncAlternativeSource.Replace("{|GT0003:reader.ReadToEnd()|}", "reader.ReadToEnd()"), optionOn: false);

    [Fact]
    public Task GT0003_in_an_expression_bodied_task_returning_method_is_reported_and_fixed_when_the_option_is_on() =>
        VerifyAsync<AsyncAlternativeAnalyzer, AsyncAlternativeCodeFixProvider>(AsyncAlternativeSource, """
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task<string> Read(StreamReader reader) => await reader.ReadToEndAsync();
            }
            """);

    private const string GreedyLoopSource = """
        using System.Threading.Tasks;
        class C
        {
            Task Run()
            {
                {|GT0004:while|} (true)
                {
                    Work();
                }
            }

            void Work() { }
        }
        """;

    [Fact]
    public Task GT0004_in_a_task_returning_method_is_not_reported_by_default() =>
        VerifyAsync<GreedyLoopAnalyzer, GreedyLoopCodeFixProvider>(GreedyLoopSource.Replace("{|GT0004:while|}", "while"), optionOn: false);

    [Fact]
    public Task GT0004_in_a_task_returning_method_is_reported_and_fixed_when_the_option_is_on() =>
        VerifyAsync<GreedyLoopAnalyzer, GreedyLoopCodeFixProvider>(GreedyLoopSource, """
            using System.Threading.Tasks;
            class C
            {
                async Task Run()
                {
                    while (true)
                    {
                        await Task.Yield();
                        Work();
                    }
                }

                void Work() { }
            }
            """);

    private const string SpinWaitSource = """
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            private volatile bool _ready;

            Task WaitReady()
            {
                {|GT0005:Thread.Yield()|};
                return Task.CompletedTask;
            }
        }
        """;

    [Fact]
    public Task GT0005_in_a_task_returning_method_is_not_reported_by_default() =>
        VerifyAsync<SpinWaitAnalyzer, SpinWaitCodeFixProvider>(SpinWaitSource.Replace("{|GT0005:Thread.Yield()|}", "Thread.Yield()"), optionOn: false);

    [Fact]
    public Task GT0005_in_a_task_returning_method_is_reported_and_fixed_when_the_option_is_on() =>
        VerifyAsync<SpinWaitAnalyzer, SpinWaitCodeFixProvider>(SpinWaitSource, """
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _ready;

                async Task WaitReady()
                {
                    await Task.Yield();
                }
            }
            """);

    private const string BlockingPrimitiveSource = """
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            Task M(ManualResetEventSlim ready)
            {
                {|GT0006:ready.Wait()|};
                return Task.CompletedTask;
            }
        }
        """;

    [Fact]
    public Task GT0006_in_a_task_returning_method_is_not_reported_by_default() =>
        VerifyAsync<BlockingPrimitiveAnalyzer, EmptyCodeFixProvider>(BlockingPrimitiveSource.Replace("{|GT0006:ready.Wait()|}", "ready.Wait()"), optionOn: false);

    [Fact]
    public Task GT0006_in_a_task_returning_method_is_reported_when_the_option_is_on() =>
        VerifyAsync<BlockingPrimitiveAnalyzer, EmptyCodeFixProvider>(BlockingPrimitiveSource);

    [Fact]
    public Task Option_set_to_false_explicitly_reports_nothing() =>
        VerifyAsync<ThreadSleepAnalyzer, ThreadSleepCodeFixProvider>(
            ThreadSleepSource.Replace("{|GT0002:Thread.Sleep(100)|}", "Thread.Sleep(100)"),
            config: "is_global = true\ngreedy_tasks.task_returning_methods = false\n",
            optionOn: false);

    [Theory]
    [InlineData("TRUE")]
    [InlineData(" True ")]
    public Task Option_value_is_case_insensitive(string value) =>
        VerifyAsync<ThreadSleepAnalyzer, EmptyCodeFixProvider>(ThreadSleepSource, config: $"is_global = true\ngreedy_tasks.task_returning_methods = {value}\n");

    [Theory]
    [InlineData("yes")]
    [InlineData("1")]
    [InlineData("on")]
    public Task Invalid_option_value_means_off(string value) =>
        VerifyAsync<ThreadSleepAnalyzer, EmptyCodeFixProvider>(
            ThreadSleepSource.Replace("{|GT0002:Thread.Sleep(100)|}", "Thread.Sleep(100)"),
            config: $"is_global = true\ngreedy_tasks.task_returning_methods = {value}\n",
            optionOn: false);

    [Fact]
    public Task Option_in_an_editorconfig_section_applies_to_that_file_only()
    {
        var test = new CSharpCodeFixVerifier<ThreadSleepAnalyzer, EmptyCodeFixProvider>.Test { ReferenceAssemblies = TestReferences.Net80 };
        test.TestState.Sources.Add(("/0/On.cs", "using System.Threading;\nusing System.Threading.Tasks;\nclass A { Task M() { {|GT0002:Thread.Sleep(1)|}; return Task.CompletedTask; } }\n"));
        test.TestState.Sources.Add(("/0/Off.cs", "using System.Threading;\nusing System.Threading.Tasks;\nclass B { Task M() { Thread.Sleep(1); return Task.CompletedTask; } }\n"));
        test.TestState.AnalyzerConfigFiles.Add(("/0/.editorconfig", "root = true\n\n[On.cs]\ngreedy_tasks.task_returning_methods = true\n"));
        return test.RunAsync();
    }

    // ---------------------------------------------------------------- what counts, with the option on

    [Fact]
    public Task Members_that_cannot_be_async_are_not_async_code() => VerifySleepAsync("""
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            C() { Thread.Sleep(1); }
            Task P { get { Thread.Sleep(1); return Task.CompletedTask; } }
            Task this[int i] { get { Thread.Sleep(1); return Task.CompletedTask; } }
            public static Task operator +(C a, C b) { Thread.Sleep(1); return Task.CompletedTask; }
            IEnumerable<Task> Tasks() { Thread.Sleep(1); yield return Task.CompletedTask; }
            void Sync() { Thread.Sleep(1); }
            int Number() { Thread.Sleep(1); return 1; }
        }
        """);

    [Fact]
    public Task Sync_lambda_in_a_task_returning_method_is_still_not_async_code() => VerifySleepAsync("""
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            Task M()
            {
                Action a = () => Thread.Sleep(1);
                a();
                return Task.CompletedTask;
            }
        }
        """);

    // ---------------------------------------------------------------- the fix: returns

    [Fact]
    public Task Returns_of_a_non_generic_task_become_await_and_return() => VerifySleepAsync("""
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            Task M(bool quick)
            {
                if (quick)
                {
                    return Task.CompletedTask;
                }

                {|GT0002:Thread.Sleep(100)|};
                if (!quick)
                {
                    return Next();
                }

                return Next();
            }

            Task Next() => Task.CompletedTask;
        }
        """, """
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            async Task M(bool quick)
            {
                if (quick)
                {
                    return;
                }

                await Task.Delay(100);
                if (!quick)
                {
                    await Next();
                    return;
                }

                await Next();
            }

            Task Next() => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task Embedded_return_of_a_task_becomes_a_block() => VerifySleepAsync("""
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            Task M(bool quick)
            {
                {|GT0002:Thread.Sleep(100)|};
                if (quick) return Next();
                return Task.CompletedTask;
            }

            Task Next() => Task.CompletedTask;
        }
        """, """
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            async Task M(bool quick)
            {
                await Task.Delay(100);
                if (quick)
                {
                    await Next();
                    return;
                }
            }

            Task Next() => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task Returns_of_a_generic_task_are_unwrapped_or_awaited() => VerifySleepAsync("""
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            Task<int> M(int mode, Task<int> cached)
            {
                {|GT0002:Thread.Sleep(100)|};
                switch (mode)
                {
                    case 0:
                        return Task.FromResult(42);
                    case 1:
                        return Task.FromResult<int>(mode + 1);
                    case 2:
                        return cached;
                }

                return mode > 10 ? cached : Compute();
            }

            Task<int> Compute() => Task.FromResult(1);
        }
        """, """
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            async Task<int> M(int mode, Task<int> cached)
            {
                await Task.Delay(100);
                switch (mode)
                {
                    case 0:
                        return 42;
                    case 1:
                        return mode + 1;
                    case 2:
                        return await cached;
                }

                return await (mode > 10 ? cached : Compute());
            }

            Task<int> Compute() => Task.FromResult(1);
        }
        """);

    [Fact]
    public Task Returns_of_value_tasks_are_rewritten() => VerifySleepAsync("""
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            ValueTask Plain(bool early)
            {
                {|GT0002:Thread.Sleep(1)|};
                if (early)
                {
                    return new ValueTask();
                }

                return default;
            }

            ValueTask<int> Valued(int mode)
            {
                {|GT0002:Thread.Sleep(1)|};
                if (mode == 0)
                {
                    return new ValueTask<int>(5);
                }

                if (mode == 1)
                {
                    return ValueTask.FromResult(6);
                }

                return default;
            }
        }
        """, """
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            async ValueTask Plain(bool early)
            {
                await Task.Delay(1);
                if (early)
                {
                    return;
                }
            }

            async ValueTask<int> Valued(int mode)
            {
                await Task.Delay(1);
                if (mode == 0)
                {
                    return 5;
                }

                if (mode == 1)
                {
                    return 6;
                }

                return default;
            }
        }
        """);

    [Fact]
    public Task Returned_generic_task_in_a_non_generic_task_method_is_awaited() => VerifySleepAsync("""
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            Task M(Task<int> pending)
            {
                {|GT0002:Thread.Sleep(1)|};
                return pending;
            }
        }
        """, """
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            async Task M(Task<int> pending)
            {
                await Task.Delay(1);
                await pending;
            }
        }
        """);

    [Fact]
    public Task Returns_of_nested_functions_are_left_alone() => VerifySleepAsync("""
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            Task<int> M()
            {
                {|GT0002:Thread.Sleep(1)|};
                Func<Task<int>> later = () => Task.FromResult(2);
                Task<int> Local() { return Task.FromResult(3); }
                return Task.FromResult(1);
            }
        }
        """, """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            async Task<int> M()
            {
                await Task.Delay(1);
                Func<Task<int>> later = () => Task.FromResult(2);
                Task<int> Local() { return Task.FromResult(3); }
                return 1;
            }
        }
        """);

    // ---------------------------------------------------------------- the fix: kinds of functions

    [Fact]
    public Task Modifiers_and_attributes_are_kept() => VerifySleepAsync("""
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        abstract class Base
        {
            public abstract Task RunAsync();
        }

        interface IJob
        {
            Task ExecuteAsync();
        }

        class C : Base, IJob
        {
            [Obsolete("x")]
            public override Task RunAsync()
            {
                {|GT0002:Thread.Sleep(1)|};
                return Task.CompletedTask;
            }

            Task IJob.ExecuteAsync()
            {
                {|GT0002:Thread.Sleep(2)|};
                return Task.CompletedTask;
            }

            internal static Task Helper()
            {
                {|GT0002:Thread.Sleep(3)|};
                return Task.CompletedTask;
            }
        }
        """, """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        abstract class Base
        {
            public abstract Task RunAsync();
        }

        interface IJob
        {
            Task ExecuteAsync();
        }

        class C : Base, IJob
        {
            [Obsolete("x")]
            public override async Task RunAsync()
            {
                await Task.Delay(1);
            }

            async Task IJob.ExecuteAsync()
            {
                await Task.Delay(2);
            }

            internal static async Task Helper()
            {
                await Task.Delay(3);
            }
        }
        """);

    [Fact]
    public Task Lambdas_local_functions_and_anonymous_methods_are_made_async() => VerifySleepAsync("""
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            void M()
            {
                Func<Task> lambda = () =>
                {
                    {|GT0002:Thread.Sleep(1)|};
                    return Task.CompletedTask;
                };
                Func<int, Task<int>> simple = x =>
                {
                    {|GT0002:Thread.Sleep(x)|};
                    return Task.FromResult(x);
                };
                Func<Task> anonymous = delegate
                {
                    {|GT0002:Thread.Sleep(2)|};
                    return Task.CompletedTask;
                };
                static Task Local()
                {
                    {|GT0002:Thread.Sleep(3)|};
                    return Task.CompletedTask;
                }
            }
        }
        """, """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            void M()
            {
                Func<Task> lambda = async () =>
                {
                    await Task.Delay(1);
                };
                Func<int, Task<int>> simple = async x =>
                {
                    await Task.Delay(x);
                    return x;
                };
                Func<Task> anonymous = async delegate
                {
                    await Task.Delay(2);
                };
                static async Task Local()
                {
                    await Task.Delay(3);
                }
            }
        }
        """);

    [Fact]
    public Task Expression_bodied_lambdas_are_made_async() =>
        VerifyAsync<BlockingWaitAnalyzer, BlockingWaitCodeFixProvider>("""
            using System;
            using System.Threading.Tasks;
            class C
            {
                void M(Task<int> t)
                {
                    Func<Task<int>> f = () => Task.FromResult({|GT0001:t.Result|});
                    Func<Task> g = () => Forward({|GT0001:t.Result|});
                }

                static Task Forward(int value) => Task.CompletedTask;
            }
            """, """
            using System;
            using System.Threading.Tasks;
            class C
            {
                void M(Task<int> t)
                {
                    Func<Task<int>> f = async () => await t;
                    Func<Task> g = async () => await Forward(await t);
                }

                static Task Forward(int value) => Task.CompletedTask;
            }
            """);

    [Fact]
    public Task Expression_bodied_method_returning_a_conditional_task_awaits_it_in_parentheses() =>
        VerifyAsync<BlockingWaitAnalyzer, BlockingWaitCodeFixProvider>("""
            using System.Threading.Tasks;
            class C
            {
                Task M(Task<int> t) => {|GT0001:t.Result|} > 0 ? Next() : Task.CompletedTask;
                static Task Next() => Task.CompletedTask;
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task<int> t) => await (await t > 0 ? Next() : Task.CompletedTask);
                static Task Next() => Task.CompletedTask;
            }
            """);

    [Fact]
    public Task Loop_offloaded_to_Task_Run_is_not_reported_again()
    {
        // Regression: Task.Run(() => { for (;;) … }) binds to Func<Task>; a lambda that never returns a task is not
        // task-returning code, so the moved loop is not reported again and Fix All converges in one pass. (The moved
        // loop is reformatted with the IDE's default C# settings, which write 'for (; ; )'.)
        var test = new CSharpCodeFixVerifier<GreedyLoopAnalyzer, GreedyLoopCodeFixProvider>.Test
        {
            TestCode = """
                using System.Threading.Tasks;
                class C
                {
                    Task M()
                    {
                        {|GT0004:for|} (;;)
                        {
                            Work();
                        }
                    }

                    void Work() { }
                }
                """,
            FixedCode = """
                using System.Threading.Tasks;
                class C
                {
                    async Task M()
                    {
                        await Task.Run(() =>
                        {
                            for (; ; )
                            {
                                Work();
                            }
                        });
                    }

                    void Work() { }
                }
                """,
            ReferenceAssemblies = TestReferences.Net80,
            CodeActionEquivalenceKey = "GT0004.Offload",
            NumberOfFixAllIterations = 1,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", OptionOn));
        return test.RunAsync();
    }

    // ---------------------------------------------------------------- no fix when the conversion is not certain

    private const string RefAndSpanParameters = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            Task WithOut(out int x)
            {
                x = 1;
                {|GT0002:Thread.Sleep(1)|};
                return Task.CompletedTask;
            }

            Task WithRef(ref int x)
            {
                {|GT0002:Thread.Sleep(x)|};
                return Task.CompletedTask;
            }

            Task WithIn(in int x)
            {
                {|GT0002:Thread.Sleep(x)|};
                return Task.CompletedTask;
            }

            Task WithSpan(ReadOnlySpan<int> values)
            {
                {|GT0002:Thread.Sleep(values.Length)|};
                return Task.CompletedTask;
            }
        }
        """;

    [Fact]
    public Task No_fix_when_the_method_has_ref_or_out_parameters() => VerifySleepAsync(RefAndSpanParameters, RefAndSpanParameters);

    [Fact]
    public Task No_fix_when_a_return_cannot_be_rewritten_with_certainty() => VerifySleepAsync("""
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            Task ReturnsNull()
            {
                {|GT0002:Thread.Sleep(1)|};
                return null;
            }

            Task<object> ReturnsDefault()
            {
                {|GT0002:Thread.Sleep(2)|};
                return default;
            }

            unsafe Task WithUnsafeBlock(int[] values)
            {
                {|GT0002:Thread.Sleep(3)|};
                return Task.CompletedTask;
            }

            Task WithFixed(int[] values)
            {
                {|GT0002:Thread.Sleep(4)|};
                unsafe
                {
                    fixed (int* p = values) { }
                }

                return Task.CompletedTask;
            }
        }
        """, """
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            Task ReturnsNull()
            {
                {|GT0002:Thread.Sleep(1)|};
                return null;
            }

            Task<object> ReturnsDefault()
            {
                {|GT0002:Thread.Sleep(2)|};
                return default;
            }

            unsafe Task WithUnsafeBlock(int[] values)
            {
                {|GT0002:Thread.Sleep(3)|};
                return Task.CompletedTask;
            }

            Task WithFixed(int[] values)
            {
                {|GT0002:Thread.Sleep(4)|};
                unsafe
                {
                    fixed (int* p = values) { }
                }

                return Task.CompletedTask;
            }
        }
        """);

    // Found on grpc-dotnet by the scanner's fix check: 'return Task.FromException<bool>(ex);' inside a lock would
    // become 'return await …' there (CS1996). Returns that only unwrap or drop stay legal in a lock.
    private const string ReturnsInLock = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            private readonly object _gate = new object();

            Task<bool> Faulted(Exception error)
            {
                {|GT0002:Thread.Sleep(1)|};
                lock (_gate)
                {
                    return Task.FromException<bool>(error);
                }
            }

            Task Forwarded(Func<Task> next)
            {
                {|GT0002:Thread.Sleep(2)|};
                lock (_gate)
                {
                    return next();
                }
            }
        }
        """;

    [Fact]
    public Task No_fix_when_a_return_that_would_be_awaited_is_inside_a_lock() => VerifySleepAsync(ReturnsInLock, ReturnsInLock);

    [Fact]
    public Task A_return_that_is_only_unwrapped_or_dropped_inside_a_lock_is_converted() => VerifySleepAsync("""
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            private readonly object _gate = new object();

            Task<int> Value()
            {
                {|GT0002:Thread.Sleep(1)|};
                lock (_gate)
                {
                    return Task.FromResult(1);
                }
            }

            Task Done()
            {
                {|GT0002:Thread.Sleep(2)|};
                lock (_gate)
                {
                    return Task.CompletedTask;
                }
            }
        }
        """, """
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            private readonly object _gate = new object();

            async Task<int> Value()
            {
                await Task.Delay(1);
                lock (_gate)
                {
                    return 1;
                }
            }

            async Task Done()
            {
                await Task.Delay(2);
                lock (_gate)
                {
                    return;
                }
            }
        }
        """);

    private const string SpanLocal = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            Task<int> Sum(int count)
            {
                Span<int> values = stackalloc int[4];
                {|GT0002:Thread.Sleep(count)|};
                values[0] = count;
                return Task.FromResult(values[0]);
            }
        }
        """;

    [Fact]
    public Task No_fix_when_the_body_declares_a_ref_struct_local() => VerifySleepAsync(SpanLocal, SpanLocal);

    // ---------------------------------------------------------------- Fix All

    [Fact]
    public Task Fix_all_converts_each_function_once()
    {
        var test = new CSharpCodeFixVerifier<ThreadSleepAnalyzer, ThreadSleepCodeFixProvider>.Test
        {
            TestCode = """
                using System.Threading;
                using System.Threading.Tasks;
                class C
                {
                    Task A()
                    {
                        {|GT0002:Thread.Sleep(1)|};
                        {|GT0002:Thread.Sleep(2)|};
                        return Task.CompletedTask;
                    }

                    Task<int> B(bool flag)
                    {
                        {|GT0002:Thread.Sleep(3)|};
                        if (flag)
                        {
                            {|GT0002:Thread.Sleep(4)|};
                            return Task.FromResult(1);
                        }

                        Task Local()
                        {
                            {|GT0002:Thread.Sleep(5)|};
                            return Task.CompletedTask;
                        }

                        return Task.FromResult(2);
                    }
                }
                """,
            FixedCode = """
                using System.Threading;
                using System.Threading.Tasks;
                class C
                {
                    async Task A()
                    {
                        await Task.Delay(1);
                        await Task.Delay(2);
                    }

                    async Task<int> B(bool flag)
                    {
                        await Task.Delay(3);
                        if (flag)
                        {
                            await Task.Delay(4);
                            return 1;
                        }

                        async Task Local()
                        {
                            await Task.Delay(5);
                        }

                        return 2;
                    }
                }
                """,
            ReferenceAssemblies = TestReferences.Net80,
            NumberOfFixAllIterations = 1,
            NumberOfFixAllInDocumentIterations = 1,
            NumberOfFixAllInProjectIterations = 1,
            NumberOfIncrementalIterations = 5,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", OptionOn));
        return test.RunAsync();
    }

    // ---------------------------------------------------------------- code as it is typed

    [Theory]
    [InlineData("""class C { Task M(Task<int> t) { t.Wait(); return } }""")]
    [InlineData("""class C { Task<int> M(Task<int> t) { Thread.Sleep(1); return Task.FromResult( } }""")]
    [InlineData("""class C { Task<int> M(Task<int> t) { Thread.Sleep(1); return Task.FromResult(t.Result, 2); } }""")]
    [InlineData("""class C { Task<int> M(Task<int> t) => Task.FromResult(t.Result""")]
    [InlineData("""class C { Task M(Task<int> t) { Thread.Sleep(1); return undefined; } }""")]
    [InlineData("""class C { Task M(Task<int> t) { Thread.Sleep(1); } }""")]
    [InlineData("""class C { Task M(Task<int> t) { Thread.Sleep(1); return; } }""")]
    [InlineData("""class C { Task<int> M(Task<int> t) { Thread.Sleep(1); return 5; } }""")]
    [InlineData("""class C { ValueTask<int> M(Task<int> t) { Thread.Sleep(1); return new ValueTask<int>(; } }""")]
    [InlineData("""class C { Task M(Task<int> t) { Func<Task> f = () => { Thread.Sleep(1); return Task.CompletedTask }; return f(); } }""")]
    [InlineData("""class C { Task M(Task<int> t) { switch (t.Result) { case 1: return Task.CompletedTask; default: Thread.Sleep(1); } } }""")]
    [InlineData("""class C { Task M(Task<int> t) { while (true) { } } }""")]
    [InlineData("""class C { Task M(Task<int> t) { for (;;) { if (t.IsCompleted) return t; } } }""")]
    [InlineData("""class C { async Task M(Task<int> t) { Task N() { Thread.Sleep(1); return N(); } } }""")]
    [InlineData("""interface I { Task M() { Thread.Sleep(1); return Task.CompletedTask; } }""")]
    [InlineData("""class C { extern Task M(); Task N() => Task.Run(() => Thread.Sleep(1)); }""")]
    [InlineData("""Task.Delay(1).Wait(); Task M() { Thread.Sleep(1); return Task.CompletedTask; }""")]
    public async Task Broken_code_with_the_option_on_never_throws(string body)
    {
        var source = "using System; using System.Threading; using System.Threading.Tasks;\n" + body;
        var kind = body.StartsWith("class", System.StringComparison.Ordinal) || body.StartsWith("interface", System.StringComparison.Ordinal)
            ? OutputKind.DynamicallyLinkedLibrary
            : OutputKind.ConsoleApplication;
        var options = new Dictionary<string, string> { ["greedy_tasks.task_returning_methods"] = "true" };
        var result = await AnalyzerRunner.RunAsync(source, kind, options);

        Assert.Empty(result.AnalyzerExceptions);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public async Task Runner_passes_the_option_to_the_analyzers()
    {
        // Guards the test above: without the option nothing here is async code, with it both calls are reported and fixed.
        const string source = "using System.Threading; using System.Threading.Tasks;\nclass C { Task<int> M(Task<int> t) { Thread.Sleep(1); return Task.FromResult(t.Result); } }";
        var off = await AnalyzerRunner.RunAsync(source);
        var on = await AnalyzerRunner.RunAsync(source, options: new Dictionary<string, string> { ["greedy_tasks.task_returning_methods"] = "true" });

        Assert.Empty(off.Diagnostics);
        Assert.Equal(new[] { "GT0001", "GT0002" }, on.Diagnostics.Select(d => d.Id).OrderBy(id => id));
        Assert.Equal(2, on.FixesApplied);
    }
}
