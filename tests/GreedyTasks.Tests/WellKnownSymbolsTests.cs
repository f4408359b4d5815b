using System.Linq;
using System.Threading.Tasks;
using GreedyTasks.Analyzers.Core;
using GreedyTasks.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace GreedyTasks.Tests;

/// <summary>The type tests every rule asks on its hot path, on each kind of type they can meet.</summary>
public class WellKnownSymbolsTests
{
    private const string Source = """
        using System.Collections.Generic;
        using System.Threading.Tasks;

        public class DerivedTask : Task<int> { public DerivedTask() : base(() => 1) { } }
        public sealed class FurtherDerived : DerivedTask { }
        public class GenericDerived<T> : Task<T> { public GenericDerived() : base(() => default!) { } }
        public struct NotAValueTask { }
        public interface ITaskLike { }

        public class Holder<TTask> where TTask : Task
        {
            public Task F0 = null!;
            public Task<int> F1 = null!;
            public ValueTask F2;
            public ValueTask<string> F3;
            public DerivedTask F4 = null!;
            public FurtherDerived F5 = null!;
            public GenericDerived<List<string>> F6 = null!;
            public string N0 = null!;
            public int N1;
            public List<Task> N2 = null!;
            public IEnumerable<Task> N3 = null!;
            public NotAValueTask N4;
            public ITaskLike N5 = null!;
            public TTask N6 = default!;
            public Task[] N7 = null!;
            public object N8 = null!;
            public Missing N9 = null!;
        }
        """;

    [Fact]
    public async Task IsTaskLike_holds_for_the_tasks_and_the_types_derived_from_them_only()
    {
        var references = await MetadataLibrary.NetReferencesAsync();
        var compilation = CSharpCompilation.Create("Test", new[] { CSharpSyntaxTree.ParseText(Source) }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var symbols = WellKnownSymbols.TryCreate(compilation)!;
        var holder = compilation.GetTypeByMetadataName("Holder`1")!;

        var fields = holder.GetMembers().OfType<IFieldSymbol>().ToList();
        Assert.Equal(17, fields.Count);
        foreach (var field in fields)
        {
            var expected = field.Name.StartsWith('F');
            Assert.True(expected == symbols.IsTaskLike(field.Type), $"{field.Name} ({field.Type.ToDisplayString()}): expected IsTaskLike = {expected}");
        }
    }
}
