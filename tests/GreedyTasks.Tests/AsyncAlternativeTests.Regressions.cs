using System.Collections.Immutable;
using System.Threading.Tasks;
using GreedyTasks.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.AsyncAlternativeAnalyzer, GreedyTasks.CodeFixes.AsyncAlternativeCodeFixProvider>;

namespace GreedyTasks.Tests;

/// <summary>GT0003 regressions found while documenting and calibrating the rule.</summary>
public partial class AsyncAlternativeTests
{
    [Fact]
    public Task Explicitly_typed_IServiceScope_is_not_reported_because_await_using_it_would_not_compile()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            using Microsoft.Extensions.DependencyInjection;
            class C
            {
                async Task M(IServiceProvider provider)
                {
                    await Task.Yield();
                    using IServiceScope scope = provider.CreateScope();
                }
            }
            """, WithDependencyInjection);
    }

    [Fact]
    public Task CreateScope_with_var_becomes_await_using_CreateAsyncScope()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System;
            using System.Threading.Tasks;
            using Microsoft.Extensions.DependencyInjection;
            class C
            {
                async Task M(IServiceProvider provider)
                {
                    {|#0:using|} var scope = provider.CreateScope();
                    await Task.Yield();
                }
            }
            """, """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Extensions.DependencyInjection;
            class C
            {
                async Task M(IServiceProvider provider)
                {
                    await using var scope = provider.CreateAsyncScope();
                    await Task.Yield();
                }
            }
            """,
            WithDependencyInjection,
            VerifyCS.Diagnostic(GreedyTasks.Analyzers.Descriptors.AsyncScope).WithLocation(0)
                .WithArguments("ServiceProviderServiceExtensions.CreateScope(IServiceProvider)", "ServiceProviderServiceExtensions.CreateAsyncScope(IServiceProvider)"));
    }

    [Fact]
    public Task CreateScope_excluded_by_configuration_is_not_reported()
    {
        var test = new VerifyCS.Test
        {
            ReferenceAssemblies = WithDependencyInjection,
            TestCode = """
                using System;
                using System.Threading.Tasks;
                using Microsoft.Extensions.DependencyInjection;
                class C
                {
                    async Task M(IServiceProvider provider)
                    {
                        await Task.Yield();
                        using var scope = provider.CreateScope();
                    }
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ngreedy_tasks.excluded_methods = M:Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Nullable_resource_type_is_named_without_its_annotation()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            #nullable enable
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
            #nullable enable
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
            VerifyCS.Diagnostic(GreedyTasks.Analyzers.Descriptors.AsyncDisposal).WithLocation(0).WithArguments("FileStream"));
    }

    // ---------------------------------------------------------------- calibration on real code (docs/rules/GT0003.md, "Validation")

    [Fact]
    public Task Streams_that_only_wrap_a_MemoryStream_are_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using System.IO.Compression;
            using System.Threading.Tasks;
            class C
            {
                async Task<string> M(byte[] payload)
                {
                    await Task.Yield();
                    using var compressed = new MemoryStream(payload);
                    using var decompressed = new MemoryStream();
                    using (var zlib = new DeflateStream(compressed, CompressionMode.Decompress))
                        zlib.CopyTo(decompressed);
                    decompressed.Position = 0;
                    using var reader = new StreamReader(decompressed);
                    return reader.ReadToEnd();
                }
            }
            """);
    }

    [Fact]
    public Task Json_writer_over_a_MemoryStream_is_not_reported()
    {
        // Aspire builds JSON in memory this way in async methods: the writer's Flush and Dispose only copy into the
        // MemoryStream. Over a file, the same writer is reported.
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Text;
            using System.Text.Json;
            using System.Threading.Tasks;
            class C
            {
                async Task<string> M(string path)
                {
                    await Task.Yield();
                    using var stream = new MemoryStream();
                    using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
                    writer.WriteStartObject();
                    writer.WriteEndObject();
                    writer.Flush();
                    using (var other = new Utf8JsonWriter(stream)) { other.Flush(); }

                    await using var file = File.Create(path);
                    {|#0:using|} var fileWriter = new Utf8JsonWriter(file);
                    {|GT0003:fileWriter.Flush()|};
                    return Encoding.UTF8.GetString(stream.ToArray());
                }
            }
            """,
            VerifyCS.Diagnostic(GreedyTasks.Analyzers.Descriptors.AsyncDisposal).WithLocation(0).WithArguments("Utf8JsonWriter"));
    }

    [Fact]
    public Task Stream_wrapping_a_file_is_still_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using System.IO.Compression;
            using System.Threading.Tasks;
            class C
            {
                async Task<string> M(string path)
                {
                    await using var file = File.OpenRead(path);
                    await using var zip = new GZipStream(file, CompressionMode.Decompress);
                    using var reader = new StreamReader(zip);
                    return {|GT0003:reader.ReadToEnd()|};
                }
            }
            """);
    }

    [Fact]
    public Task Command_disposal_is_not_reported_because_it_releases_no_IO()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Data.Common;
            using System.Threading.Tasks;
            class C
            {
                async Task<object?> M(DbConnection connection)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = "select 1";
                    return await command.ExecuteScalarAsync();
                }
            }
            """);
    }

    [Fact]
    public Task Completing_a_TaskCompletionSource_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            static class Extensions
            {
                public static Task TrySetExceptionAsync<T>(this TaskCompletionSource<T> source, Exception e) => Task.Run(() => source.TrySetException(e));
            }

            class C
            {
                async Task M(TaskCompletionSource<bool> promise)
                {
                    await Task.Delay(1);
                    promise.TrySetException(new TimeoutException());
                }
            }
            """);
    }

    [Fact]
    public Task Synchronous_branch_of_dual_mode_code_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Stream stream, byte[] buffer, bool useAsync)
                {
                    if (useAsync)
                    {
                        return await stream.ReadAsync(buffer, 0, buffer.Length);
                    }
                    else
                    {
                        return stream.Read(buffer, 0, buffer.Length);
                    }
                }

                async Task<int> N(Stream stream, byte[] buffer, bool useAsync)
                    => useAsync ? await stream.ReadAsync(buffer, 0, buffer.Length) : stream.Read(buffer, 0, buffer.Length);
            }
            """);
    }

    [Fact]
    public Task Sync_and_async_hooks_called_on_the_same_receiver_are_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            interface IModule
            {
                void BeforeExecute(string command);
                Task BeforeExecuteAsync(string command);
            }

            class C
            {
                async Task Run(IModule module, string command)
                {
                    module.BeforeExecute(command);
                    await module.BeforeExecuteAsync(command);
                }
            }
            """);
    }

    [Fact]
    public Task Same_call_fixed_elsewhere_in_the_function_does_not_hide_other_calls()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M(TextWriter writer)
                {
                    await writer.WriteLineAsync("a");
                    {|GT0003:writer.WriteLine("b")|};
                }
            }
            """);
    }
}
