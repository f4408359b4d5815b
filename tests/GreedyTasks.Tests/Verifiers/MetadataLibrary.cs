using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace GreedyTasks.Tests.Verifiers;

/// <summary>A library compiled against the net8.0 reference assemblies and emitted to metadata, as a NuGet package's assembly would be: its types are PE types, not source types.</summary>
public static class MetadataLibrary
{
    public static async Task<MetadataReference> CompileAsync(string assemblyName, string source)
    {
        var references = await NetReferencesAsync();
        var library = CSharpCompilation.Create(
            assemblyName,
            new[] { CSharpSyntaxTree.ParseText(source) },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = library.Emit(image);
        Assert.True(emitted.Success, string.Join("; ", emitted.Diagnostics.Select(d => d.ToString())));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    /// <summary>The net8.0 reference assemblies the library is compiled against.</summary>
    public static Task<ImmutableArray<MetadataReference>> NetReferencesAsync() => TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
}
