using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using GreedyTasks.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace GreedyTasks.Tests;

/// <summary>
/// The opt-in duplicate suppressor, run together with the real peer packages: a peer diagnostic is hidden exactly
/// when the option is on and a GreedyTasks call-site rule reports the same call.
/// </summary>
public class DuplicatePeerSuppressionTests
{
    private const string OptionKey = "greedy_tasks.suppress_duplicate_peer_diagnostics";

    private static readonly Dictionary<string, string> Enabled = new() { [OptionKey] = "true" };

    /// <summary>One async method with a blocking call per GreedyTasks call-site rule, then a synchronous method with the same calls.</summary>
    private const string BlockingCalls = """
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        class Worker
        {
            async Task<int> RunAsync(Task<int> task, Task other, string path, SemaphoreSlim gate, Stream stream)
            {
                var a = task.Result;
                other.Wait();
                var b = task.GetAwaiter().GetResult();
                Thread.Sleep(100);
                var text = File.ReadAllText(path);
                gate.Wait();
                stream.Read(new byte[1], 0, 1);
                Task.WaitAll(other);
                await Task.Yield();
                return a + b + text.Length;
            }

            int Run(Task<int> task, string path)
            {
                Thread.Sleep(1);
                return task.Result + File.ReadAllText(path).Length;
            }
        }
        """;

    [Fact]
    public void ThePeerPackagesLoadOnThisHost()
    {
#if ROSLYN_4_8
        // vs-threading 18.x needs a newer compiler than the minimum host; the other four load.
        Assert.All(PeerAnalyzerRun.LoadProblems, problem => Assert.StartsWith("vs-threading:", problem));
        Assert.Superset(new HashSet<string> { "CA1849", "MA0042", "MA0045", "AsyncFixer02", "S4462", "S6966" }, PeerAnalyzerRun.LoadedPeerRuleIds.ToHashSet());
#else
        Assert.Empty(PeerAnalyzerRun.LoadProblems);
        Assert.Equal(PeerAnalyzerRun.PeerRuleIds.OrderBy(id => id), PeerAnalyzerRun.LoadedPeerRuleIds.OrderBy(id => id));
#endif
    }

    [Fact]
    public async Task EveryPeerDiagnosticOnACallGreedyTasksReportsIsSuppressed()
    {
        var result = await PeerAnalyzerRun.RunAsync(BlockingCalls, Enabled);

        Assert.Empty(result.Exceptions);
        var asyncMethod = AsyncMethodSpan();
        var peersInAsyncMethod = result.Diagnostics.Where(d => IsPeer(d) && asyncMethod.Contains(d.Location.SourceSpan)).ToList();
        var unsuppressed = peersInAsyncMethod.Where(d => !d.IsSuppressed).ToList();
        Assert.True(unsuppressed.Count == 0, "Not suppressed:\n" + result.Describe());

        // Each peer rule that reports in async code duplicated at least one call here, and was hidden there.
        foreach (var id in new[] { "CA1849", "MA0042", "AsyncFixer02", "S4462", "S6966" })
        {
            Assert.NotEmpty(result.Suppressed(id));
        }

        Assert.Equal(7, result.Suppressed("CA1849").Count());
        Assert.Equal(7, result.Suppressed("MA0042").Count());
        if (PeerAnalyzerRun.LoadedPeerRuleIds.Contains("VSTHRD103"))
        {
            Assert.Equal(7, result.Suppressed("VSTHRD103").Count());
        }

        // GreedyTasks' own diagnostics are never suppressed.
        Assert.Equal(8, result.Diagnostics.Count(d => d.Id.StartsWith("GT", System.StringComparison.Ordinal) && !d.IsSuppressed));
        Assert.All(result.Diagnostics.Where(d => d.IsSuppressed), d => Assert.False(d.Id.StartsWith("GT", System.StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SonarS4462OnThreadSleepIsSuppressedToo()
    {
        // S4462 reports Thread.Sleep as well as Task.Result; the same call is what makes it a duplicate, not the rule.
        var result = await PeerAnalyzerRun.RunAsync(BlockingCalls, Enabled);

        var sleep = result.Diagnostics.Single(d => d.Id == "GT0002");
        var s4462OnSleep = result.Diagnostics.Single(d => d.Id == "S4462" && d.Location.SourceSpan.Start == sleep.Location.SourceSpan.Start);
        Assert.True(s4462OnSleep.IsSuppressed, result.Describe());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("false")]
    [InlineData("FALSE")]
    public async Task NothingIsSuppressedUnlessTheOptionIsOn(string? value)
    {
        var options = value is null ? null : new Dictionary<string, string> { [OptionKey] = value };

        var result = await PeerAnalyzerRun.RunAsync(BlockingCalls, options);

        Assert.Empty(result.Exceptions);
        Assert.Contains(result.Diagnostics, IsPeer);
        Assert.DoesNotContain(result.Diagnostics, d => d.IsSuppressed);
    }

    [Fact]
    public async Task AnInvalidValueIsReportedAndSuppressesNothing()
    {
        var result = await PeerAnalyzerRun.RunAsync(BlockingCalls, new Dictionary<string, string> { [OptionKey] = "yes" });

        Assert.DoesNotContain(result.Diagnostics, d => d.IsSuppressed);
        var gt0100 = Assert.Single(result.Diagnostics, d => d.Id == "GT0100");
        Assert.Contains("'yes' is not a valid greedy_tasks.suppress_duplicate_peer_diagnostics (true or false)", gt0100.GetMessage());
    }

    [Fact]
    public async Task PeerDiagnosticsInSynchronousCodeStay()
    {
        // GreedyTasks does not report in a synchronous method, so MA0045, S4462 and VSTHRD002 there are not duplicates.
        var result = await PeerAnalyzerRun.RunAsync(BlockingCalls, Enabled);

        var syncMethod = SyncMethodSpan();
        var peersInSyncMethod = result.Diagnostics.Where(d => IsPeer(d) && syncMethod.Contains(d.Location.SourceSpan)).ToList();
        Assert.Contains(peersInSyncMethod, d => d.Id == "MA0045");
        Assert.All(peersInSyncMethod, d => Assert.False(d.IsSuppressed, d.ToString()));
    }

    private const string TaskReturningMethod = """
        using System.Threading;
        using System.Threading.Tasks;

        class Worker
        {
            Task<int> RunAsync(Task<int> task)
            {
                Thread.Sleep(1);
                return Task.FromResult(task.Result);
            }
        }
        """;

    [Fact]
    public async Task InATaskReturningMethodPeersStayUntilGreedyTasksCountsItAsAsyncCode()
    {
        // MA0042, CA1849 and VSTHRD103 treat any Task-returning method as async code; GreedyTasks does so only with
        // greedy_tasks.task_returning_methods = true. Without it GreedyTasks is silent here, so nothing is a duplicate.
        var result = await PeerAnalyzerRun.RunAsync(TaskReturningMethod, Enabled);

        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("GT", System.StringComparison.Ordinal));
        Assert.Equal(2, result.Reported("MA0042").Count());
        Assert.DoesNotContain(result.Diagnostics, d => d.IsSuppressed);
    }

    [Fact]
    public async Task WithTaskReturningMethodsOnTheirDuplicatesAreSuppressed()
    {
        var options = new Dictionary<string, string> { [OptionKey] = "true", ["greedy_tasks.task_returning_methods"] = "true" };

        var result = await PeerAnalyzerRun.RunAsync(TaskReturningMethod, options);

        Assert.Equal(2, result.Diagnostics.Count(d => d.Id is "GT0001" or "GT0002"));
        Assert.Equal(2, result.Suppressed("MA0042").Count());
        Assert.Equal(2, result.Suppressed("CA1849").Count());
        Assert.DoesNotContain(result.Diagnostics, d => IsPeer(d) && !d.IsSuppressed);
    }

    [Fact]
    public async Task ARuleSwitchedOffLeavesItsPeersReporting()
    {
        // GT0001 off (severity none): .Result and .Wait() are reported by the peers alone, so they stay.
        var severities = new Dictionary<string, ReportDiagnostic> { ["GT0001"] = ReportDiagnostic.Suppress };

        var result = await PeerAnalyzerRun.RunAsync(BlockingCalls, Enabled, severities);

        var resultAccess = BlockingCalls.IndexOf("task.Result;", System.StringComparison.Ordinal);
        var onResult = result.Diagnostics.Where(d => IsPeer(d) && d.Location.SourceSpan.Start >= resultAccess && d.Location.SourceSpan.End <= resultAccess + "task.Result".Length).ToList();
        Assert.NotEmpty(onResult);
        Assert.All(onResult, d => Assert.False(d.IsSuppressed, d.ToString()));

        // Thread.Sleep is still GT0002's, so its duplicates are still hidden.
        Assert.NotEmpty(result.Suppressed("CA1849"));
    }

    [Fact]
    public async Task AnExcludedMethodLeavesItsPeersReporting()
    {
        var options = new Dictionary<string, string>
        {
            [OptionKey] = "true",
            ["greedy_tasks.excluded_methods"] = "M:System.IO.File.ReadAllText(System.String)",
        };

        var result = await PeerAnalyzerRun.RunAsync(BlockingCalls, options);

        var readAllText = BlockingCalls.IndexOf("File.ReadAllText(path);", System.StringComparison.Ordinal);
        var ca1849 = result.Diagnostics.Single(d => d.Id == "CA1849" && d.Location.SourceSpan.Start == readAllText);
        Assert.False(ca1849.IsSuppressed);
    }

    [Fact]
    public async Task OnlyTheCallGreedyTasksReportsIsSuppressedInANestedCall()
    {
        // GreedyTasks reports the outer .Result but not the excluded inner ReadAllText; the peers report both.
        const string source = """
            using System.IO;
            using System.Threading.Tasks;

            class Worker
            {
                static Task<int> ParseAsync(string text) => Task.FromResult(text.Length);

                async Task<int> RunAsync(string path)
                {
                    await Task.Yield();
                    return ParseAsync(File.ReadAllText(path)).Result;
                }
            }
            """;
        var options = new Dictionary<string, string>
        {
            [OptionKey] = "true",
            ["greedy_tasks.excluded_methods"] = "M:System.IO.File.ReadAllText(System.String)",
        };

        var result = await PeerAnalyzerRun.RunAsync(source, options);

        var inner = source.IndexOf("File.ReadAllText", System.StringComparison.Ordinal);
        var outer = source.IndexOf("ParseAsync(File", System.StringComparison.Ordinal);
        var ca1849 = result.Diagnostics.Where(d => d.Id == "CA1849").ToList();
        Assert.False(ca1849.Single(d => d.Location.SourceSpan.Start == inner).IsSuppressed, result.Describe());
        Assert.True(ca1849.Single(d => d.Location.SourceSpan.Start == outer).IsSuppressed, result.Describe());
    }

    [Fact]
    public async Task DuplicatesInLambdasAndLocalFunctionsAreSuppressed()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            class Worker
            {
                void Start(Task<int> task)
                {
                    Func<Task> lambda = async () => { Thread.Sleep(1); await Task.Yield(); };
                    Func<Task<int>> anonymous = async delegate { await Task.Yield(); return task.Result; };

                    async Task LocalAsync()
                    {
                        await Task.Yield();
                        task.Wait();
                    }
                }
            }
            """;

        var result = await PeerAnalyzerRun.RunAsync(source, Enabled);

        Assert.Equal(3, result.Diagnostics.Count(d => d.Id is "GT0001" or "GT0002"));
        Assert.Equal(3, result.Suppressed("CA1849").Count());
        Assert.Empty(result.Reported("CA1849"));
        Assert.Empty(result.Reported("MA0042"));
    }

    [Fact]
    public async Task CodeWithErrorsDoesNotBreakTheSuppressor()
    {
        // The file does not compile, but its first statement binds: the peers and GT0002 report it, so the suppressor
        // runs its nested analysis over a broken tree.
        const string source = """
            using System.Threading;
            using System.Threading.Tasks;

            class Worker
            {
                async Task RunAsync(Task<int> task)
                {
                    Thread.Sleep(1);
                    Thread.Sleep(
                    var x = task.Result
                }
            """;

        var result = await PeerAnalyzerRun.RunAsync(source, Enabled);

        Assert.Empty(result.Exceptions);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "AD0001");
        Assert.Contains(result.Diagnostics, d => d.Id == "GT0002");
        Assert.NotEmpty(result.Suppressed("CA1849"));
    }

    private static bool IsPeer(Diagnostic diagnostic) => PeerAnalyzerRun.PeerRuleIds.Contains(diagnostic.Id);

    private static TextSpan AsyncMethodSpan() => MethodSpan("async Task<int> RunAsync", "int Run(");

    private static TextSpan SyncMethodSpan() => MethodSpan("int Run(", null);

    private static TextSpan MethodSpan(string start, string? end)
    {
        var from = BlockingCalls.IndexOf(start, System.StringComparison.Ordinal);
        var to = end is null ? BlockingCalls.Length : BlockingCalls.IndexOf(end, System.StringComparison.Ordinal);
        return TextSpan.FromBounds(from, to);
    }
}
