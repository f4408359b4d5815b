using System.Linq;
using System.Threading.Tasks;
using GreedyTasks.Tests.Infrastructure;
using GreedyTasks.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.AsyncAlternativeAnalyzer, GreedyTasks.CodeFixes.AsyncAlternativeCodeFixProvider>;

namespace GreedyTasks.Tests;

/// <summary>GT0003: the shapes the fix writes, Fix All, and code as it is while the user types.</summary>
public partial class AsyncAlternativeTests
{
    // ---------------------------------------------------------------- fix output forms

    [Fact]
    public Task Call_used_as_an_argument_is_awaited_in_place()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System;
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M(TextReader reader)
                {
                    Console.WriteLine({|GT0003:reader.ReadToEnd()|});
                }
            }
            """, """
            using System;
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M(TextReader reader)
                {
                    Console.WriteLine(await reader.ReadToEndAsync());
                }
            }
            """);
    }

    [Fact]
    public Task Chained_member_access_gets_parentheses()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(TextReader reader)
                {
                    return {|GT0003:reader.ReadToEnd()|}.Trim().Length;
                }
            }
            """, """
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(TextReader reader)
                {
                    return (await reader.ReadToEndAsync()).Trim().Length;
                }
            }
            """);
    }

    [Fact]
    public Task Result_used_with_an_operator_keeps_its_meaning()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task<string> M(StreamReader reader, SemaphoreSlim gate)
                {
                    if (!{|GT0003:gate.Wait(100)|})
                    {
                        return "busy";
                    }

                    return {|GT0003:reader.ReadLine()|} ?? "";
                }
            }
            """, """
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task<string> M(StreamReader reader, SemaphoreSlim gate)
                {
                    if (!await gate.WaitAsync(100))
                    {
                        return "busy";
                    }

                    return await reader.ReadLineAsync() ?? "";
                }
            }
            """);
    }

    [Fact]
    public Task Expression_bodied_member_is_fixed()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task<string> M(string path) => {|GT0003:File.ReadAllText(path)|};
            }
            """, """
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task<string> M(string path) => await File.ReadAllTextAsync(path);
            }
            """);
    }

    [Fact]
    public Task Trivia_around_the_call_is_kept()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Stream stream)
                {
                    // flush before returning
                    {|GT0003:stream.Flush()|}; // trailing
                    var x = /* inline */ {|GT0003:stream.ReadByte2()|};
                }
            }

            static class StreamExtensions
            {
                public static int ReadByte2(this Stream stream) => 0;
                public static Task<int> ReadByte2Async(this Stream stream) => Task.FromResult(0);
            }
            """, """
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Stream stream)
                {
                    // flush before returning
                    await stream.FlushAsync(); // trailing
                    var x = /* inline */ await stream.ReadByte2Async();
                }
            }

            static class StreamExtensions
            {
                public static int ReadByte2(this Stream stream) => 0;
                public static Task<int> ReadByte2Async(this Stream stream) => Task.FromResult(0);
            }
            """);
    }

    [Fact]
    public Task Multi_line_call_keeps_its_arguments_and_layout()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(string path, CancellationToken ct)
                {
                    {|GT0003:File.WriteAllText(
                        path,
                        "contents")|};
                }
            }
            """, """
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(string path, CancellationToken ct)
                {
                    await File.WriteAllTextAsync(
                        path,
                        "contents", ct);
                }
            }
            """);
    }

    [Fact]
    public Task Call_on_a_conditional_access_receiver_is_fixed_with_parentheses()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task<int?> M(TextReader reader)
                {
                    return {|GT0003:reader.ReadToEnd()|}?.Length;
                }
            }
            """, """
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task<int?> M(TextReader reader)
                {
                    return (await reader.ReadToEndAsync())?.Length;
                }
            }
            """);
    }

    [Fact]
    public Task Receiver_that_is_itself_a_fixed_call_is_awaited_inside_parentheses()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class Document
            {
                public string Render() => "";
                public Task<string> RenderAsync() => Task.FromResult("");
            }

            class Store
            {
                public Document Open(string name) => new Document();
                public Task<Document> OpenAsync(string name) => Task.FromResult(new Document());
            }

            class C
            {
                async Task<string> M(Store store)
                {
                    return {|GT0003:{|GT0003:store.Open("a")|}.Render()|};
                }
            }
            """, """
            using System.Threading.Tasks;
            class Document
            {
                public string Render() => "";
                public Task<string> RenderAsync() => Task.FromResult("");
            }

            class Store
            {
                public Document Open(string name) => new Document();
                public Task<Document> OpenAsync(string name) => Task.FromResult(new Document());
            }

            class C
            {
                async Task<string> M(Store store)
                {
                    return await (await store.OpenAsync("a")).RenderAsync();
                }
            }
            """);
    }

    [Fact]
    public Task Nested_calls_in_one_statement_are_all_fixed_without_await_await_or_lost_arguments()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(StreamWriter writer, StreamReader reader, string source, string target, CancellationToken ct)
                {
                    {|GT0003:writer.Write({|GT0003:reader.ReadToEnd()|})|};
                    {|GT0003:File.WriteAllText(target, {|GT0003:File.ReadAllText(source)|})|};
                }
            }
            """, """
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(StreamWriter writer, StreamReader reader, string source, string target, CancellationToken ct)
                {
                    await writer.WriteAsync(await reader.ReadToEndAsync(ct));
                    await File.WriteAllTextAsync(target, await File.ReadAllTextAsync(source, ct), ct);
                }
            }
            """);
    }

    [Fact]
    public Task Calls_in_interpolations_and_conditional_expressions_are_fixed()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task<string> M(TextReader reader, string path, bool cached)
                {
                    var text = cached ? "" : {|GT0003:File.ReadAllText(path)|};
                    return $"{text}:{{|GT0003:reader.ReadToEnd()|}}";
                }
            }
            """, """
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task<string> M(TextReader reader, string path, bool cached)
                {
                    var text = cached ? "" : await File.ReadAllTextAsync(path);
                    return $"{text}:{await reader.ReadToEndAsync()}";
                }
            }
            """);
    }

    [Fact]
    public Task Call_in_a_lock_expression_is_fixed_because_it_runs_before_the_lock_is_taken()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class Store
            {
                public object Open(string name) => new object();
                public Task<object> OpenAsync(string name) => Task.FromResult(new object());
            }

            class C
            {
                async Task M(Store store)
                {
                    lock ({|GT0003:store.Open("a")|})
                    {
                    }
                }
            }
            """, """
            using System.Threading.Tasks;
            class Store
            {
                public object Open(string name) => new object();
                public Task<object> OpenAsync(string name) => Task.FromResult(new object());
            }

            class C
            {
                async Task M(Store store)
                {
                    lock (await store.OpenAsync("a"))
                    {
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Call_through_conditional_access_is_reported_without_a_fix()
    {
        return VerifyCS.VerifyNoCodeFixAsync("""
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Stream? stream)
                {
                    await Task.Yield();
                    stream?{|GT0003:.Flush()|};
                }
            }
            """);
    }

    // Found on MQTTnet's SocketConnection.DisposeAsync ('Transport?.Output.Complete();') by the scanner: the call was bound
    // speculatively as '.Output.CompleteAsync()', outside its conditional access, and Roslyn threw (AD0001). A call
    // further down a conditional chain, or under two of them, is looked up through the whole receiver, like 'x?.Flush()'.
    [Fact]
    public Task Call_further_down_a_conditional_access_chain_is_reported_without_a_fix()
    {
        return VerifyCS.VerifyNoCodeFixAsync("""
            using System.IO;
            using System.Threading.Tasks;
            class Holder
            {
                public Stream Output = Stream.Null;
                public Holder? Next;
                public Stream[] Streams = new Stream[1];
            }
            class C
            {
                async Task M(Holder? holder)
                {
                    await Task.Yield();
                    holder?{|GT0003:.Output.Flush()|};
                    holder?.Next?{|GT0003:.Output.Flush()|};
                    holder?{|GT0003:.Next!.Output.Flush()|};
                    holder?{|GT0003:.Streams[0].Flush()|};
                    holder?.Streams?{|GT0003:[0].Flush()|};
                }
            }
            """);
    }

    [Fact]
    public Task Fix_adds_no_using_directive_and_needs_none()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            class C
            {
                async System.Threading.Tasks.Task M(System.IO.Stream stream, System.Threading.CancellationToken ct)
                {
                    {|GT0003:stream.Flush()|};
                }
            }
            """, """
            class C
            {
                async System.Threading.Tasks.Task M(System.IO.Stream stream, System.Threading.CancellationToken ct)
                {
                    await stream.FlushAsync(ct);
                }
            }
            """);
    }

    [Fact]
    public Task Alternative_fix_title_names_the_method_and_uses_the_rule_equivalence_key()
    {
        return new VerifyCS.Test
        {
            ReferenceAssemblies = TestReferences.Net80,
            TestCode = """
                using System.IO;
                using System.Threading.Tasks;
                class C
                {
                    async Task M(Stream stream) => {|GT0003:stream.Flush()|};
                }
                """,
            FixedCode = """
                using System.IO;
                using System.Threading.Tasks;
                class C
                {
                    async Task M(Stream stream) => await stream.FlushAsync();
                }
                """,
            CodeActionEquivalenceKey = "GT0003",
            CodeActionVerifier = (action, verifier) => verifier.Equal("Await 'FlushAsync' instead", action.Title),
        }.RunAsync();
    }

    [Fact]
    public Task Await_using_fix_title_says_what_happens()
    {
        return new VerifyCS.Test
        {
            ReferenceAssemblies = TestReferences.Net80,
            TestCode = """
                using System.IO;
                using System.Threading.Tasks;
                class C
                {
                    async Task M(string path)
                    {
                        {|GT0003:using|} var stream = File.OpenRead(path);
                    }
                }
                """,
            FixedCode = """
                using System.IO;
                using System.Threading.Tasks;
                class C
                {
                    async Task M(string path)
                    {
                        await using var stream = File.OpenRead(path);
                    }
                }
                """,
            CodeActionEquivalenceKey = "GT0003",
            CodeActionVerifier = (action, verifier) => verifier.Equal("Use 'await using'", action.Title),
        }.RunAsync();
    }

    [Fact]
    public Task Async_scope_fix_title_says_what_happens()
    {
        return new VerifyCS.Test
        {
            ReferenceAssemblies = WithDependencyInjection,
            TestCode = """
                using System;
                using System.Threading.Tasks;
                using Microsoft.Extensions.DependencyInjection;
                class C
                {
                    async Task M(IServiceProvider services)
                    {
                        {|GT0003:using|} var scope = services.CreateScope();
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.Threading.Tasks;
                using Microsoft.Extensions.DependencyInjection;
                class C
                {
                    async Task M(IServiceProvider services)
                    {
                        await using var scope = services.CreateAsyncScope();
                    }
                }
                """,
            CodeActionEquivalenceKey = "GT0003",
            CodeActionVerifier = (action, verifier) => verifier.Equal("Use 'await using' with 'CreateAsyncScope'", action.Title),
        }.RunAsync();
    }

    // ---------------------------------------------------------------- fix all

    [Fact]
    public Task Fix_all_rewrites_different_pairs_in_one_document()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task<string> M(string path, Stream stream, SemaphoreSlim gate, CancellationToken ct)
                {
                    {|GT0003:gate.Wait(ct)|};
                    {|GT0003:using|} var file = File.OpenRead(path);
                    {|GT0003:file.CopyTo(stream)|};
                    {|GT0003:stream.Flush()|};
                    var text = {|GT0003:File.ReadAllText(path)|};
                    return text;
                }

                async Task N(StreamWriter writer)
                {
                    {|GT0003:writer.WriteLine("done")|};
                }
            }
            """, """
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task<string> M(string path, Stream stream, SemaphoreSlim gate, CancellationToken ct)
                {
                    await gate.WaitAsync(ct);
                    await using var file = File.OpenRead(path);
                    await file.CopyToAsync(stream, ct);
                    await stream.FlushAsync(ct);
                    var text = await File.ReadAllTextAsync(path, ct);
                    return text;
                }

                async Task N(StreamWriter writer)
                {
                    await writer.WriteLineAsync("done");
                }
            }
            """);
    }

    [Fact]
    public Task Fix_all_across_documents_fixes_each_document()
    {
        var test = new VerifyCS.Test { ReferenceAssemblies = TestReferences.Net80 };
        test.TestState.Sources.Add(("A.cs", """
            using System.IO;
            using System.Threading.Tasks;
            class A
            {
                async Task<string> M(string path) => {|GT0003:File.ReadAllText(path)|};
            }
            """));
        test.TestState.Sources.Add(("B.cs", """
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            class B
            {
                async Task M(Stream stream, SemaphoreSlim gate)
                {
                    {|GT0003:gate.Wait()|};
                    {|GT0003:stream.Flush()|};
                }
            }
            """));
        test.FixedState.Sources.Add(("A.cs", """
            using System.IO;
            using System.Threading.Tasks;
            class A
            {
                async Task<string> M(string path) => await File.ReadAllTextAsync(path);
            }
            """));
        test.FixedState.Sources.Add(("B.cs", """
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            class B
            {
                async Task M(Stream stream, SemaphoreSlim gate)
                {
                    await gate.WaitAsync();
                    await stream.FlushAsync();
                }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_all_converges_in_one_iteration()
    {
        return VerifyCS.VerifyFixAllAsync("""
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M(TextReader reader, TextWriter writer, Stream stream)
                {
                    {|GT0003:writer.Write({|GT0003:reader.ReadToEnd()|})|};
                    {|GT0003:stream.Flush()|};
                    {|GT0003:writer.Flush()|};
                }
            }
            """, """
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M(TextReader reader, TextWriter writer, Stream stream)
                {
                    await writer.WriteAsync(await reader.ReadToEndAsync());
                    await stream.FlushAsync();
                    await writer.FlushAsync();
                }
            }
            """);
    }

    // ---------------------------------------------------------------- incomplete code

    [Theory]
    [InlineData("var text = File.ReadAllText(path", true)]
    [InlineData("var text = File.ReadAllText(path) +", true)]
    [InlineData("stream.Flush(", true)]
    [InlineData("stream.Flush() stream.Flush();", true)]
    [InlineData("reader.ReadToEnd().", true)]
    [InlineData("using var s = File.OpenRead(path)", true)]
    [InlineData("lock (this) { stream.Flush(); ", false)]
    [InlineData("stream.Fl", false)]
    public async Task Typing_a_sync_call_reports_it_once_complete_and_never_throws(string statement, bool reported)
    {
        var result = await AnalyzerRunner.RunAsync($$"""
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Stream stream, TextReader reader, string path, CancellationToken ct)
                {
                    await Task.Yield();
                    {{statement}}
                }
            }
            """);

        Assert.Empty(result.AnalyzerExceptions);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "AD0001");
        Assert.Equal(reported, result.Diagnostics.Any(d => d.Id == "GT0003"));
    }

    [Theory]
    [InlineData("class C { async Task M(Stream s) { s.")]
    [InlineData("class C { async Task M(Stream s) { s.Fl")]
    [InlineData("class C { async Task M(Stream s) { s.Read(, 0, ); } }")]
    [InlineData("class C { async Task M(Stream s) { s.CopyTo(undefined); missing.Flush(); Undefined(); } }")]
    [InlineData("class C { async Task M(Stream s) { using (s.) { } await using var x = ; using var } }")]
    [InlineData("class C { async Task M(Stream s) { using (var a = File.OpenRead(\"a\"), ) { } } }")]
    [InlineData("class C { async Task M(Stream s, CancellationToken ct) { s.Flush(cancellationToken: ); s.Write(buffer: , offset: 0); } }")]
    [InlineData("class C { int Read() => 0; async Task<int> ReadAsync() => Read(); async Task<int> ReadAsync() => Read(); }")]
    [InlineData("class C { async Task M(Stream s) { nameof(s.Flush(); Expression<Action> e = () => s.Flush(); } }")]
    [InlineData("static class E { public static void Go(this Stream s) {} public static Task GoAsync(this) => null; } class C { async Task M(Stream s) { s.Go(); } }")]
    [InlineData("class C { async Task M<T>(T s) where T : Stream { s.Flush(); s.Dispose(); using (s) { } } }")]
    [InlineData("using var f = File.OpenRead(\"a\"); f.Flush(); await f.FlushAsync(); File.ReadAllText(")]
    public async Task Broken_and_unusual_code_never_throws(string body)
    {
        var source = "using System; using System.IO; using System.Linq.Expressions; using System.Threading; using System.Threading.Tasks;\n" + body;
        var kind = body.StartsWith("class", System.StringComparison.Ordinal) || body.StartsWith("static", System.StringComparison.Ordinal)
            ? OutputKind.DynamicallyLinkedLibrary
            : OutputKind.ConsoleApplication;
        var result = await AnalyzerRunner.RunAsync(source, kind);

        Assert.Empty(result.AnalyzerExceptions);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public async Task Runner_sees_GT0003_and_applies_its_fixes()
    {
        var result = await AnalyzerRunner.RunAsync("""
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Stream stream, string path)
                {
                    using var file = File.OpenRead(path);
                    stream.Flush();
                }
            }
            """);

        Assert.Equal(new[] { "GT0003", "GT0003" }, result.Diagnostics.Select(d => d.Id));
        Assert.Equal(2, result.FixesApplied);
    }
}
