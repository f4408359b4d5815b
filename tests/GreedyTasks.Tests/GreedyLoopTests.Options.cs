using System.Threading.Tasks;
using GreedyTasks.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.GreedyLoopAnalyzer, GreedyTasks.CodeFixes.GreedyLoopCodeFixProvider>;

namespace GreedyTasks.Tests;

/// <summary>GT0004 options: greedy_tasks.loop_iteration_threshold (default 100000) and the standard severity option.</summary>
public partial class GreedyLoopTests
{
    /// <summary>A 1,000-iteration loop (#0) and a 100,000-iteration loop (#1), both each calling a method.</summary>
    private const string ShortAndLongLoops = """
        using System.Threading.Tasks;
        class C
        {
            async Task<long> M()
            {
                long sum = 0;
                {|#0:for|} (var i = 0; i < 1000; i++) sum += Next(i);
                {|#1:for|} (var i = 0; i < 100_000; i++) sum += Next(i);
                return sum;
            }

            long Next(int i) => i;
        }
        """;

    private static VerifyCS.Test WithConfig(string path, string config, params DiagnosticResult[] expected)
    {
        var test = new VerifyCS.Test { TestCode = ShortAndLongLoops, ReferenceAssemblies = TestReferences.Net80 };
        test.TestState.AnalyzerConfigFiles.Add((path, config));
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    [Fact]
    public Task Default_threshold_reports_100000_iterations_but_not_1000()
    {
        var test = new VerifyCS.Test { TestCode = ShortAndLongLoops, ReferenceAssemblies = TestReferences.Net80 };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("GT0004").WithLocation(1).WithArguments("for", Runs("100,000")));
        return test.RunAsync();
    }

    [Fact]
    public Task Lower_threshold_in_globalconfig_reports_a_1000_iteration_loop()
    {
        return WithConfig(
            "/.globalconfig",
            "is_global = true\ngreedy_tasks.loop_iteration_threshold = 500\n",
            VerifyCS.Diagnostic("GT0004").WithLocation(0).WithArguments("for", Runs("1,000")),
            VerifyCS.Diagnostic("GT0004").WithLocation(1).WithArguments("for", Runs("100,000"))).RunAsync();
    }

    [Fact]
    public Task Lower_threshold_in_an_editorconfig_section_reports_a_1000_iteration_loop()
    {
        return WithConfig(
            "/.editorconfig",
            "root = true\n\n[*.cs]\ngreedy_tasks.loop_iteration_threshold = 1000\n",
            VerifyCS.Diagnostic("GT0004").WithLocation(0).WithArguments("for", Runs("1,000")),
            VerifyCS.Diagnostic("GT0004").WithLocation(1).WithArguments("for", Runs("100,000"))).RunAsync();
    }

    [Fact]
    public Task Threshold_is_inclusive()
    {
        // 1000 iterations against a threshold of 1001: not reported.
        return WithConfig(
            "/.globalconfig",
            "is_global = true\ngreedy_tasks.loop_iteration_threshold = 1001\n",
            VerifyCS.Diagnostic("GT0004").WithLocation(1).WithArguments("for", Runs("100,000"))).RunAsync();
    }

    [Fact]
    public Task Higher_threshold_stops_reporting_a_100000_iteration_loop()
    {
        return WithConfig("/.globalconfig", "is_global = true\ngreedy_tasks.loop_iteration_threshold = 1_000_000\n").RunAsync();
    }

    [Fact]
    public Task Threshold_with_digit_separators_and_spaces_is_read()
    {
        return WithConfig(
            "/.globalconfig",
            "is_global = true\ngreedy_tasks.loop_iteration_threshold =   1_000  \n",
            VerifyCS.Diagnostic("GT0004").WithLocation(0).WithArguments("for", Runs("1,000")),
            VerifyCS.Diagnostic("GT0004").WithLocation(1).WithArguments("for", Runs("100,000"))).RunAsync();
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("1e3")]
    [InlineData("99999999999999999999999")]
    public Task Invalid_threshold_falls_back_to_the_default(string value)
    {
        return WithConfig(
            "/.globalconfig",
            $"is_global = true\ngreedy_tasks.loop_iteration_threshold = {value}\n",
            VerifyCS.Diagnostic("GT0004").WithLocation(1).WithArguments("for", Runs("100,000"))).RunAsync();
    }

    [Fact]
    public Task Threshold_of_an_editorconfig_section_applies_only_to_the_files_it_matches()
    {
        var test = new VerifyCS.Test { ReferenceAssemblies = TestReferences.Net80 };
        test.TestState.Sources.Add(("/0/Hot.cs", """
            using System.Threading.Tasks;
            class Hot
            {
                async Task M(int[] data)
                {
                    {|#0:for|} (var i = 0; i < 1000; i++) Work(data, i);
                }

                void Work(int[] data, int i) { }
            }
            """));
        test.TestState.Sources.Add(("/0/Cold.cs", """
            using System.Threading.Tasks;
            class Cold
            {
                async Task M(int[] data)
                {
                    for (var i = 0; i < 1000; i++) Work(data, i);
                }

                void Work(int[] data, int i) { }
            }
            """));
        test.TestState.AnalyzerConfigFiles.Add(("/0/.editorconfig", "root = true\n\n[Hot.cs]\ngreedy_tasks.loop_iteration_threshold = 100\n"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("GT0004").WithLocation(0).WithArguments("for", Runs("1,000")));
        return test.RunAsync();
    }

    [Fact]
    public Task Lower_threshold_turns_a_short_nest_into_a_cross_product()
    {
        // Under the default threshold an inner loop of 1000 iterations is a small constant bound; under 500 it is not.
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Threading.Tasks;
                class C
                {
                    async Task M(int[] items)
                    {
                        {|#0:foreach|} (var item in items)
                        {
                            for (var k = 0; k < 1000; k++)
                            {
                                Use(item, k);
                            }
                        }
                    }

                    void Use(int item, int k) { }
                }
                """,
            ReferenceAssemblies = TestReferences.Net80,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ngreedy_tasks.loop_iteration_threshold = 500\n"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("GT0004").WithLocation(0).WithArguments("foreach", CrossProduct));
        return test.RunAsync();
    }

    [Fact]
    public Task Short_nest_is_not_reported_under_the_default_threshold()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task M(int[] items)
                {
                    foreach (var item in items)
                    {
                        for (var k = 0; k < 1000; k++)
                        {
                            Use(item, k);
                        }
                    }
                }

                void Use(int item, int k) { }
            }
            """);
    }

    [Fact]
    public Task Severity_none_turns_the_rule_off()
    {
        return WithConfig("/.globalconfig", "is_global = true\ndotnet_diagnostic.GT0004.severity = none\n").RunAsync();
    }
}
