using System.Threading.Tasks;
using AsyncAlternative = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.AsyncAlternativeAnalyzer, GreedyTasks.CodeFixes.AsyncAlternativeCodeFixProvider>;
using BlockingPrimitive = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.BlockingPrimitiveAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;
using BlockingWait = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.BlockingWaitAnalyzer, GreedyTasks.CodeFixes.BlockingWaitCodeFixProvider>;
using GreedyLoop = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.GreedyLoopAnalyzer, GreedyTasks.CodeFixes.GreedyLoopCodeFixProvider>;
using SpinWait = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.SpinWaitAnalyzer, GreedyTasks.CodeFixes.SpinWaitCodeFixProvider>;
using ThreadSleep = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.ThreadSleepAnalyzer, GreedyTasks.CodeFixes.ThreadSleepCodeFixProvider>;

namespace GreedyTasks.Tests;

/// <summary>
/// Generated code inside hand-written files: members marked <c>[GeneratedCode]</c>, and <c>#line hidden</c> regions.
/// The rules never run on generated code (the driver skips generated files, generated types and members, and
/// operations in hidden regions before any callback); the driver's second, per-diagnostic generated-code check is
/// switched off for GreedyTasks because of that (see <c>GreedyTasksAnalyzer</c>), so these tests pin each case the
/// first check must cover, for every rule. Each also has the same pattern in hand-written code, reported, so a filter
/// that drops everything fails here.
/// </summary>
public class GeneratedCodeMemberTests
{
    private const string Generated = "[GeneratedCode(\"tool\", \"1.0\")]";

    [Fact]
    public Task Result_in_a_generated_method_is_not_reported()
    {
        return BlockingWait.VerifyAnalyzerAsync($$"""
            using System.CodeDom.Compiler;
            using System.Threading.Tasks;
            class C
            {
                {{Generated}}
                async Task<int> Generated(Task<int> t)
                {
                    await Task.Yield();
                    return t.Result;
                }

                async Task<int> Written(Task<int> t)
                {
                    await Task.Yield();
                    return {|GT0001:t.Result|};
                }
            }
            """);
    }

    [Fact]
    public Task Sleep_in_a_lambda_of_a_generated_property_is_not_reported()
    {
        return ThreadSleep.VerifyAnalyzerAsync($$"""
            using System;
            using System.CodeDom.Compiler;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                {{Generated}}
                Func<Task> Generated => async () =>
                {
                    await Task.Yield();
                    Thread.Sleep(10);
                };

                Func<Task> Written => async () =>
                {
                    await Task.Yield();
                    {|GT0002:Thread.Sleep(10)|};
                };
            }
            """);
    }

    [Fact]
    public Task Result_in_a_lambda_of_a_generated_indexer_is_not_reported()
    {
        // The attribute is on the indexer; the driver analyzes its getter as hand-written code (DiagnosticReporting).
        return BlockingWait.VerifyAnalyzerAsync($$"""
            using System;
            using System.CodeDom.Compiler;
            using System.Threading.Tasks;
            class C
            {
                {{Generated}}
                Func<Task<int>> this[Task<int> t]
                {
                    get { return async () => { await Task.Yield(); return t.Result; }; }
                }

                Func<Task<int>> this[Task<int> t, int written]
                {
                    get { return async () => { await Task.Yield(); return {|GT0001:t.Result|}; }; }
                }
            }
            """);
    }

    [Fact]
    public Task Call_with_an_async_twin_in_a_generated_constructor_lambda_is_not_reported()
    {
        return AsyncAlternative.VerifyAnalyzerAsync($$"""
            using System;
            using System.CodeDom.Compiler;
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                private readonly Func<string, Task<string>> _generated;
                private readonly Func<string, Task<string>> _written;

                {{Generated}}
                C(int generated)
                {
                    _generated = async path => { await Task.Yield(); return File.ReadAllText(path); };
                    _written = _generated;
                }

                C()
                {
                    _written = async path => { await Task.Yield(); return {|GT0003:File.ReadAllText(path)|}; };
                    _generated = _written;
                }
            }
            """);
    }

    [Fact]
    public Task Long_loop_in_a_generated_method_of_a_partial_class_is_not_reported()
    {
        var test = GreedyLoop.Create("""
            using System.Threading.Tasks;
            partial class C
            {
                async Task<long> Written()
                {
                    await Task.Yield();
                    long sum = 0;
                    {|GT0004:for|} (var i = 0; i < 50_000_000; i++) { sum += i; }
                    return sum;
                }
            }
            """);
        test.TestState.Sources.Add(("/0/C.Generated.cs", $$"""
            using System.CodeDom.Compiler;
            using System.Threading.Tasks;
            partial class C
            {
                {{Generated}}
                async Task<long> Generated()
                {
                    await Task.Yield();
                    long sum = 0;
                    for (var i = 0; i < 50_000_000; i++) { sum += i; }
                    return sum;
                }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Spin_loop_in_a_generated_local_function_host_is_not_reported()
    {
        return SpinWait.VerifyAnalyzerAsync($$"""
            using System.CodeDom.Compiler;
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _done;

                {{Generated}}
                async Task Generated()
                {
                    await Spin();

                    async Task Spin()
                    {
                        await Task.Yield();
                        while (!_done) { }
                    }
                }

                async Task Written()
                {
                    await Task.Yield();
                    {|GT0005:while|} (!_done) { }
                }
            }
            """);
    }

    [Fact]
    public Task Blocking_wait_in_a_generated_method_is_not_reported()
    {
        return BlockingPrimitive.VerifyAnalyzerAsync($$"""
            using System.CodeDom.Compiler;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                {{Generated}}
                async Task Generated(ManualResetEventSlim ready)
                {
                    await Task.Yield();
                    ready.Wait();
                }

                async Task Written(ManualResetEventSlim ready)
                {
                    await Task.Yield();
                    {|GT0006:ready.Wait()|};
                }
            }
            """);
    }

    // The driver treats a whole file that has a '#line hidden' directive as hidden up to its next '#line' (the part
    // before the first directive included), so the reported, hand-written counterpart lives in a file of its own.
    [Fact]
    public Task Blocking_call_in_a_line_hidden_region_is_not_reported()
    {
        var test = BlockingWait.Create("""
            using System.Threading.Tasks;
            partial class C
            {
                async Task<int> Written(Task<int> t)
                {
                    await Task.Yield();
                    return {|GT0001:t.Result|};
                }
            }
            """);
        test.TestState.Sources.Add(("/0/C.Hidden.cs", """
            using System.Threading.Tasks;
            partial class C
            {
                async Task<int> Hidden(Task<int> t)
                {
                    await Task.Yield();
            #line hidden
                    return t.Result;
            #line default
                }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Sleep_in_a_line_hidden_region_of_a_lambda_is_not_reported()
    {
        var test = ThreadSleep.Create("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            partial class C
            {
                Func<Task> Written() => async () =>
                {
                    await Task.Yield();
                    {|GT0002:Thread.Sleep(10)|};
                };
            }
            """);
        test.TestState.Sources.Add(("/0/C.Hidden.cs", """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            partial class C
            {
                Func<Task> Hidden() => async () =>
                {
                    await Task.Yield();
            #line hidden
                    Thread.Sleep(10);
            #line default
                };
            }
            """));
        return test.RunAsync();
    }
}
