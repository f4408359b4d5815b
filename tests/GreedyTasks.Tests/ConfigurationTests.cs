using System.Threading.Tasks;
using GreedyTasks.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.ConfigurationAnalyzer, GreedyTasks.CodeFixes.AsyncAlternativeCodeFixProvider>;

namespace GreedyTasks.Tests;

/// <summary>GT0100: GreedyTasks configuration that cannot be read is reported once, ignored, and never throws.</summary>
public class ConfigurationTests
{
    private const string Source = """
        class C
        {
            void M() { }
        }
        """;

    private const string OtherSource = """
        class D
        {
            void N() { }
        }
        """;

    private static string OptionMessage(string entry, string source = "a .globalconfig") =>
        $"'{entry}' in greedy_tasks.excluded_methods ({source}) is not a documentation comment ID such as 'T:Namespace.Type' or 'M:Namespace.Type.Method'; it is ignored";

    private static string FileMessage(string entry) =>
        $"'{entry}' in GreedyTasks.ExcludedMethods.txt is not a documentation comment ID such as 'T:Namespace.Type' or 'M:Namespace.Type.Method'; it is ignored";

    private static VerifyCS.Test CreateTest()
    {
        var test = new VerifyCS.Test { ReferenceAssemblies = TestReferences.Net80 };
        test.TestState.Sources.Add(("/0/Test0.cs", Source));
        test.TestState.Sources.Add(("/0/Test1.cs", OtherSource));
        return test;
    }

    // ---------------------------------------------------------------- greedy_tasks.excluded_methods

    [Fact]
    public Task Malformed_option_entry_is_reported_once_for_all_files()
    {
        var test = CreateTest();
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ngreedy_tasks.excluded_methods = System.IO.Stream\n"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("GT0100").WithArguments(OptionMessage("System.IO.Stream")));
        return test.RunAsync();
    }

    [Fact]
    public Task Malformed_entry_in_an_editorconfig_section_is_reported_once_for_all_files()
    {
        var test = CreateTest();
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ngreedy_tasks.excluded_methods = M:Lib.Repository.Load | Lib.Repository.Save\n"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("GT0100").WithArguments(OptionMessage("Lib.Repository.Save", "the .editorconfig for 'Test0.cs'")));
        return test.RunAsync();
    }

    [Fact]
    public Task Same_malformed_entry_in_globalconfig_and_editorconfig_is_reported_once()
    {
        var test = CreateTest();
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ngreedy_tasks.excluded_methods = Bad.Entry\n"));
        test.TestState.AnalyzerConfigFiles.Add(("/0/.editorconfig", "root = true\n\n[Test1.cs]\ngreedy_tasks.excluded_methods = Bad.Entry | Other.Bad\n"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("GT0100").WithArguments(OptionMessage("Bad.Entry")));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("GT0100").WithArguments(OptionMessage("Other.Bad", "the .editorconfig for 'Test1.cs'")));
        return test.RunAsync();
    }

    [Fact]
    public Task Each_malformed_entry_of_a_list_is_reported()
    {
        var test = CreateTest();
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ngreedy_tasks.excluded_methods = T:Good.Type | First.Bad | M:Good.Type.Method | Second.Bad\n"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("GT0100").WithArguments(OptionMessage("First.Bad")));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("GT0100").WithArguments(OptionMessage("Second.Bad")));
        return test.RunAsync();
    }

    [Theory]
    [InlineData("System.IO.Stream")]
    [InlineData("P:System.IO.Stream.Length")]
    [InlineData("F:System.String.Empty")]
    [InlineData("N:System.IO")]
    [InlineData("t:System.IO.Stream")]
    [InlineData("T:")]
    [InlineData("M:.Read")]
    [InlineData("T:System.IO.")]
    [InlineData("M:System.IO.Stream Read")]
    [InlineData("T System.IO.Stream")]
    public Task Malformed_entry_forms_are_reported(string entry)
    {
        var test = CreateTest();
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\ngreedy_tasks.excluded_methods = {entry}\n"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("GT0100").WithArguments(OptionMessage(entry)));
        return test.RunAsync();
    }

    [Theory]
    [InlineData("T:System.IO.MemoryStream")]
    [InlineData("M:System.IO.File.ReadAllText")]
    [InlineData("M:System.IO.File.ReadAllText(System.String)")]
    [InlineData("M:System.IO.File.WriteAllText(System.String,System.String)")]
    [InlineData("M:Lib.Json.Read``1(System.IO.Stream)")]
    [InlineData("T:Lib.Repository`1")]
    [InlineData("M:Lib.Repository`1.Get(System.Int32)")]
    [InlineData("  T:Lib.A  |  M:Lib.B.C  ")]
    [InlineData("T:Lib.A||M:Lib.B.C|")]
    public Task Well_formed_entries_are_not_reported(string value)
    {
        var test = CreateTest();
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\ngreedy_tasks.excluded_methods = {value}\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task No_configuration_reports_nothing()
    {
        return CreateTest().RunAsync();
    }

    [Fact]
    public Task Empty_option_value_reports_nothing()
    {
        var test = CreateTest();
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ngreedy_tasks.excluded_methods = \n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Hostile_option_values_never_throw()
    {
        var test = CreateTest();
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ngreedy_tasks.excluded_methods = ||| T::: | M:(((( | \u00e9\u00e8:x | :\n"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("GT0100").WithArguments(OptionMessage("\u00e9\u00e8:x")));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("GT0100").WithArguments(OptionMessage(":")));
        return test.RunAsync();
    }

    // ---------------------------------------------------------------- GreedyTasks.ExcludedMethods.txt

    [Fact]
    public Task Malformed_line_in_the_additional_file_is_reported_at_that_line()
    {
        var test = CreateTest();
        test.TestState.AdditionalFiles.Add(("/0/GreedyTasks.ExcludedMethods.txt", "# exclusions\n\nT:Lib.Repository\nLib.Json.Read\nM:Lib.Repository.Save\n"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("GT0100").WithSpan("/0/GreedyTasks.ExcludedMethods.txt", 4, 1, 4, 14).WithArguments(FileMessage("Lib.Json.Read")));
        return test.RunAsync();
    }

    [Fact]
    public Task Each_malformed_line_is_reported_once()
    {
        var test = CreateTest();
        test.TestState.AdditionalFiles.Add(("/0/GreedyTasks.ExcludedMethods.txt", "First.Bad\nT:Lib.Good\nSecond.Bad\n"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("GT0100").WithSpan("/0/GreedyTasks.ExcludedMethods.txt", 1, 1, 1, 10).WithArguments(FileMessage("First.Bad")));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("GT0100").WithSpan("/0/GreedyTasks.ExcludedMethods.txt", 3, 1, 3, 11).WithArguments(FileMessage("Second.Bad")));
        return test.RunAsync();
    }

    [Fact]
    public Task Comments_blank_lines_and_padded_entries_in_the_additional_file_are_not_reported()
    {
        var test = CreateTest();
        test.TestState.AdditionalFiles.Add(("/0/GreedyTasks.ExcludedMethods.txt", "# comment\n   \n\t# indented comment\n  T:Lib.Repository  \nM:Lib.Json.Read``1(System.IO.Stream)\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Additional_file_with_windows_line_endings_reports_the_line_without_its_break()
    {
        var test = CreateTest();
        test.TestState.AdditionalFiles.Add(("/0/GreedyTasks.ExcludedMethods.txt", "T:Lib.Repository\r\nnot an id\r\nM:Lib.Json.Read\r\n"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("GT0100").WithSpan("/0/GreedyTasks.ExcludedMethods.txt", 2, 1, 2, 10).WithArguments(FileMessage("not an id")));
        return test.RunAsync();
    }

    [Fact]
    public Task Malformed_lines_in_files_shipped_by_two_packages_are_reported_in_each_file()
    {
        var test = CreateTest();
        test.TestState.AdditionalFiles.Add(("/packages/a/GreedyTasks.ExcludedMethods.txt", "T:Lib.A\nbad.a\n"));
        test.TestState.AdditionalFiles.Add(("/packages/b/GreedyTasks.ExcludedMethods.txt", "bad.b\n"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("GT0100").WithSpan("/packages/a/GreedyTasks.ExcludedMethods.txt", 2, 1, 2, 6).WithArguments(FileMessage("bad.a")));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("GT0100").WithSpan("/packages/b/GreedyTasks.ExcludedMethods.txt", 1, 1, 1, 6).WithArguments(FileMessage("bad.b")));
        return test.RunAsync();
    }

    [Fact]
    public Task Additional_file_with_another_name_is_not_read()
    {
        var test = CreateTest();
        test.TestState.AdditionalFiles.Add(("/0/Other.ExcludedMethods.txt", "not an id\n"));
        test.TestState.AdditionalFiles.Add(("/0/GreedyTasks.ExcludedMethods.txt.bak", "not an id\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Empty_additional_file_reports_nothing()
    {
        var test = CreateTest();
        test.TestState.AdditionalFiles.Add(("/0/GreedyTasks.ExcludedMethods.txt", ""));
        return test.RunAsync();
    }

    [Fact]
    public Task Malformed_option_and_file_entries_are_both_reported()
    {
        var test = CreateTest();
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ngreedy_tasks.excluded_methods = option.bad\n"));
        test.TestState.AdditionalFiles.Add(("/0/GreedyTasks.ExcludedMethods.txt", "file.bad\n"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("GT0100").WithArguments(OptionMessage("option.bad")));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("GT0100").WithSpan("/0/GreedyTasks.ExcludedMethods.txt", 1, 1, 1, 9).WithArguments(FileMessage("file.bad")));
        return test.RunAsync();
    }

    // ---------------------------------------------------------------- greedy_tasks.loop_iteration_threshold (GT0004)

    private static string ThresholdMessage(string value, string source = "a .globalconfig") =>
        $"'{value}' is not a valid greedy_tasks.loop_iteration_threshold (a positive whole number) in {source}; the default 100000 is used";

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("+100")]
    [InlineData("1e3")]
    [InlineData("99999999999999999999999")]
    public Task Invalid_loop_iteration_threshold_is_reported(string value)
    {
        var test = CreateTest();
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\ngreedy_tasks.loop_iteration_threshold = {value}\n"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("GT0100").WithArguments(ThresholdMessage(value)));
        return test.RunAsync();
    }

    [Fact]
    public Task Invalid_loop_iteration_threshold_in_an_editorconfig_section_is_reported_once_for_all_files()
    {
        var test = CreateTest();
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ngreedy_tasks.loop_iteration_threshold = lots\n"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("GT0100").WithArguments(ThresholdMessage("lots", "the .editorconfig for 'Test0.cs'")));
        return test.RunAsync();
    }

    [Fact]
    public Task Different_invalid_loop_iteration_thresholds_are_each_reported()
    {
        var test = CreateTest();
        test.TestState.AnalyzerConfigFiles.Add(("/0/.editorconfig", "root = true\n\n[Test0.cs]\ngreedy_tasks.loop_iteration_threshold = -1\n\n[Test1.cs]\ngreedy_tasks.loop_iteration_threshold = none\n"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("GT0100").WithArguments(ThresholdMessage("-1", "the .editorconfig for 'Test0.cs'")));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("GT0100").WithArguments(ThresholdMessage("none", "the .editorconfig for 'Test1.cs'")));
        return test.RunAsync();
    }

    [Theory]
    [InlineData("1")]
    [InlineData("500")]
    [InlineData("100000")]
    [InlineData("1_000_000")]
    [InlineData("  2500  ")]
    [InlineData("9223372036854775807")]
    public Task Valid_loop_iteration_threshold_is_not_reported(string value)
    {
        var test = CreateTest();
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\ngreedy_tasks.loop_iteration_threshold = {value}\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Invalid_threshold_and_malformed_exclusion_are_both_reported()
    {
        var test = CreateTest();
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ngreedy_tasks.loop_iteration_threshold = abc\ngreedy_tasks.excluded_methods = option.bad\n"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("GT0100").WithArguments(ThresholdMessage("abc")));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("GT0100").WithArguments(OptionMessage("option.bad")));
        return test.RunAsync();
    }

    // ---------------------------------------------------------------- greedy_tasks.task_returning_methods

    private static string TaskReturningMessage(string value, string source = "a .globalconfig") =>
        $"'{value}' is not a valid greedy_tasks.task_returning_methods (true or false) in {source}; the default false is used";

    [Theory]
    [InlineData("yes")]
    [InlineData("1")]
    [InlineData("on")]
    [InlineData("true false")]
    [InlineData("truee")]
    public Task Invalid_task_returning_methods_value_is_reported(string value)
    {
        var test = CreateTest();
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\ngreedy_tasks.task_returning_methods = {value}\n"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("GT0100").WithArguments(TaskReturningMessage(value)));
        return test.RunAsync();
    }

    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData("TRUE")]
    [InlineData(" False ")]
    [InlineData("")]
    public Task Valid_task_returning_methods_value_is_not_reported(string value)
    {
        var test = CreateTest();
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\ngreedy_tasks.task_returning_methods = {value}\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Invalid_task_returning_methods_value_in_an_editorconfig_names_the_first_file_it_applies_to()
    {
        var test = CreateTest();
        test.TestState.AnalyzerConfigFiles.Add(("/0/.editorconfig", "root = true\n\n[Test1.cs]\ngreedy_tasks.task_returning_methods = maybe\n"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("GT0100").WithArguments(TaskReturningMessage("maybe", "the .editorconfig for 'Test1.cs'")));
        return test.RunAsync();
    }

    [Fact]
    public Task Every_invalid_option_is_reported_in_one_compilation()
    {
        var test = CreateTest();
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ngreedy_tasks.loop_iteration_threshold = many\ngreedy_tasks.task_returning_methods = sometimes\ngreedy_tasks.excluded_methods = not.an.id\n"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("GT0100").WithArguments(ThresholdMessage("many")));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("GT0100").WithArguments(TaskReturningMessage("sometimes")));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("GT0100").WithArguments(OptionMessage("not.an.id")));
        return test.RunAsync();
    }
}
