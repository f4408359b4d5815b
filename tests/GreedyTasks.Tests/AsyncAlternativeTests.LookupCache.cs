using System.Threading.Tasks;
using GreedyTasks.Tests.Verifiers;
using VerifyCS = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.AsyncAlternativeAnalyzer, GreedyTasks.CodeFixes.AsyncAlternativeCodeFixProvider>;

namespace GreedyTasks.Tests;

/// <summary>
/// GT0003's negative cache is shared by files that import the same namespaces: a miss in one scope must never hide
/// an alternative that another scope's usings, namespace or accessibility bring in.
/// </summary>
public partial class AsyncAlternativeTests
{
    private const string ExtensionLibrary = """
        namespace Lib
        {
            public class Store
            {
                public void Save() { }
            }
        }

        namespace Lib.Async
        {
            public static class StoreExtensions
            {
                public static System.Threading.Tasks.Task SaveAsync(this Lib.Store store) => System.Threading.Tasks.Task.CompletedTask;
            }
        }
        """;

    [Fact]
    public Task Extension_alternative_is_found_in_the_file_that_imports_it_after_a_miss_in_one_that_does_not()
    {
        var test = new VerifyCS.Test { ReferenceAssemblies = TestReferences.Net80 };
        test.TestState.Sources.Add(("/0/Library.cs", ExtensionLibrary));
        test.TestState.Sources.Add(("/0/A.cs", """
            using System.Threading.Tasks;
            using Lib;
            class A
            {
                async Task M(Store store) { await Task.Yield(); store.Save(); }
                async Task N(Store store) { await Task.Yield(); store.Save(); }
            }
            """));
        test.TestState.Sources.Add(("/0/B.cs", """
            using System.Threading.Tasks;
            using Lib;
            using Lib.Async;
            class B
            {
                async Task M(Store store) { await Task.Yield(); {|GT0003:store.Save()|}; }
            }
            """));
        test.TestState.Sources.Add(("/0/C.cs", """
            using System.Threading.Tasks;
            namespace Lib.Async.Callers
            {
                class C
                {
                    // No using: the enclosing namespace Lib.Async brings the extension in.
                    async Task M(Lib.Store store) { await Task.Yield(); {|GT0003:store.Save()|}; }
                }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Private_alternative_is_found_only_from_inside_its_type()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class Journal
            {
                public void Flush() { }
                private Task FlushAsync() => Task.CompletedTask;

                public async Task Inside(Journal other) { await Task.Yield(); {|GT0003:other.Flush()|}; }
            }

            class Outside
            {
                async Task M(Journal journal) { await Task.Yield(); journal.Flush(); }
                async Task N(Journal journal) { await Task.Yield(); journal.Flush(); }
            }

            class Again
            {
                async Task M(Journal journal) { await Task.Yield(); journal.Flush(); }
            }
            """);
    }

    [Fact]
    public Task Private_static_alternative_on_the_called_type_is_found_only_from_inside_that_type()
    {
        // Journals.Flush(j) looks up static members of Journals only: the calling type decides whether the private twin counts.
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class Journal { }

            static class Journals
            {
                public static void Flush(Journal journal) { }
                private static Task FlushAsync(Journal journal) => Task.CompletedTask;

                public static async Task Inside(Journal journal) { await Task.Yield(); {|GT0003:Journals.Flush(journal)|}; }
            }

            class Outside
            {
                async Task M(Journal journal) { await Task.Yield(); Journals.Flush(journal); }
            }
            """);
    }
}
