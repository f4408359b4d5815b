using System.Threading.Tasks;
using GreedyTasks.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using VerifyCS = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.AsyncAlternativeAnalyzer, GreedyTasks.CodeFixes.AsyncAlternativeCodeFixProvider>;

namespace GreedyTasks.Tests;

/// <summary>
/// GT0003's negative cache is shared by files that import the same namespaces: a miss in one scope must never hide
/// an alternative that another scope's usings, namespace or accessibility bring in. The receiver lookup is skipped when
/// no extension container in scope has a member of the alternative's name: every way an extension method gets into
/// scope must still be seen.
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
    public Task Alternative_on_a_base_interface_of_an_interface_receiver_is_found_and_one_a_class_cannot_call_is_not()
    {
        // The name check before the lookup searches base interfaces only for an interface receiver: on a class, an
        // interface member is callable only through the class's own implementation (IReader.ReadAsync below is explicit
        // in Explicit and a default member in WithDefault, so neither class can call it by that name).
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;

            interface IAsyncReader
            {
                Task<int> ReadAsync();
            }

            interface IReader : IAsyncReader
            {
                int Read();
            }

            interface IDefaultReader
            {
                int Read();
                Task<int> ReadAsync() => Task.FromResult(Read());
            }

            class Implicit : IReader
            {
                public int Read() => 0;
                public Task<int> ReadAsync() => Task.FromResult(0);
            }

            class Inherited : Implicit { }

            class Explicit : IReader
            {
                public int Read() => 0;
                Task<int> IAsyncReader.ReadAsync() => Task.FromResult(0);
            }

            class WithDefault : IDefaultReader
            {
                public int Read() => 0;
            }

            class C
            {
                async Task<int> M(IReader reader, Implicit implicitReader, Inherited inherited, Explicit explicitReader, WithDefault withDefault, IDefaultReader defaultReader)
                {
                    await Task.Yield();
                    return {|GT0003:reader.Read()|}
                        + {|GT0003:implicitReader.Read()|}
                        + {|GT0003:inherited.Read()|}
                        + explicitReader.Read()
                        + withDefault.Read()
                        + {|GT0003:defaultReader.Read()|};
                }
            }
            """);
    }

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

    [Fact]
    public Task Extension_alternative_brought_in_by_using_static_is_reported()
    {
        var test = new VerifyCS.Test { ReferenceAssemblies = TestReferences.Net80 };
        test.TestState.Sources.Add(("/0/Library.cs", ExtensionLibrary));
        test.TestState.Sources.Add(("/0/A.cs", """
            using System.Threading.Tasks;
            using Lib;
            using static Lib.Async.StoreExtensions;
            class A
            {
                async Task M(Store store) { await Task.Yield(); {|GT0003:store.Save()|}; }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Extension_alternative_brought_in_by_a_global_using_of_another_file_is_reported()
    {
        var test = new VerifyCS.Test { ReferenceAssemblies = TestReferences.Net80 };
        test.TestState.Sources.Add(("/0/Library.cs", ExtensionLibrary));
        test.TestState.Sources.Add(("/0/GlobalUsings.cs", "global using Lib.Async;"));
        test.TestState.Sources.Add(("/0/A.cs", """
            using System.Threading.Tasks;
            using Lib;
            class A
            {
                async Task M(Store store) { await Task.Yield(); {|GT0003:store.Save()|}; }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Extension_alternative_in_the_global_namespace_is_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;

            public static class StoreExtensions
            {
                public static Task SaveAsync(this Lib.Store store) => Task.CompletedTask;
            }

            namespace Lib
            {
                public class Store { public void Save() { } }
            }

            namespace App
            {
                class A
                {
                    async Task M(Lib.Store store) { await Task.Yield(); {|GT0003:store.Save()|}; }
                }
            }
            """);
    }

    [Fact]
    public Task Extension_alternative_from_a_referenced_assembly_is_reported_only_where_its_namespace_is_imported()
    {
        return VerifyWithStoreLibraryAsync(
            ("/0/A.cs", StoreSavedWithoutTheExtensionsImported),
            ("/0/B.cs", """
            using System.Threading.Tasks;
            using Lib;
            using Lib.Async;
            class B
            {
                async Task M(Store store) { await Task.Yield(); {|GT0003:store.Save()|}; }
            }
            """));
    }

    [Fact]
    public Task Imports_are_told_apart_by_their_text_whatever_trivia_and_regions_lie_between_them()
    {
        // The scope key is the text from the first using to the last. A.cs and C.cs import the same namespaces (C.cs's
        // extra using is in a disabled region) and find nothing; B.cs's usings differ only by the one in an active region.
        return VerifyWithStoreLibraryAsync(
            ("/0/A.cs", StoreSavedWithoutTheExtensionsImported),
            ("/0/B.cs", """
            #define ASYNC
            using System.Threading.Tasks;
            using Lib; // the synchronous API
            #if ASYNC
            using Lib.Async;
            #endif
            class B
            {
                async Task M(Store store) { await Task.Yield(); {|GT0003:store.Save()|}; }
            }
            """),
            ("/0/C.cs", """
            using System.Threading.Tasks;
            using Lib;
            #if NEVER
            using Lib.Async;
            #endif
            class C
            {
                async Task M(Store store) { await Task.Yield(); store.Save(); }
            }
            """));
    }

    /// <summary>A file that calls Store.Save() with Lib imported and Lib.Async not: nothing to report there.</summary>
    private const string StoreSavedWithoutTheExtensionsImported = """
        using System.Threading.Tasks;
        using Lib;
        class A
        {
            async Task M(Store store) { await Task.Yield(); store.Save(); }
        }
        """;

    /// <summary>Verifies <paramref name="sources"/> against <see cref="ExtensionLibrary"/> compiled to metadata, as a NuGet package would be: its extension class is a PE type.</summary>
    private static async Task VerifyWithStoreLibraryAsync(params (string Path, string Source)[] sources)
    {
        var test = new VerifyCS.Test { ReferenceAssemblies = TestReferences.Net80 };
        test.TestState.AdditionalReferences.Add(await MetadataLibrary.CompileAsync("StoreLibrary", ExtensionLibrary));
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        await test.RunAsync();
    }

    [Fact]
    public Task Alternative_of_an_enclosing_type_is_found_by_simple_name()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class Outer
            {
                static void Save() { }
                static Task SaveAsync() => Task.CompletedTask;

                class Inner
                {
                    async Task M() { await Task.Yield(); {|GT0003:Save()|}; }
                }
            }
            """);
    }

    [Fact]
    public Task Local_function_alternative_is_found_by_simple_name_in_the_blocks_that_see_it()
    {
        // One class per call: the negative cache of simple-name calls is kept per calling type.
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class InBlock
            {
                static void Save() { }

                async Task M(bool flag)
                {
                    await Task.Yield();
                    if (flag)
                    {
                        {|GT0003:Save()|};
                        Task SaveAsync() => Task.CompletedTask;
                    }
                }
            }

            class InSwitchSection
            {
                static void Save() { }

                async Task M(int n)
                {
                    await Task.Yield();
                    switch (n)
                    {
                        case 1:
                            {|GT0003:Save()|};
                            break;
                            Task SaveAsync() => Task.CompletedTask;
                    }
                }
            }

            class OutsideTheBlock
            {
                static void Save() { }

                async Task M(bool flag)
                {
                    await Task.Yield();
                    if (flag)
                    {
                        Task SaveAsync() => Task.CompletedTask;
                    }

                    Save();
                }
            }
            """);
    }

    [Fact]
    public Task Local_function_alternative_in_top_level_statements_is_found_by_simple_name()
    {
        return new VerifyCS.Test
        {
            ReferenceAssemblies = TestReferences.Net80,
            TestState =
            {
                OutputKind = OutputKind.ConsoleApplication,
                Sources =
                {
                    """
                    using System.Threading.Tasks;
                    await Task.Yield();
                    {|GT0003:Save()|};

                    static Task SaveAsync() => Task.CompletedTask;

                    partial class Program
                    {
                        static void Save() { }
                    }
                    """,
                },
            },
        }.RunAsync();
    }

    [Fact]
    public Task Alternative_brought_in_by_a_global_using_static_of_another_file_is_found_by_simple_name()
    {
        var test = new VerifyCS.Test { ReferenceAssemblies = TestReferences.Net80 };
        test.TestState.Sources.Add(("/0/GlobalUsings.cs", "global using static Lib.Journal;"));
        test.TestState.Sources.Add(("/0/Library.cs", """
            namespace Lib
            {
                public static class Journal
                {
                    public static void Save() { }
                    public static System.Threading.Tasks.Task SaveAsync() => System.Threading.Tasks.Task.CompletedTask;
                }
            }
            """));
        test.TestState.Sources.Add(("/0/A.cs", """
            using System.Threading.Tasks;
            class A
            {
                async Task M() { await Task.Yield(); {|GT0003:Save()|}; }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Miss_on_one_receiver_type_does_not_hide_the_alternative_of_another()
    {
        // All four calls bind to Base.Save, in one method, so they are analyzed in this order. Hidden's SaveAsync cannot be
        // called here, Named's is a field and Base has none: those lookups find nothing, which must not be remembered for
        // Open's callable SaveAsync or for the extension method that applies only to Extended.
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class Base { public void Save() { } }
            class Hidden : Base { private Task SaveAsync() => Task.CompletedTask; }
            class Named : Base { public int SaveAsync; }
            class Open : Base { public Task SaveAsync() => Task.CompletedTask; }
            class Extended : Base { }
            static class ExtendedExtensions { public static Task SaveAsync(this Extended e) => Task.CompletedTask; }

            class C
            {
                async Task M(Base b, Hidden h, Named n, Open o, Extended e)
                {
                    await Task.Yield();
                    b.Save();
                    h.Save();
                    n.Save();
                    {|GT0003:o.Save()|};
                    {|GT0003:e.Save()|};
                }
            }
            """);
    }

    [Fact]
    public Task Miss_on_one_construction_of_a_generic_type_does_not_hide_an_extension_for_another()
    {
        // Store<string> and Store<int> have the same member names, and an extension named SaveAsync is in scope for
        // both: the lookup on Store<string> finds nothing applicable, which must not be remembered for Store<int>. The
        // extension applies to no Bag<T>.
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class Store<T> { public void Save() { } }
            class Bag<T> { public void Save() { } }
            static class StoreExtensions { public static Task SaveAsync(this Store<int> store) => Task.CompletedTask; }

            class C
            {
                async Task M(Store<string> text, Store<int> numbers, Bag<string> words, Bag<int> counts)
                {
                    await Task.Yield();
                    text.Save();
                    {|GT0003:numbers.Save()|};
                    words.Save();
                    counts.Save();
                }
            }
            """);
    }

    [Fact]
    public Task Extension_alternative_is_found_through_every_conversion_an_extension_receiver_allows_and_only_those()
    {
        // Before the lookup, GT0003 asks whether any extension of the twin's name can take the receiver: its this
        // parameter's type must be the receiver's type, a base type or an interface (identity, reference or boxing
        // conversion), or undecided (object, a type parameter). Each reported call takes one of those paths; Other's
        // extensions take types it cannot convert to.
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            interface ISaver { }
            class Base : ISaver { public void Save() { } public void Load() { } public void Send() { } public void Post() { } }
            class Derived : Base { }
            struct Point : ISaver { public void Save() { } }
            class Other { public void Save() { } public void Load() { } }
            class Unrelated { }

            static class Extensions
            {
                public static Task SaveAsync(this ISaver saver) => Task.CompletedTask;
                public static Task LoadAsync(this Base item) => Task.CompletedTask;
                public static Task SendAsync(this object item) => Task.CompletedTask;
                public static Task PostAsync<T>(this T item) where T : Base => Task.CompletedTask;
                public static Task SaveAsync(this Unrelated item) => Task.CompletedTask;
                public static Task LoadAsync(this Unrelated item) => Task.CompletedTask;
            }

            class C
            {
                async Task M(Derived derived, Point point, Other other)
                {
                    await Task.Yield();
                    other.Save();
                    other.Load();
                    {|GT0003:derived.Save()|};
                    {|GT0003:derived.Load()|};
                    {|GT0003:derived.Send()|};
                    {|GT0003:derived.Post()|};
                    {|GT0003:point.Save()|};
                }
            }
            """);
    }

    [Fact]
    public Task Miss_outside_a_block_does_not_hide_the_local_function_alternative_declared_in_it()
    {
        // A local function is in scope only in its block: the first Save() finds no SaveAsync, the second does.
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C
            {
                void Save() { }

                async Task M()
                {
                    await Task.Yield();
                    Save();
                    {
                        {|GT0003:Save()|};
                        Task SaveAsync() => Task.CompletedTask;
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Static_alternative_declared_in_a_base_class_is_found_through_the_derived_type()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class Base
            {
                public static void Save() { }
                public static Task SaveAsync() => Task.CompletedTask;
            }

            class Derived : Base { }

            class C
            {
                async Task M() { await Task.Yield(); {|GT0003:Derived.Save()|}; }
            }
            """);
    }

    [Fact]
    public Task Instantiations_of_a_generic_type_share_its_member_names_and_a_type_derived_from_one_keeps_its_own()
    {
        // The name check is cached per type definition: Box<Order> and Box<Invoice> declare the same members, and so do
        // Repository<Order> and Repository<Invoice>. A type derived from one instantiation may add the twin itself.
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;

            class Order { }
            class Invoice { }

            class Box<T>
            {
                public T Load() => default;
            }

            class Repository<T>
            {
                public T Load() => default;
                public Task<T> LoadAsync() => Task.FromResult(default(T));
            }

            class OrderBox : Box<Order>
            {
                public Task<Order> LoadAsync() => Task.FromResult(new Order());
            }

            class C
            {
                async Task M(Box<Order> orders, Box<Invoice> invoices, Repository<Order> orderRepository, Repository<Invoice> invoiceRepository, OrderBox orderBox)
                {
                    await Task.Yield();
                    orders.Load();
                    invoices.Load();
                    {|GT0003:orderRepository.Load()|};
                    {|GT0003:invoiceRepository.Load()|};
                    {|GT0003:orderBox.Load()|};
                    orders.Load();
                    {|GT0003:orderRepository.Load()|};
                }
            }
            """);
    }

#if !ROSLYN_4_8
    // Extension blocks exist from C# 14 on (Roslyn 5.0).
    [Fact]
    public Task Extension_block_alternative_is_reported()
    {
        return new VerifyCS.Test
        {
            ReferenceAssemblies = TestReferences.Net80,
            LanguageVersion = Microsoft.CodeAnalysis.CSharp.LanguageVersion.Preview,
            TestCode = """
                using System.Threading.Tasks;

                namespace Lib
                {
                    public class Store { public void Save() { } }

                    public static class StoreExtensions
                    {
                        extension(Store store)
                        {
                            public Task SaveAsync() => Task.CompletedTask;
                        }
                    }
                }

                namespace App
                {
                    using Lib;

                    class A
                    {
                        async Task M(Store store) { await Task.Yield(); {|GT0003:store.Save()|}; }
                    }
                }
                """,
        }.RunAsync();
    }
#endif
}
