using System.Threading.Tasks;
using GreedyTasks.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.AsyncAlternativeAnalyzer, GreedyTasks.CodeFixes.AsyncAlternativeCodeFixProvider>;

namespace GreedyTasks.Tests;

/// <summary>GT0003: where the rule applies (every async context) and where it must stay silent.</summary>
public partial class AsyncAlternativeTests
{
    // ---------------------------------------------------------------- reports: every async context

    [Fact]
    public Task ReadAllText_in_async_method_is_reported_naming_both_methods()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task<string> M(string path)
                {
                    await Task.Yield();
                    return {|#0:File.ReadAllText(path)|};
                }
            }
            """,
            VerifyCS.Diagnostic("GT0003").WithLocation(0).WithArguments("File.ReadAllText(string)", "File.ReadAllTextAsync(string, CancellationToken)"));
    }

    [Fact]
    public Task Sync_call_in_async_lambda_is_reported()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System;
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M(string path)
                {
                    Func<Task<string>> f = async () => {|GT0003:File.ReadAllText(path)|};
                    await f();
                }
            }
            """, """
            using System;
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M(string path)
                {
                    Func<Task<string>> f = async () => await File.ReadAllTextAsync(path);
                    await f();
                }
            }
            """);
    }

    [Fact]
    public Task Sync_call_in_async_lambda_inside_sync_method_is_reported()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                Task M(Stream s)
                {
                    return Task.Run(async () => {|GT0003:s.Flush()|});
                }
            }
            """, """
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                Task M(Stream s)
                {
                    return Task.Run(async () => await s.FlushAsync());
                }
            }
            """);
    }

    [Fact]
    public Task Sync_call_in_async_local_function_is_reported()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                Task<string> M(TextReader reader)
                {
                    return Local();

                    async Task<string> Local()
                    {
                        await Task.Yield();
                        return {|GT0003:reader.ReadToEnd()|};
                    }
                }
            }
            """, """
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                Task<string> M(TextReader reader)
                {
                    return Local();

                    async Task<string> Local()
                    {
                        await Task.Yield();
                        return await reader.ReadToEndAsync();
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Sync_call_in_async_anonymous_method_is_reported()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System;
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                void M(Stream s)
                {
                    Func<Task> f = async delegate { {|GT0003:s.Flush()|}; };
                }
            }
            """, """
            using System;
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                void M(Stream s)
                {
                    Func<Task> f = async delegate { await s.FlushAsync(); };
                }
            }
            """);
    }

    [Fact]
    public Task Sync_call_in_async_iterator_is_reported()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async IAsyncEnumerable<string> M(StreamReader reader, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
                {
                    string? line;
                    while ((line = {|GT0003:reader.ReadLine()|}) != null)
                    {
                        yield return line;
                    }

                    await Task.Yield();
                }
            }
            """, """
            using System.Collections.Generic;
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async IAsyncEnumerable<string> M(StreamReader reader, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
                {
                    string? line;
                    while ((line = await reader.ReadLineAsync(ct)) != null)
                    {
                        yield return line;
                    }

                    await Task.Yield();
                }
            }
            """);
    }

    [Fact]
    public Task Sync_call_in_async_void_method_is_reported()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System;
            using System.IO;
            class C
            {
                async void OnClick(object sender, EventArgs e)
                {
                    {|GT0003:File.WriteAllText("log.txt", "clicked")|};
                }
            }
            """, """
            using System;
            using System.IO;
            class C
            {
                async void OnClick(object sender, EventArgs e)
                {
                    await File.WriteAllTextAsync("log.txt", "clicked");
                }
            }
            """);
    }

    [Fact]
    public Task Sync_call_in_top_level_statements_with_await_is_reported_and_fixed()
    {
        return new VerifyCS.Test
        {
            ReferenceAssemblies = TestReferences.Net80,
            TestState = { OutputKind = OutputKind.ConsoleApplication },
            TestCode = """
                using System.IO;
                using System.Threading.Tasks;
                var text = {|GT0003:File.ReadAllText("a.txt")|};
                await Task.Yield();
                System.Console.WriteLine(text);
                """,
            FixedCode = """
                using System.IO;
                using System.Threading.Tasks;
                var text = await File.ReadAllTextAsync("a.txt");
                await Task.Yield();
                System.Console.WriteLine(text);
                """,
        }.RunAsync();
    }

    [Fact]
    public Task Sync_call_in_top_level_statements_without_await_is_not_reported()
    {
        return new VerifyCS.Test
        {
            ReferenceAssemblies = TestReferences.Net80,
            TestState = { OutputKind = OutputKind.ConsoleApplication },
            TestCode = """
                using System.IO;
                var text = File.ReadAllText("a.txt");
                System.Console.WriteLine(text);
                """,
        }.RunAsync();
    }

    [Fact]
    public Task Sync_call_in_catch_and_finally_blocks_is_reported_because_await_is_legal_there()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System;
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Stream s, string path)
                {
                    try
                    {
                        await Task.Yield();
                    }
                    catch (Exception e)
                    {
                        {|GT0003:File.WriteAllText(path, e.Message)|};
                    }
                    finally
                    {
                        {|GT0003:s.Flush()|};
                    }
                }
            }
            """, """
            using System;
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Stream s, string path)
                {
                    try
                    {
                        await Task.Yield();
                    }
                    catch (Exception e)
                    {
                        await File.WriteAllTextAsync(path, e.Message);
                    }
                    finally
                    {
                        await s.FlushAsync();
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Async_method_without_any_await_is_still_async_code()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Stream s)
                {
                    {|GT0003:s.Flush()|};
                }
            }
            """, """
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Stream s)
                {
                    await s.FlushAsync();
                }
            }
            """);
    }

    // ---------------------------------------------------------------- does not report: not async code

    [Fact]
    public Task Sync_call_in_sync_method_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                string M(string path) => File.ReadAllText(path);

                Task<string> N(string path) => Task.FromResult(File.ReadAllText(path));
            }
            """);
    }

    [Fact]
    public Task Sync_call_in_sync_lambda_inside_async_method_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Linq;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(string[] paths)
                {
                    await Task.Yield();
                    Func<string, string> read = p => File.ReadAllText(p);
                    Action<Stream> flush = delegate (Stream s) { s.Flush(); };
                    await Task.Run(() => File.ReadAllText(paths[0]));
                    return paths.Select(p => File.ReadAllText(p).Length).Sum();
                }
            }
            """);
    }

    [Fact]
    public Task Sync_call_in_sync_local_function_inside_async_method_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task<string> M(string path)
                {
                    await Task.Yield();
                    return Read();

                    string Read() => File.ReadAllText(path);
                }
            }
            """);
    }

    [Fact]
    public Task Sync_call_in_expression_tree_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Linq.Expressions;
            using System.Threading.Tasks;
            class C
            {
                async Task M(string path)
                {
                    await Task.Yield();
                    Expression<Func<string>> e = () => File.ReadAllText(path);
                }
            }
            """);
    }

    [Fact]
    public Task Method_group_in_nameof_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task<string> M(Stream s)
                {
                    await Task.Yield();
                    return nameof(File.ReadAllText) + nameof(s.Flush);
                }
            }
            """);
    }

    [Fact]
    public Task Call_inside_nameof_is_not_reported()
    {
        // nameof of a sub-expression is an error (CS8082); the call never runs, so GT0003 must not add to it.
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task<string> M(TextReader reader)
                {
                    await Task.Yield();
                    return nameof({|CS8082:reader.ReadToEnd()|}.Length);
                }
            }
            """);
    }

    [Fact]
    public Task Sync_call_inside_lock_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                private readonly object _gate = new object();

                async Task<string> M(string path, Stream s)
                {
                    await Task.Yield();
                    lock (_gate)
                    {
                        s.Flush();
                        return File.ReadAllText(path);
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Using_inside_lock_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                private readonly object _gate = new object();

                async Task M(string path)
                {
                    await Task.Yield();
                    lock (_gate)
                    {
                        using var stream = File.OpenRead(path);
                        using (File.OpenRead(path)) { }
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Sync_call_in_catch_filter_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M(string path)
                {
                    try
                    {
                        await Task.Yield();
                    }
                    catch (Exception) when (File.ReadAllText(path) == "retry")
                    {
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Sync_call_in_unsafe_block_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Stream s)
                {
                    await Task.Yield();
                    unsafe
                    {
                        s.Flush();
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Auto_generated_file_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            // <auto-generated/>
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Stream s, string path)
                {
                    await Task.Yield();
                    s.Flush();
                    using var stream = File.OpenRead(path);
                }
            }
            """);
    }

    [Fact]
    public Task Code_marked_GeneratedCode_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.CodeDom.Compiler;
            using System.IO;
            using System.Threading.Tasks;
            [GeneratedCode("tool", "1.0")]
            class C
            {
                async Task M(Stream s)
                {
                    await Task.Yield();
                    s.Flush();
                }
            }
            """);
    }

    [Fact]
    public Task Generated_file_by_name_is_not_reported()
    {
        var test = new VerifyCS.Test { ReferenceAssemblies = TestReferences.Net80 };
        test.TestState.Sources.Add(("Service.g.cs", """
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Stream s)
                {
                    await Task.Yield();
                    s.Flush();
                }
            }
            """));
        return test.RunAsync();
    }

    // ---------------------------------------------------------------- does not report: already asynchronous

    [Fact]
    public Task Calls_that_already_return_a_task_are_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            class Service
            {
                public Task<int> Load() => Task.FromResult(1);
                public Task<int> LoadAsync(CancellationToken cancellationToken = default) => Task.FromResult(1);
                public ValueTask Save() => default;
                public ValueTask SaveAsync() => default;
            }

            class C
            {
                async Task<int> M(Service service, Stream s, byte[] buffer)
                {
                    await service.Save();
                    var pending = s.ReadAsync(buffer, 0, buffer.Length);
                    await s.FlushAsync();
                    return await service.Load() + await pending;
                }
            }
            """);
    }

    [Fact]
    public Task Calls_returning_a_custom_awaitable_are_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Runtime.CompilerServices;
            using System.Threading.Tasks;
            public readonly struct Pending
            {
                public TaskAwaiter GetAwaiter() => Task.CompletedTask.GetAwaiter();
            }

            class Service
            {
                public Pending Start() => default;
                public Task<Pending> StartAsync() => Task.FromResult(default(Pending));
            }

            class C
            {
                async Task M(Service service)
                {
                    await service.Start();
                }
            }
            """);
    }

    [Fact]
    public Task Dynamic_and_delegate_invocations_are_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            class C
            {
                async Task M(dynamic d, Func<int> load)
                {
                    await Task.Yield();
                    d.Flush();
                    load();
                    load.Invoke();
                }
            }
            """);
    }
}
