using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace GreedyTasks.Tests.Verifiers;

/// <summary>
/// The one place that configures the Microsoft.CodeAnalysis.Testing verifiers for this suite: reference
/// assemblies, language version, and the compiler diagnostics that test inputs may contain. Test classes alias it:
/// <c>using VerifyCS = CSharpCodeFixVerifier&lt;BlockingWaitAnalyzer, BlockingWaitCodeFixProvider&gt;;</c>
/// </summary>
public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>An expected diagnostic of the analyzer's first descriptor with this ID (a rule may have several messages).</summary>
    public static DiagnosticResult Diagnostic(string diagnosticId) => new(new TAnalyzer().SupportedDiagnostics.First(d => d.Id == diagnosticId));

    /// <summary>An expected diagnostic of a specific descriptor, for rules with several messages.</summary>
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected) => VerifyAnalyzerAsync(source, TestReferences.Net80, expected);

    public static async Task VerifyAnalyzerAsync(string source, ReferenceAssemblies references, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source, ReferenceAssemblies = references };
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>Verifies the diagnostics of <paramref name="source"/>, that the fix turns it into <paramref name="fixedSource"/>, and that Fix All does the same.</summary>
    public static Task VerifyCodeFixAsync(string source, string fixedSource, params DiagnosticResult[] expected) => VerifyCodeFixAsync(source, fixedSource, TestReferences.Net80, expected);

    public static async Task VerifyCodeFixAsync(string source, string fixedSource, ReferenceAssemblies references, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource, ReferenceAssemblies = references };
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>Verifies that no code action is offered for the diagnostics in <paramref name="source"/>.</summary>
    public static Task VerifyNoCodeFixAsync(string source, params DiagnosticResult[] expected) => VerifyNoCodeFixAsync(source, TestReferences.Net80, expected);

    public static async Task VerifyNoCodeFixAsync(string source, ReferenceAssemblies references, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source, FixedCode = source, ReferenceAssemblies = references };
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>Verifies Fix All over a document with several occurrences; the batch must converge in <paramref name="iterations"/> passes.</summary>
    public static async Task VerifyFixAllAsync(string source, string fixedSource, int iterations = 1)
    {
        var test = new Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = TestReferences.Net80,
            NumberOfFixAllIterations = iterations,
            NumberOfFixAllInDocumentIterations = iterations,
            NumberOfFixAllInProjectIterations = iterations,
        };
        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>Runs the given test, for cases that need more than one document or an .editorconfig.</summary>
    public static Test Create(string source) => new() { TestCode = source, ReferenceAssemblies = TestReferences.Net80 };

    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            // {|GT0003:…|} markup means the rule's first (main) descriptor; other messages are asserted explicitly.
            MarkupOptions = MarkupOptions.UseFirstDescriptor;
        }

        public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.CSharp12;

        protected override ParseOptions CreateParseOptions() => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion);

        protected override CompilationOptions CreateCompilationOptions() => ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithAllowUnsafe(true);
    }
}

/// <summary>Reference assemblies that exist on the package feed this project restores from (see shared/TOOLCHAIN.md).</summary>
public static class TestReferences
{
    public static ReferenceAssemblies Net80 => ReferenceAssemblies.Net.Net80;

    public static ReferenceAssemblies NetStandard20 => ReferenceAssemblies.NetStandard.NetStandard20;

    public static ReferenceAssemblies NetFramework472 => ReferenceAssemblies.NetFramework.Net472.Default;

    public static ReferenceAssemblies Net90 { get; } = new("net9.0", new PackageIdentity("Microsoft.NETCore.App.Ref", "9.0.16"), Path.Combine("ref", "net9.0"));
}
