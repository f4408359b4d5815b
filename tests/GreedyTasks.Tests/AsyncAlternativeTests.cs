using System.Threading.Tasks;
using GreedyTasks.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.AsyncAlternativeAnalyzer, GreedyTasks.CodeFixes.AsyncAlternativeCodeFixProvider>;

namespace GreedyTasks.Tests;

/// <summary>GT0003: call the async alternative in async code.</summary>
public partial class AsyncAlternativeTests
{
    [Fact]
    public Task Stream_read_becomes_ReadAsync_with_the_token()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Stream s, byte[] buffer, CancellationToken ct)
                {
                    return {|#0:s.Read(buffer, 0, buffer.Length)|};
                }
            }
            """, """
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Stream s, byte[] buffer, CancellationToken ct)
                {
                    return await s.ReadAsync(buffer, 0, buffer.Length, ct);
                }
            }
            """,
            VerifyCS.Diagnostic("GT0003").WithLocation(0).WithArguments("Stream.Read(byte[], int, int)", "Stream.ReadAsync(byte[], int, int, CancellationToken)"));
    }

    [Fact]
    public Task ReadLine_result_used_further_is_parenthesised()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task<string?> M(StreamReader reader)
                {
                    return {|GT0003:reader.ReadLine()|}?.Trim();
                }
            }
            """, """
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task<string?> M(StreamReader reader)
                {
                    return (await reader.ReadLineAsync())?.Trim();
                }
            }
            """);
    }

    [Fact]
    public Task Using_of_a_FileStream_becomes_await_using()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M(string path)
                {
                    {|#0:using|} var stream = File.OpenRead(path);
                    await Task.Yield();
                }
            }
            """, """
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M(string path)
                {
                    await using var stream = File.OpenRead(path);
                    await Task.Yield();
                }
            }
            """,
            new DiagnosticResult(GreedyTasks.Analyzers.Descriptors.AsyncDisposal).WithLocation(0).WithArguments("FileStream"));
    }

    [Fact]
    public Task Parameterless_Get_is_not_matched_to_GetAsync_with_a_required_id()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class Repository
            {
                public string Get() => "";
                public Task<string> GetAsync(int id) => Task.FromResult("");
            }

            class C
            {
                async Task<string> M(Repository r)
                {
                    await Task.Yield();
                    return r.Get();
                }
            }
            """);
    }

    [Fact]
    public Task The_enclosing_async_method_is_never_the_alternative()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class Service
            {
                public int Compute() => 1;

                public async Task<int> ComputeAsync()
                {
                    await Task.Yield();
                    return Compute();
                }
            }
            """);
    }

    [Fact]
    public Task MemoryStream_is_excluded_by_default()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M(MemoryStream s, byte[] buffer)
                {
                    await Task.Yield();
                    s.Write(buffer, 0, buffer.Length);
                    using var copy = new MemoryStream();
                }
            }
            """);
    }
}
