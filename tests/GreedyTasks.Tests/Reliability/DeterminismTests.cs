using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using GreedyTasks.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit.Abstractions;

namespace GreedyTasks.Tests.Reliability;

/// <summary>
/// The same code must give the same warnings every time: in the IDE (concurrent analysis) and on the build server
/// (often sequential), run after run. Nondeterminism usually comes from shared mutable state or from caches filled in
/// a racy order, so this also forbids mutable static fields in the shipped assemblies.
/// </summary>
public class DeterminismTests
{
    private const int RunsPerMode = 5;

    private readonly ITestOutputHelper _output;

    public DeterminismTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task Concurrent_and_sequential_analysis_report_the_same_diagnostics_every_run()
    {
        // One project holding the whole generated corpus, so concurrent analysis has several trees to race over.
        var corpus = TestInputCorpus.GeneratedInputs;
        var input = new TestInput(TestInputCorpus.GeneratedSource, "all", ImmutableArray.CreateRange(corpus.SelectMany(i => i.Documents)), OutputKind.DynamicallyLinkedLibrary);
        using var project = await ProjectUnderTest.CreateAsync(input);

        var runs = new List<(bool Concurrent, List<string> Diagnostics)>();
        foreach (var concurrent in new[] { true, false })
        {
            for (var run = 0; run < RunsPerMode; run++)
            {
                // A fresh project each run: no compilation or analyzer-driver state carried over between runs.
                var fresh = project.Project.WithAssemblyName("Run" + run + concurrent);
                foreach (var options in new[] { null, ProjectUnderTest.TaskReturningMethods })
                {
                    var analysis = await ProjectUnderTest.AnalyzeAsync(fresh, options, concurrent);
                    Assert.Empty(analysis.Exceptions);
                    runs.Add((concurrent, Describe(analysis.Diagnostics)));
                }
            }
        }

        _output.WriteLine($"{runs.Count} analysis runs ({RunsPerMode} concurrent + {RunsPerMode} sequential, each with both option sets) over {input.Documents.Length} files; "
            + $"{runs[0].Diagnostics.Count} diagnostics by default, {runs[1].Diagnostics.Count} with task_returning_methods");
        Assert.True(runs[0].Diagnostics.Count > 20, "the generated corpus should produce diagnostics");
        for (var i = 2; i < runs.Count; i++)
        {
            // Runs alternate default options / task_returning_methods; compare each with the first of its kind.
            Assert.Equal(runs[i % 2].Diagnostics, runs[i].Diagnostics);
        }
    }

    [Fact]
    public void Analyzers_can_be_created_repeatedly_with_the_same_descriptors()
    {
        foreach (var type in AnalyzerRunner.AllAnalyzers.Select(a => a.GetType()))
        {
            var first = (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
            var second = (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
            Assert.NotSame(first, second);
            Assert.Equal(first.SupportedDiagnostics.Select(d => d.Id + d.MessageFormat), second.SupportedDiagnostics.Select(d => d.Id + d.MessageFormat));
        }
    }

    [Fact]
    public void Analyzer_and_code_fix_assemblies_have_no_mutable_static_state()
    {
        // A private static readonly array (a table of names) is tolerated: only its own type could write to it, which
        // a reviewer sees at a glance; an exposed array is anyone's to overwrite and is flagged.
        // Analyzers are instantiated once per host and shared by concurrent compilations: static mutable state leaks
        // results between compilations and makes diagnostics depend on what was analyzed before.
        var assemblies = new[] { typeof(GreedyTasks.Analyzers.DiagnosticIds).Assembly, typeof(GreedyTasks.CodeFixes.GreedyTasksCodeFixProvider).Assembly };
        var offenders = new List<string>();
        var checkedFields = 0;
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()))
        {
            // Closure classes (<>c, display classes) hold lambda caches the compiler manages; they are not our state.
            if (type.Name.StartsWith("<", StringComparison.Ordinal) || type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false))
            {
                continue;
            }

            foreach (var field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.IsLiteral)
                {
                    continue;
                }

                checkedFields++;
                if (!field.IsInitOnly)
                {
                    offenders.Add($"{type.FullName}.{field.Name} is a non-readonly static field");
                }
                else if (IsMutableCollection(field.FieldType) && !(field.FieldType.IsArray && field.IsPrivate))
                {
                    offenders.Add($"{type.FullName}.{field.Name} is a static {field.FieldType.Name}, a mutable collection");
                }
            }
        }

        _output.WriteLine($"{checkedFields} static fields checked");
        Assert.Empty(offenders);
    }

    /// <summary>Collections whose contents can change after initialisation; immutable collections are fine.</summary>
    private static bool IsMutableCollection(Type type)
    {
        if (type.Namespace is { } ns && ns.StartsWith("System.Collections.Immutable", StringComparison.Ordinal))
        {
            return false;
        }

        if (type.IsArray)
        {
            return true;
        }

        var definition = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        return definition == typeof(Dictionary<,>) || definition == typeof(List<>) || definition == typeof(HashSet<>)
            || definition == typeof(ConcurrentDictionary<,>) || definition == typeof(ConcurrentBag<>) || definition == typeof(ConcurrentQueue<>)
            || definition == typeof(Queue<>) || definition == typeof(Stack<>) || definition == typeof(SortedDictionary<,>)
            || definition == typeof(SortedSet<>) || definition == typeof(ConditionalWeakTable<,>)
            || typeof(IDictionary).IsAssignableFrom(type) || typeof(IList).IsAssignableFrom(type);
    }

    /// <summary>A diagnostic as the user sees it: id, file, span, message, in a stable order.</summary>
    private static List<string> Describe(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .Select(d => $"{d.Id} {d.Location.SourceTree?.FilePath} {d.Location.SourceSpan} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();
}
