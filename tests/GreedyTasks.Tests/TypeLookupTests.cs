using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using GreedyTasks.Analyzers.Core;
using GreedyTasks.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace GreedyTasks.Tests;

/// <summary>
/// <see cref="TypeLookup"/> asks the compilation's own assembly and the core library before the compiler's full lookup;
/// it must give exactly the answer of <see cref="Compilation.GetTypeByMetadataName"/>, duplicates included (runs on
/// Roslyn 4.8 and the current Roslyn).
/// </summary>
public class TypeLookupTests
{
    /// <summary>A library that duplicates a core type (ValueTask), a type of another reference (Parallel), and has one of its own.</summary>
    private const string Duplicates = """
        namespace System.Threading.Tasks
        {
            public struct ValueTask { }
            public static class Parallel { }
        }

        namespace Polyfills
        {
            public sealed class OnlyHere { }
        }
        """;

    /// <summary>The compilation itself declares a core type (as a polyfill would) and a type of another reference.</summary>
    private const string Source = """
        namespace System.Threading.Tasks
        {
            internal sealed class TaskStatus { }
        }

        namespace System
        {
            internal static class Console { }
        }
        """;

    public static IEnumerable<object[]> Names() => new[]
    {
        "System.Threading.Tasks.Task",                       // core library only
        "System.Threading.Tasks.ValueTask",                  // core library and the library: the core one
        "System.Threading.Tasks.TaskStatus",                 // core library and the compilation: the compilation's
        "System.Console",                                    // another reference and the compilation: the compilation's
        "System.Threading.Tasks.Parallel",                   // another reference and the library: ambiguous, null
        "System.Linq.Enumerable",                            // one reference other than the core library
        "Polyfills.OnlyHere",                                // the library only
        "System.Runtime.CompilerServices.TaskAwaiter`1",     // generic, core library
        "System.Runtime.CompilerServices.ConfiguredTaskAwaitable+ConfiguredTaskAwaiter", // nested
        "Microsoft.Extensions.DependencyInjection.IServiceScopeFactory", // nowhere
    }.Select(name => new object[] { name });

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Finds_what_the_compiler_finds(string metadataName)
    {
        var compilation = await CreateCompilationAsync();

        var expected = compilation.GetTypeByMetadataName(metadataName);
        var found = new TypeLookup(compilation).Find(metadataName);

        Assert.Equal(expected, found, SymbolEqualityComparer.Default);
        Assert.Equal(expected?.ContainingAssembly.Name, found?.ContainingAssembly.Name);
    }

    [Fact]
    public async Task The_cases_are_the_ones_the_comments_say()
    {
        // Guards the theory above: each case must be the situation it claims, or it pins nothing.
        var compilation = await CreateCompilationAsync();
        var lookup = new TypeLookup(compilation);

        Assert.Equal("System.Runtime", lookup.Find("System.Threading.Tasks.ValueTask")?.ContainingAssembly.Name);
        Assert.Equal("Test", lookup.Find("System.Threading.Tasks.TaskStatus")?.ContainingAssembly.Name);
        Assert.Equal("Test", lookup.Find("System.Console")?.ContainingAssembly.Name);
        Assert.Null(lookup.Find("System.Threading.Tasks.Parallel"));
        Assert.Equal("System.Linq", lookup.Find("System.Linq.Enumerable")?.ContainingAssembly.Name);
        Assert.Equal("Duplicates", lookup.Find("Polyfills.OnlyHere")?.ContainingAssembly.Name);
        Assert.Null(lookup.Find("Microsoft.Extensions.DependencyInjection.IServiceScopeFactory"));
    }

    [Fact]
    public void A_compilation_without_references_finds_only_its_own_types()
    {
        var compilation = CSharpCompilation.Create("Bare", new[] { CSharpSyntaxTree.ParseText(Source) });

        var lookup = new TypeLookup(compilation);

        Assert.Null(lookup.Find("System.Threading.Tasks.Task"));
        Assert.Equal("Bare", lookup.Find("System.Console")?.ContainingAssembly.Name);
    }

    private static async Task<CSharpCompilation> CreateCompilationAsync()
    {
        var library = await MetadataLibrary.CompileAsync("Duplicates", Duplicates);
        var references = await MetadataLibrary.NetReferencesAsync();
        return CSharpCompilation.Create(
            "Test",
            new[] { CSharpSyntaxTree.ParseText(Source) },
            references.Add(library),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }
}
