using System.Collections.Immutable;
using System.Threading.Tasks;
using GreedyTasks.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.AsyncAlternativeAnalyzer, GreedyTasks.CodeFixes.AsyncAlternativeCodeFixProvider>;

namespace GreedyTasks.Tests;

/// <summary>GT0003: Dispose → DisposeAsync, using → await using, CreateScope → CreateAsyncScope.</summary>
public partial class AsyncAlternativeTests
{
    private static ReferenceAssemblies WithDependencyInjection => TestReferences.Net80.AddPackages(
        ImmutableArray.Create(new PackageIdentity("Microsoft.Extensions.DependencyInjection.Abstractions", "8.0.0")));

    private const string AsyncConnection = """
        class Connection : System.IDisposable, System.IAsyncDisposable
        {
            public void Dispose() { }
            public System.Threading.Tasks.ValueTask DisposeAsync() => default;
        }
        """;

    // ---------------------------------------------------------------- Dispose() → DisposeAsync()

    [Fact]
    public Task Dispose_of_a_FileStream_becomes_await_DisposeAsync()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M(FileStream stream)
                {
                    {|#0:stream.Dispose()|};
                }
            }
            """, """
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M(FileStream stream)
                {
                    await stream.DisposeAsync();
                }
            }
            """,
            VerifyCS.Diagnostic("GT0003").WithLocation(0).WithArguments("Stream.Dispose()", "FileStream.DisposeAsync()"));
    }

    [Fact]
    public Task Dispose_of_a_class_with_its_own_DisposeAsync_becomes_await_DisposeAsync()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task M(Connection connection)
                {
                    {|GT0003:connection.Dispose()|};
                }
            }
            """ + AsyncConnection, """
            using System.Threading.Tasks;
            class C
            {
                async Task M(Connection connection)
                {
                    await connection.DisposeAsync();
                }
            }
            """ + AsyncConnection);
    }

    [Theory]
    [InlineData("MemoryStream")]
    [InlineData("Stream")]
    [InlineData("StringWriter")]
    public Task Dispose_where_DisposeAsync_is_not_the_type_s_own_is_not_reported(string type)
    {
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M({{type}} resource)
                {
                    await Task.Yield();
                    resource.Dispose();
                }
            }
            """);
    }

    // ---------------------------------------------------------------- using → await using

    [Fact]
    public Task Using_statement_with_a_declaration_becomes_await_using()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M(string path)
                {
                    {|#0:using|} (var writer = new StreamWriter(path))
                    {
                        await writer.WriteLineAsync("x");
                    }
                }
            }
            """, """
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M(string path)
                {
                    await using (var writer = new StreamWriter(path))
                    {
                        await writer.WriteLineAsync("x");
                    }
                }
            }
            """,
            new DiagnosticResult(GreedyTasks.Analyzers.Descriptors.AsyncDisposal).WithLocation(0).WithArguments("StreamWriter"));
    }

    [Fact]
    public Task Using_statement_with_an_expression_becomes_await_using()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M(FileStream stream)
                {
                    {|#0:using|} (stream)
                    {
                        await stream.FlushAsync();
                    }
                }
            }
            """, """
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M(FileStream stream)
                {
                    await using (stream)
                    {
                        await stream.FlushAsync();
                    }
                }
            }
            """,
            new DiagnosticResult(GreedyTasks.Analyzers.Descriptors.AsyncDisposal).WithLocation(0).WithArguments("FileStream"));
    }

    [Fact]
    public Task Using_declaration_of_a_StreamWriter_becomes_await_using()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M(string path)
                {
                    // keep this comment
                    {|#0:using|} var writer = new StreamWriter(path);
                    await writer.WriteAsync("x");
                }
            }
            """, """
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M(string path)
                {
                    // keep this comment
                    await using var writer = new StreamWriter(path);
                    await writer.WriteAsync("x");
                }
            }
            """,
            new DiagnosticResult(GreedyTasks.Analyzers.Descriptors.AsyncDisposal).WithLocation(0).WithArguments("StreamWriter"));
    }

    [Fact]
    public Task Using_of_a_class_implementing_IAsyncDisposable_itself_becomes_await_using()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task M()
                {
                    {|GT0003:using|} var connection = new Connection();
                    await Task.Yield();
                }
            }
            """ + AsyncConnection, """
            using System.Threading.Tasks;
            class C
            {
                async Task M()
                {
                    await using var connection = new Connection();
                    await Task.Yield();
                }
            }
            """ + AsyncConnection);
    }

    [Fact]
    public Task Using_with_two_async_disposable_declarators_is_reported_once()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M(string a, string b)
                {
                    {|GT0003:using|} (FileStream first = File.OpenRead(a), second = File.OpenRead(b))
                    {
                        await first.CopyToAsync(second);
                    }
                }
            }
            """, """
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M(string a, string b)
                {
                    await using (FileStream first = File.OpenRead(a), second = File.OpenRead(b))
                    {
                        await first.CopyToAsync(second);
                    }
                }
            }
            """);
    }

    [Theory]
    [InlineData("var resource = new MemoryStream()")]
    [InlineData("var resource = new StringWriter()")]
    [InlineData("Stream resource = File.OpenRead(path)")]
    public Task Using_declaration_where_DisposeAsync_is_not_the_type_s_own_is_not_reported(string declaration)
    {
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M(string path)
                {
                    await Task.Yield();
                    using {{declaration}};
                }

                async Task N(string path)
                {
                    await Task.Yield();
                    using ({{declaration}}) { }
                }
            }
            """);
    }

    [Fact]
    public Task Using_of_a_stream_class_that_overrides_DisposeAsync_is_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading.Tasks;
            abstract class NetworkishStream : Stream
            {
                public override ValueTask DisposeAsync() => default;
            }

            abstract class PlainStream : Stream { }

            class C
            {
                async Task M(NetworkishStream networkish, PlainStream plain)
                {
                    await Task.Yield();
                    {|GT0003:using|} (networkish) { }
                    using (plain) { }
                }
            }
            """);
    }

    [Fact]
    public Task Using_of_a_type_parameter_constrained_to_Stream_or_MemoryStream_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M<TStream, TMemory>(TStream stream, TMemory memory)
                    where TStream : Stream
                    where TMemory : MemoryStream
                {
                    await Task.Yield();
                    using (stream) { }
                    using (memory) { }
                }
            }
            """);
    }

    [Fact]
    public Task Using_of_a_type_parameter_constrained_to_FileStream_is_reported()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M<TFile>(TFile file) where TFile : FileStream
                {
                    {|GT0003:using|} (file) { }
                }
            }
            """, """
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M<TFile>(TFile file) where TFile : FileStream
                {
                    await using (file) { }
                }
            }
            """);
    }

    [Fact]
    public Task Using_of_an_interface_that_promises_async_disposal_is_reported()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System;
            using System.Threading.Tasks;
            interface ISession : IDisposable, IAsyncDisposable { }

            class C
            {
                async Task M(Func<ISession> open)
                {
                    {|GT0003:using|} var session = open();
                    await Task.Yield();
                }
            }
            """, """
            using System;
            using System.Threading.Tasks;
            interface ISession : IDisposable, IAsyncDisposable { }

            class C
            {
                async Task M(Func<ISession> open)
                {
                    await using var session = open();
                    await Task.Yield();
                }
            }
            """);
    }

    [Fact]
    public Task Already_await_using_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M(string path, FileStream stream)
                {
                    await using var writer = new StreamWriter(path);
                    await using (stream) { }
                    await using (var reader = File.OpenRead(path)) { }
                }
            }
            """);
    }

    [Fact]
    public Task Using_of_a_resource_that_is_not_async_disposable_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class Handle : IDisposable
            {
                public void Dispose() { }
            }

            class C
            {
                async Task M()
                {
                    await Task.Yield();
                    using var handle = new Handle();
                    using (var gate = new SemaphoreSlim(1)) { }
                    using (new CancellationTokenSource()) { }
                }
            }
            """);
    }

    [Fact]
    public Task Using_of_a_timer_or_a_token_registration_is_not_reported()
    {
        // Both are IAsyncDisposable, but their Dispose() does not block: a timer's stops it and returns (DisposeAsync
        // also waits for a callback that is running, another behaviour, not a cooperative twin), and a registration's
        // waits only while its callback runs on another thread. Excluded by default (a timer in YARP.Kubernetes).
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(CancellationToken token, TimeProvider clock)
                {
                    await Task.Yield();
                    using var timer = new Timer(_ => { }, null, 1000, 1000);
                    using ITimer fromClock = clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
                    using var registration = token.Register(() => { });
                    using (token.UnsafeRegister(_ => { }, null)) { }
                    await Task.Delay(10, token);
                }
            }
            """);
    }

    [Fact]
    public Task Using_with_declarators_not_all_async_disposable_is_not_reported()
    {
        // 'await using' needs every resource to be IAsyncDisposable (CS8410): an IDisposable-typed declaration holding a FileStream gets no fix.
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Threading.Tasks;
            class Handle : IDisposable
            {
                public void Dispose() { }
            }

            class C
            {
                async Task M(string path)
                {
                    await Task.Yield();
                    using (IDisposable stream = File.OpenRead(path), handle = new Handle()) { }
                }
            }
            """);
    }

    [Fact]
    public Task Using_in_sync_method_and_sync_lambda_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                void M(string path)
                {
                    using var stream = File.OpenRead(path);
                }

                async Task N(string path)
                {
                    await Task.Yield();
                    Action a = () =>
                    {
                        using var stream = File.OpenRead(path);
                    };
                }
            }
            """);
    }

    // ---------------------------------------------------------------- CreateScope → CreateAsyncScope

    [Fact]
    public Task Using_CreateScope_on_IServiceProvider_becomes_await_using_CreateAsyncScope()
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
                        await Task.Yield();
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
                        await Task.Yield();
                    }
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public Task CreateScope_message_names_both_methods_in_the_same_form()
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
                        {|#0:using|} var scope = services.CreateScope();
                        await Task.Yield();
                    }
                }
                """,
            ExpectedDiagnostics =
            {
                new DiagnosticResult(GreedyTasks.Analyzers.Descriptors.AsyncScope).WithLocation(0)
                    .WithArguments("ServiceProviderServiceExtensions.CreateScope(IServiceProvider)", "ServiceProviderServiceExtensions.CreateAsyncScope(IServiceProvider)"),
            },
        }.RunAsync();
    }

    [Fact]
    public Task Using_CreateScope_on_IServiceScopeFactory_becomes_await_using_CreateAsyncScope()
    {
        return new VerifyCS.Test
        {
            ReferenceAssemblies = WithDependencyInjection,
            TestCode = """
                using System.Threading.Tasks;
                using Microsoft.Extensions.DependencyInjection;
                class C
                {
                    async Task<object?> M(IServiceScopeFactory factory)
                    {
                        {|GT0003:using|} (var scope = factory.CreateScope())
                        {
                            await Task.Yield();
                            return scope.ServiceProvider.GetService(typeof(C));
                        }
                    }
                }
                """,
            FixedCode = """
                using System.Threading.Tasks;
                using Microsoft.Extensions.DependencyInjection;
                class C
                {
                    async Task<object?> M(IServiceScopeFactory factory)
                    {
                        await using (var scope = factory.CreateAsyncScope())
                        {
                            await Task.Yield();
                            return scope.ServiceProvider.GetService(typeof(C));
                        }
                    }
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public Task Using_CreateScope_declared_as_IServiceScope_is_not_reported_because_await_using_would_not_compile()
    {
        // IServiceScope is not IAsyncDisposable: 'await using IServiceScope scope = …CreateAsyncScope()' is CS8410.
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
                        await Task.Yield();
                        using IServiceScope scope = services.CreateScope();
                    }
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public Task CreateScope_without_using_and_in_sync_code_is_not_reported()
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
                    IServiceScope? _scope;

                    async Task M(IServiceProvider services)
                    {
                        await Task.Yield();
                        _scope = services.CreateScope();
                    }

                    void N(IServiceProvider services)
                    {
                        using var scope = services.CreateScope();
                    }
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public Task Await_using_CreateAsyncScope_is_not_reported()
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
                        await using var scope = services.CreateAsyncScope();
                    }
                }
                """,
        }.RunAsync();
    }
}
