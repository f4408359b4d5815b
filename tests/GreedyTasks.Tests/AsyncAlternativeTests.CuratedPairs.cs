using System.Threading.Tasks;
using GreedyTasks.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.AsyncAlternativeAnalyzer, GreedyTasks.CodeFixes.AsyncAlternativeCodeFixProvider>;

namespace GreedyTasks.Tests;

/// <summary>GT0003: the framework pairs users meet most, each fix verified to compile (the verifier compiles the fixed code).</summary>
public partial class AsyncAlternativeTests
{
    private const string FrameworkParameters = "Stream stream, Stream destination, StreamReader reader, StreamWriter writer, TextReader textReader, "
        + "Process process, SemaphoreSlim gate, HttpClient client, HttpRequestMessage request, HttpContent content, "
        + "DbConnection connection, DbCommand command, DbDataReader dataReader, DbTransaction transaction, string path, byte[] buffer";

    private const string FrameworkUsings = """
        using System;
        using System.Data.Common;
        using System.Diagnostics;
        using System.IO;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        """;

    [Theory]
    [InlineData("{|GT0003:stream.CopyTo(destination)|};", "await stream.CopyToAsync(destination, ct);")]
    [InlineData("{|GT0003:stream.Flush()|};", "await stream.FlushAsync(ct);")]
    [InlineData("{|GT0003:stream.Write(buffer, 0, buffer.Length)|};", "await stream.WriteAsync(buffer, 0, buffer.Length, ct);")]
    [InlineData("var read = {|GT0003:stream.Read(buffer, 0, buffer.Length)|};", "var read = await stream.ReadAsync(buffer, 0, buffer.Length, ct);")]
    [InlineData("{|GT0003:process.WaitForExit()|};", "await process.WaitForExitAsync(ct);")]
    [InlineData("{|GT0003:gate.Wait()|};", "await gate.WaitAsync(ct);")]
    [InlineData("var entered = {|GT0003:gate.Wait(1000)|};", "var entered = await gate.WaitAsync(1000, ct);")]
    [InlineData("var entered = {|GT0003:gate.Wait(TimeSpan.FromSeconds(1))|};", "var entered = await gate.WaitAsync(TimeSpan.FromSeconds(1), ct);")]
    [InlineData("var text = {|GT0003:File.ReadAllText(path)|};", "var text = await File.ReadAllTextAsync(path, ct);")]
    [InlineData("var bytes = {|GT0003:File.ReadAllBytes(path)|};", "var bytes = await File.ReadAllBytesAsync(path, ct);")]
    [InlineData("var lines = {|GT0003:File.ReadAllLines(path)|};", "var lines = await File.ReadAllLinesAsync(path, ct);")]
    [InlineData("{|GT0003:File.WriteAllText(path, \"x\")|};", "await File.WriteAllTextAsync(path, \"x\", ct);")]
    [InlineData("{|GT0003:File.AppendAllText(path, \"x\")|};", "await File.AppendAllTextAsync(path, \"x\", ct);")]
    [InlineData("var all = {|GT0003:reader.ReadToEnd()|};", "var all = await reader.ReadToEndAsync(ct);")]
    [InlineData("var line = {|GT0003:reader.ReadLine()|};", "var line = await reader.ReadLineAsync(ct);")]
    [InlineData("var all = {|GT0003:textReader.ReadToEnd()|};", "var all = await textReader.ReadToEndAsync(ct);")]
    [InlineData("{|GT0003:writer.Write(\"x\")|};", "await writer.WriteAsync(\"x\");")]
    [InlineData("{|GT0003:writer.WriteLine(\"x\")|};", "await writer.WriteLineAsync(\"x\");")]
    [InlineData("{|GT0003:writer.Flush()|};", "await writer.FlushAsync(ct);")]
    [InlineData("var response = {|GT0003:client.Send(request)|};", "var response = await client.SendAsync(request, ct);")]
    [InlineData("var body = {|GT0003:content.ReadAsStream()|};", "var body = await content.ReadAsStreamAsync(ct);")]
    [InlineData("{|GT0003:connection.Open()|};", "await connection.OpenAsync(ct);")]
    [InlineData("{|GT0003:connection.Close()|};", "await connection.CloseAsync();")]
    [InlineData("var tx = {|GT0003:connection.BeginTransaction()|};", "var tx = await connection.BeginTransactionAsync(ct);")]
    [InlineData("var rows = {|GT0003:command.ExecuteReader()|};", "var rows = await command.ExecuteReaderAsync(ct);")]
    [InlineData("var count = {|GT0003:command.ExecuteNonQuery()|};", "var count = await command.ExecuteNonQueryAsync(ct);")]
    [InlineData("var value = {|GT0003:command.ExecuteScalar()|};", "var value = await command.ExecuteScalarAsync(ct);")]
    [InlineData("var more = {|GT0003:dataReader.Read()|};", "var more = await dataReader.ReadAsync(ct);")]
    [InlineData("{|GT0003:transaction.Commit()|};", "await transaction.CommitAsync(ct);")]
    public Task Framework_pair_is_fixed_with_the_token_in_scope(string before, string after)
    {
        return VerifyCS.VerifyCodeFixAsync($$"""
            {{FrameworkUsings}}
            class C
            {
                async Task M({{FrameworkParameters}}, CancellationToken ct)
                {
                    {{before}}
                }
            }
            """, $$"""
            {{FrameworkUsings}}
            class C
            {
                async Task M({{FrameworkParameters}}, CancellationToken ct)
                {
                    {{after}}
                }
            }
            """);
    }

    [Theory]
    [InlineData("{|GT0003:stream.CopyTo(destination)|};", "await stream.CopyToAsync(destination);")]
    [InlineData("{|GT0003:stream.Flush()|};", "await stream.FlushAsync();")]
    [InlineData("{|GT0003:process.WaitForExit()|};", "await process.WaitForExitAsync();")]
    [InlineData("{|GT0003:gate.Wait()|};", "await gate.WaitAsync();")]
    [InlineData("if ({|GT0003:gate.Wait(100)|}) { gate.Release(); }", "if (await gate.WaitAsync(100)) { gate.Release(); }")]
    [InlineData("var text = {|GT0003:File.ReadAllText(path)|};", "var text = await File.ReadAllTextAsync(path);")]
    [InlineData("var all = {|GT0003:reader.ReadToEnd()|};", "var all = await reader.ReadToEndAsync();")]
    [InlineData("var line = {|GT0003:reader.ReadLine()|};", "var line = await reader.ReadLineAsync();")]
    [InlineData("{|GT0003:writer.Flush()|};", "await writer.FlushAsync();")]
    [InlineData("var response = {|GT0003:client.Send(request)|};", "var response = await client.SendAsync(request);")]
    [InlineData("{|GT0003:connection.Open()|};", "await connection.OpenAsync();")]
    [InlineData("var rows = {|GT0003:command.ExecuteReader()|};", "var rows = await command.ExecuteReaderAsync();")]
    [InlineData("var count = {|GT0003:command.ExecuteNonQuery()|};", "var count = await command.ExecuteNonQueryAsync();")]
    [InlineData("var value = {|GT0003:command.ExecuteScalar()|};", "var value = await command.ExecuteScalarAsync();")]
    public Task Framework_pair_is_fixed_without_a_token(string before, string after)
    {
        return VerifyCS.VerifyCodeFixAsync($$"""
            {{FrameworkUsings}}
            class C
            {
                async Task M({{FrameworkParameters}})
                {
                    {{before}}
                }
            }
            """, $$"""
            {{FrameworkUsings}}
            class C
            {
                async Task M({{FrameworkParameters}})
                {
                    {{after}}
                }
            }
            """);
    }

    [Theory]
    [InlineData("var exited = process.WaitForExit(1000);")]
    [InlineData("var exited = process.WaitForExit(TimeSpan.FromSeconds(1));")]
    [InlineData("var next = reader.Read();")]
    [InlineData("var next = stream.ReadByte();")]
    [InlineData("stream.WriteByte(1);")]
    [InlineData("var ok = gate.Wait(0);")]
    [InlineData("gate.Release();")]
    public Task Framework_call_without_a_true_twin_is_not_reported(string statement)
    {
        return VerifyCS.VerifyAnalyzerAsync($$"""
            {{FrameworkUsings}}
            class C
            {
                async Task M({{FrameworkParameters}}, CancellationToken ct)
                {
                    await Task.Yield();
                    {{statement}}
                }
            }
            """);
    }

    [Fact]
    public Task Process_WaitForExit_message_names_WaitForExitAsync()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Diagnostics;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Process process)
                {
                    {|#0:process.WaitForExit()|};
                }
            }
            """,
            VerifyCS.Diagnostic("GT0003").WithLocation(0).WithArguments("Process.WaitForExit()", "Process.WaitForExitAsync(CancellationToken)"));
    }

    [Fact]
    public Task SemaphoreSlim_Wait_with_timeout_message_names_the_bool_returning_WaitAsync()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task<bool> M(SemaphoreSlim gate)
                {
                    return {|#0:gate.Wait(500)|};
                }
            }
            """,
            VerifyCS.Diagnostic("GT0003").WithLocation(0).WithArguments("SemaphoreSlim.Wait(int)", "SemaphoreSlim.WaitAsync(int)"));
    }

    [Fact]
    public Task Pairs_missing_from_the_target_framework_are_not_reported()
    {
        // .NET Framework 4.7.2 has neither Process.WaitForExitAsync nor File.ReadAllTextAsync.
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Diagnostics;
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task<string> M(Process process, string path)
                {
                    await Task.Yield();
                    process.WaitForExit();
                    return File.ReadAllText(path);
                }
            }
            """, TestReferences.NetFramework472);
    }

    [Fact]
    public Task Pairs_of_the_target_framework_are_fixed_on_net_framework()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Stream source, Stream destination, SemaphoreSlim gate, CancellationToken ct)
                {
                    {|GT0003:gate.Wait(ct)|};
                    {|GT0003:source.CopyTo(destination)|};
                }
            }
            """, """
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Stream source, Stream destination, SemaphoreSlim gate, CancellationToken ct)
                {
                    await gate.WaitAsync(ct);
                    await source.CopyToAsync(destination);
                }
            }
            """, TestReferences.NetFramework472);
    }
}
