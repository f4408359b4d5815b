using System.Collections.Immutable;
using System.Threading.Tasks;
using GreedyTasks.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.AsyncAlternativeAnalyzer, GreedyTasks.CodeFixes.AsyncAlternativeCodeFixProvider>;

namespace GreedyTasks.Tests;

/// <summary>GT0003: the default exclusion list and the user's exclusions (.globalconfig, .editorconfig, AdditionalFile).</summary>
public partial class AsyncAlternativeTests
{
    /// <summary>Lib.Repository (with a derived SpecialRepository) and Lib.Json, each method with an async twin; every call below would be reported.</summary>
    private const string ExclusionLibrary = """
        namespace Lib
        {
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;

            public class Repository
            {
                public int Load(int id) => id;
                public int Load(string name) => 0;
                public Task<int> LoadAsync(int id, CancellationToken cancellationToken = default) => Task.FromResult(id);
                public Task<int> LoadAsync(string name, CancellationToken cancellationToken = default) => Task.FromResult(0);
                public void Save() { }
                public Task SaveAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
            }

            public class SpecialRepository : Repository { }

            public static class Json
            {
                public static T Read<T>(Stream stream) => default!;
                public static Task<T> ReadAsync<T>(Stream stream) => Task.FromResult(default(T)!);
            }
        }
        """;

    private static VerifyCS.Test ExclusionTest(string source)
    {
        var test = new VerifyCS.Test { ReferenceAssemblies = TestReferences.Net80 };
        test.TestState.Sources.Add(("/0/Test0.cs", source));
        test.TestState.Sources.Add(("/0/Lib.cs", ExclusionLibrary));
        return test;
    }

    // ---------------------------------------------------------------- default exclusions

    [Fact]
    public Task MemoryStream_reads_writes_copies_and_flushes_are_excluded_by_default()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(MemoryStream memory, Stream destination, byte[] buffer)
                {
                    await Task.Yield();
                    memory.Write(buffer, 0, buffer.Length);
                    memory.Flush();
                    memory.CopyTo(destination);
                    memory.Dispose();
                    return memory.Read(buffer, 0, buffer.Length);
                }
            }
            """);
    }

    [Fact]
    public Task UnmanagedMemoryStream_is_excluded_by_default()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(UnmanagedMemoryStream memory, byte[] buffer)
                {
                    await Task.Yield();
                    memory.Flush();
                    return memory.Read(buffer, 0, buffer.Length);
                }
            }
            """);
    }

    [Fact]
    public Task StringReader_is_excluded_by_default()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task<string?> M(StringReader reader)
                {
                    await Task.Yield();
                    var all = reader.ReadToEnd();
                    return reader.ReadLine() + all;
                }
            }
            """);
    }

    [Fact]
    public Task StringWriter_is_excluded_by_default()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M(StringWriter writer)
                {
                    await Task.Yield();
                    writer.Write("a");
                    writer.WriteLine("b");
                    writer.Flush();
                    using var other = new StringWriter();
                }
            }
            """);
    }

    [Fact]
    public Task XmlReader_and_derived_readers_are_excluded_by_default()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            using System.Xml;
            class C
            {
                async Task<string> M(XmlReader reader, XmlTextReader textReader)
                {
                    await Task.Yield();
                    reader.Read();
                    textReader.Read();
                    return reader.ReadContentAsString();
                }
            }
            """);
    }

    [Fact]
    public Task XmlWriter_is_excluded_by_default()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            using System.Xml;
            class C
            {
                async Task M(XmlWriter writer)
                {
                    await Task.Yield();
                    writer.WriteString("text");
                    writer.Flush();
                }
            }
            """);
    }

    [Fact]
    public Task LINQ_to_XML_over_a_given_XmlReader_or_XmlWriter_is_excluded_by_default()
    {
        // LoadAsync, SaveAsync, WriteToAsync and ReadFromAsync work through the reader or writer they are given, whose
        // async methods throw unless it was created with Async = true (NuGet's V2 feed parser creates it without).
        // The same calls over a stream or a file name are reported.
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading.Tasks;
            using System.Xml;
            using System.Xml.Linq;
            class C
            {
                async Task<XDocument> M(XmlReader reader, XmlWriter writer, Stream stream, System.Threading.CancellationToken token)
                {
                    await Task.Yield();
                    var document = XDocument.Load(reader, LoadOptions.None);
                    var element = XElement.Load(reader, LoadOptions.PreserveWhitespace);
                    var node = XNode.ReadFrom(reader);
                    document.Save(writer);
                    element.Save(writer);
                    element.WriteTo(writer);
                    node.WriteTo(writer);
                    {|GT0003:element.Save(stream, SaveOptions.None)|};
                    return {|GT0003:XDocument.Load(stream, LoadOptions.None)|};
                }
            }
            """);
    }

    private const string EntityFrameworkStubs = """
        namespace Microsoft.EntityFrameworkCore
        {
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore.ChangeTracking;

            public class DbContext
            {
                public virtual EntityEntry Add(object entity) => new EntityEntry();
                public virtual ValueTask<EntityEntry> AddAsync(object entity, CancellationToken cancellationToken = default) => default;
                public virtual void AddRange(IEnumerable<object> entities) { }
                public virtual Task AddRangeAsync(IEnumerable<object> entities, CancellationToken cancellationToken = default) => Task.CompletedTask;
                public virtual int SaveChanges() => 0;
                public virtual Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) => Task.FromResult(0);
            }

            public abstract class DbSet<TEntity> where TEntity : class
            {
                public virtual EntityEntry<TEntity> Add(TEntity entity) => new EntityEntry<TEntity>();
                public virtual ValueTask<EntityEntry<TEntity>> AddAsync(TEntity entity, CancellationToken cancellationToken = default) => default;
                public virtual void AddRange(IEnumerable<TEntity> entities) { }
                public virtual Task AddRangeAsync(IEnumerable<TEntity> entities, CancellationToken cancellationToken = default) => Task.CompletedTask;
                public virtual TEntity? Find(params object?[]? keyValues) => null;
                public virtual ValueTask<TEntity?> FindAsync(params object?[]? keyValues) => default;
            }

            public interface IDbContextFactory<TContext> where TContext : DbContext
            {
                TContext CreateDbContext();
                Task<TContext> CreateDbContextAsync(CancellationToken cancellationToken = default);
            }
        }

        namespace Microsoft.EntityFrameworkCore.ChangeTracking
        {
            public class EntityEntry { }
            public class EntityEntry<TEntity> : EntityEntry where TEntity : class { }
        }
        """;

    [Fact]
    public Task EF_DbSet_and_DbContext_Add_and_AddRange_are_excluded_by_default_but_SaveChanges_is_reported()
    {
        var test = new VerifyCS.Test { ReferenceAssemblies = TestReferences.Net80 };
        test.TestState.Sources.Add(("Test0.cs", """
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore;
            class Order { }
            class C
            {
                async Task<int> M(DbContext db, DbSet<Order> orders, Order order)
                {
                    await Task.Yield();
                    orders.Add(order);
                    orders.AddRange(new[] { order });
                    db.Add(order);
                    db.AddRange(new object[] { order });
                    return {|GT0003:db.SaveChanges()|};
                }
            }
            """));
        test.TestState.Sources.Add(("EntityFramework.cs", EntityFrameworkStubs));
        return test.RunAsync();
    }

    [Fact]
    public Task EF_IDbContextFactory_CreateDbContext_is_excluded_by_default()
    {
        var test = new VerifyCS.Test { ReferenceAssemblies = TestReferences.Net80 };
        test.TestState.Sources.Add(("Test0.cs", """
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore;
            class C
            {
                async Task<int> M(IDbContextFactory<DbContext> factory)
                {
                    await Task.Yield();
                    var db = factory.CreateDbContext();
                    return {|GT0003:db.SaveChanges()|};
                }
            }
            """));
        test.TestState.Sources.Add(("EntityFramework.cs", EntityFrameworkStubs));
        return test.RunAsync();
    }

    [Fact]
    public Task EF_DbSet_Find_is_not_excluded()
    {
        var test = new VerifyCS.Test { ReferenceAssemblies = TestReferences.Net80 };
        test.TestState.Sources.Add(("Test0.cs", """
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore;
            class Order { }
            class C
            {
                async Task<Order?> M(DbSet<Order> orders)
                {
                    await Task.Yield();
                    return {|GT0003:orders.Find(1)|};
                }
            }
            """));
        test.TestState.Sources.Add(("EntityFramework.cs", EntityFrameworkStubs));
        return test.RunAsync();
    }

    [Fact]
    public Task EF_real_package_Add_is_excluded_and_SaveChanges_is_fixed()
    {
        return new VerifyCS.Test
        {
            ReferenceAssemblies = TestReferences.Net80.AddPackages(ImmutableArray.Create(new PackageIdentity("Microsoft.EntityFrameworkCore", "8.0.30"))),
            TestCode = """
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.EntityFrameworkCore;
                class Order { public int Id { get; set; } }
                class Shop : DbContext
                {
                    public DbSet<Order> Orders => Set<Order>();
                }

                class C
                {
                    async Task<int> M(IDbContextFactory<Shop> factory, Order order, CancellationToken ct)
                    {
                        var shop = factory.CreateDbContext();
                        shop.Orders.Add(order);
                        shop.Orders.AddRange(order, order);
                        shop.Add(order);
                        return {|GT0003:shop.SaveChanges()|};
                    }
                }
                """,
            FixedCode = """
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.EntityFrameworkCore;
                class Order { public int Id { get; set; } }
                class Shop : DbContext
                {
                    public DbSet<Order> Orders => Set<Order>();
                }

                class C
                {
                    async Task<int> M(IDbContextFactory<Shop> factory, Order order, CancellationToken ct)
                    {
                        var shop = factory.CreateDbContext();
                        shop.Orders.Add(order);
                        shop.Orders.AddRange(order, order);
                        shop.Add(order);
                        return await shop.SaveChangesAsync(ct);
                    }
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public Task Console_Out_and_Console_Error_writes_are_excluded_by_default()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            class C
            {
                async Task M()
                {
                    await Task.Yield();
                    Console.Out.WriteLine("out");
                    Console.Out.Write('c');
                    Console.Out.Flush();
                    Console.Error.WriteLine("error");
                    Console.Error.Flush();
                }
            }
            """);
    }

    [Fact]
    public Task CancellationTokenSource_Cancel_is_excluded_by_default()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(CancellationTokenSource cts)
                {
                    await Task.Yield();
                    cts.Cancel();
                }
            }
            """);
    }

    [Theory]
    [InlineData("gate.Wait(0)")]
    [InlineData("gate.Wait(TimeSpan.Zero)")]
    [InlineData("gate.Wait(0, ct)")]
    [InlineData("gate.Wait(millisecondsTimeout: 0)")]
    public Task SemaphoreSlim_zero_timeout_probe_is_not_reported(string call)
    {
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task<bool> M(SemaphoreSlim gate, CancellationToken ct)
                {
                    await Task.Yield();
                    return {{call}};
                }
            }
            """);
    }

    [Theory]
    [InlineData("t.Wait()")]
    [InlineData("t.Wait(ct)")]
    [InlineData("t.Wait(TimeSpan.FromSeconds(1))")]
    [InlineData("Task.WaitAll(t, u)")]
    [InlineData("Task.WaitAny(t, u)")]
    public Task Task_Wait_WaitAll_and_WaitAny_are_left_to_GT0001(string call)
    {
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task t, Task u, CancellationToken ct)
                {
                    await Task.Yield();
                    {{call}};
                }
            }
            """);
    }

    // ---------------------------------------------------------------- greedy_tasks.excluded_methods

    [Fact]
    public Task Globalconfig_method_entry_without_parameters_excludes_every_overload()
    {
        var test = ExclusionTest("""
            using System.Threading.Tasks;
            using Lib;
            class C
            {
                async Task<int> M(Repository repository)
                {
                    await Task.Yield();
                    {|GT0003:repository.Save()|};
                    return repository.Load(1) + repository.Load("a");
                }
            }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ngreedy_tasks.excluded_methods = M:Lib.Repository.Load\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Globalconfig_method_entry_with_parameters_excludes_that_overload_only()
    {
        var test = ExclusionTest("""
            using System.Threading.Tasks;
            using Lib;
            class C
            {
                async Task<int> M(Repository repository)
                {
                    await Task.Yield();
                    return repository.Load(1) + {|GT0003:repository.Load("a")|};
                }
            }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ngreedy_tasks.excluded_methods = M:Lib.Repository.Load(System.Int32)\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Globalconfig_entries_for_a_generic_method_and_a_base_method_exclude_the_call_and_the_override()
    {
        var test = new VerifyCS.Test { ReferenceAssemblies = TestReferences.Net80 };
        test.TestState.Sources.Add(("/0/Test0.cs", """
            using System.Threading.Tasks;
            namespace Lib
            {
                public class Store
                {
                    public T Fetch<T>() => default!;
                    public Task<T> FetchAsync<T>() => Task.FromResult<T>(default!);
                    public virtual void Save() { }
                    public virtual Task SaveAsync() => Task.CompletedTask;
                    public void Keep() { }
                    public Task KeepAsync() => Task.CompletedTask;
                }

                public class SpecialStore : Store
                {
                    public override void Save() { }
                }
            }

            class C
            {
                async Task<int> M(Lib.SpecialStore store)
                {
                    await Task.Yield();
                    store.Save();
                    {|GT0003:store.Keep()|};
                    return store.Fetch<int>();
                }
            }
            """));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ngreedy_tasks.excluded_methods = M:Lib.Store.Fetch``1|M:Lib.Store.Save\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Globalconfig_type_entry_excludes_the_type_and_its_derived_types()
    {
        var test = ExclusionTest("""
            using System.Threading.Tasks;
            using Lib;
            class C
            {
                async Task<int> M(Repository repository, SpecialRepository special)
                {
                    await Task.Yield();
                    repository.Save();
                    special.Save();
                    return repository.Load(1) + special.Load("a");
                }
            }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ngreedy_tasks.excluded_methods = T:Lib.Repository\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Globalconfig_type_entry_of_a_nested_generic_type_excludes_it_and_its_derived_types_only()
    {
        // The id spells the nested generic type Outer.Cache`1; the symbol's name is Cache. Both must match, or the
        // name check that runs before the documentation id would clear the call.
        var test = new VerifyCS.Test { ReferenceAssemblies = TestReferences.Net80 };
        test.TestState.Sources.Add(("/0/Test0.cs", """
            using System.Threading.Tasks;
            namespace Lib
            {
                public static class Outer
                {
                    public class Cache<T>
                    {
                        public void Flush() { }
                        public Task FlushAsync() => Task.CompletedTask;
                    }

                    public class Cache
                    {
                        public void Flush() { }
                        public Task FlushAsync() => Task.CompletedTask;
                    }
                }

                public sealed class NumberCache : Outer.Cache<int> { }
            }

            class C
            {
                async Task M(Lib.Outer.Cache<string> cache, Lib.NumberCache numbers, Lib.Outer.Cache plain)
                {
                    await Task.Yield();
                    cache.Flush();
                    numbers.Flush();
                    {|GT0003:plain.Flush()|};
                }
            }
            """));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ngreedy_tasks.excluded_methods = T:Lib.Outer.Cache`1\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Globalconfig_type_entry_of_a_derived_type_does_not_exclude_the_base_type()
    {
        var test = ExclusionTest("""
            using System.Threading.Tasks;
            using Lib;
            class C
            {
                async Task M(Repository repository, SpecialRepository special)
                {
                    await Task.Yield();
                    {|GT0003:repository.Save()|};
                    special.Save();
                }
            }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ngreedy_tasks.excluded_methods = T:Lib.SpecialRepository\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Globalconfig_with_several_entries_excludes_each()
    {
        var test = ExclusionTest("""
            using System.IO;
            using System.Threading.Tasks;
            using Lib;
            class C
            {
                async Task<int> M(Repository repository, Stream stream)
                {
                    await Task.Yield();
                    repository.Save();
                    Json.Read<int>(stream);
                    return {|GT0003:repository.Load(1)|};
                }
            }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ngreedy_tasks.excluded_methods = M:Lib.Repository.Save | M:Lib.Json.Read``1(System.IO.Stream)\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Generic_method_entry_without_arity_or_parameters_excludes_it()
    {
        var test = ExclusionTest("""
            using System.IO;
            using System.Threading.Tasks;
            using Lib;
            class C
            {
                async Task<int> M(Stream stream)
                {
                    await Task.Yield();
                    return Json.Read<int>(stream);
                }
            }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ngreedy_tasks.excluded_methods = M:Lib.Json.Read\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Type_entry_of_an_interface_excludes_calls_through_the_interface()
    {
        var test = new VerifyCS.Test
        {
            ReferenceAssemblies = TestReferences.Net80,
            TestCode = """
                using System.Threading.Tasks;
                namespace Lib
                {
                    public interface IReader
                    {
                        string Read();
                        Task<string> ReadAsync();
                    }
                }

                class C
                {
                    async Task<string> M(Lib.IReader reader)
                    {
                        await Task.Yield();
                        return reader.Read();
                    }
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ngreedy_tasks.excluded_methods = T:Lib.IReader\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Method_entry_also_excludes_calls_that_bind_to_an_override()
    {
        var test = new VerifyCS.Test
        {
            ReferenceAssemblies = TestReferences.Net80,
            TestCode = """
                using System.Threading.Tasks;
                namespace Lib
                {
                    public class Repository
                    {
                        public virtual void Save() { }
                        public virtual Task SaveAsync() => Task.CompletedTask;
                    }

                    public class SpecialRepository : Repository
                    {
                        public override void Save() { }
                    }
                }

                class C
                {
                    async Task M(Lib.Repository repository, Lib.SpecialRepository special)
                    {
                        await Task.Yield();
                        repository.Save();
                        special.Save();
                    }
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ngreedy_tasks.excluded_methods = M:Lib.Repository.Save\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Severity_none_turns_the_rule_off()
    {
        var test = new VerifyCS.Test
        {
            ReferenceAssemblies = TestReferences.Net80,
            TestCode = """
                using System.IO;
                using System.Threading.Tasks;
                class C
                {
                    async Task M(Stream stream, string path)
                    {
                        stream.Flush();
                        using var file = File.OpenRead(path);
                    }
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.GT0003.severity = none\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Framework_method_can_be_excluded_by_the_user()
    {
        var test = new VerifyCS.Test
        {
            ReferenceAssemblies = TestReferences.Net80,
            TestCode = """
                using System.IO;
                using System.Threading.Tasks;
                class C
                {
                    async Task<string> M(string path, Stream stream)
                    {
                        await Task.Yield();
                        {|GT0003:stream.Flush()|};
                        return File.ReadAllText(path);
                    }
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ngreedy_tasks.excluded_methods = M:System.IO.File.ReadAllText(System.String)\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Type_entry_excludes_await_using_of_that_type()
    {
        var test = new VerifyCS.Test
        {
            ReferenceAssemblies = TestReferences.Net80,
            TestCode = """
                using System.IO;
                using System.Threading.Tasks;
                class C
                {
                    async Task M(string path)
                    {
                        await Task.Yield();
                        using var stream = File.OpenRead(path);
                        stream.Dispose();
                    }
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ngreedy_tasks.excluded_methods = T:System.IO.FileStream\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Excluded_extension_method_is_not_reported()
    {
        var test = new VerifyCS.Test
        {
            ReferenceAssemblies = TestReferences.Net80,
            TestCode = """
                using System.Threading.Tasks;
                class Widget { }

                static class WidgetExtensions
                {
                    public static int Measure(this Widget widget) => 1;
                    public static Task<int> MeasureAsync(this Widget widget) => Task.FromResult(1);
                }

                class C
                {
                    async Task<int> M(Widget widget)
                    {
                        await Task.Yield();
                        return widget.Measure() + WidgetExtensions.Measure(widget);
                    }
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ngreedy_tasks.excluded_methods = M:WidgetExtensions.Measure(Widget)\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Editorconfig_section_for_cs_files_excludes_the_methods()
    {
        var test = ExclusionTest("""
            using System.Threading.Tasks;
            using Lib;
            class C
            {
                async Task<int> M(Repository repository)
                {
                    await Task.Yield();
                    {|GT0003:repository.Save()|};
                    return repository.Load(1);
                }
            }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ngreedy_tasks.excluded_methods = M:Lib.Repository.Load\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Editorconfig_section_applies_only_to_the_files_it_matches()
    {
        var test = new VerifyCS.Test { ReferenceAssemblies = TestReferences.Net80 };
        test.TestState.Sources.Add(("/src/Legacy.cs", """
            using System.Threading.Tasks;
            using Lib;
            class Legacy
            {
                async Task M(Repository repository)
                {
                    await Task.Yield();
                    repository.Save();
                }
            }
            """));
        test.TestState.Sources.Add(("/src/Modern.cs", """
            using System.Threading.Tasks;
            using Lib;
            class Modern
            {
                async Task M(Repository repository)
                {
                    await Task.Yield();
                    {|GT0003:repository.Save()|};
                }
            }
            """));
        test.TestState.Sources.Add(("/src/Lib.cs", ExclusionLibrary));
        test.TestState.AnalyzerConfigFiles.Add(("/src/.editorconfig", "root = true\n\n[Legacy.cs]\ngreedy_tasks.excluded_methods = T:Lib.Repository\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Additional_file_excludes_its_entries_and_skips_comments_and_blank_lines()
    {
        var test = ExclusionTest("""
            using System.IO;
            using System.Threading.Tasks;
            using Lib;
            class C
            {
                async Task<int> M(Repository repository, Stream stream)
                {
                    await Task.Yield();
                    {|GT0003:repository.Save()|};
                    Json.Read<int>(stream);
                    return repository.Load(1);
                }
            }
            """);
        test.TestState.AdditionalFiles.Add(("GreedyTasks.ExcludedMethods.txt", """
            # Calls the team decided to keep synchronous.

            M:Lib.Repository.Load(System.Int32)
               M:Lib.Json.Read  
            # M:Lib.Repository.Save
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Additional_file_with_windows_line_endings_excludes_each_entry()
    {
        var test = ExclusionTest("""
            using System.IO;
            using System.Threading.Tasks;
            using Lib;
            class C
            {
                async Task<int> M(Repository repository, Stream stream)
                {
                    await Task.Yield();
                    repository.Save();
                    Json.Read<int>(stream);
                    return repository.Load(1);
                }
            }
            """);
        test.TestState.AdditionalFiles.Add(("GreedyTasks.ExcludedMethods.txt", "M:Lib.Repository.Load\r\nM:Lib.Repository.Save\r\nM:Lib.Json.Read\r\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Additional_files_shipped_by_several_packages_are_all_read()
    {
        var test = ExclusionTest("""
            using System.IO;
            using System.Threading.Tasks;
            using Lib;
            class C
            {
                async Task<int> M(Repository repository, Stream stream)
                {
                    await Task.Yield();
                    repository.Save();
                    Json.Read<int>(stream);
                    return {|GT0003:repository.Load(1)|};
                }
            }
            """);
        test.TestState.AdditionalFiles.Add(("/packages/a/GreedyTasks.ExcludedMethods.txt", "M:Lib.Repository.Save\n"));
        test.TestState.AdditionalFiles.Add(("/packages/b/GreedyTasks.ExcludedMethods.txt", "M:Lib.Json.Read\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Additional_file_with_another_name_is_not_read()
    {
        var test = ExclusionTest("""
            using System.Threading.Tasks;
            using Lib;
            class C
            {
                async Task M(Repository repository)
                {
                    await Task.Yield();
                    {|GT0003:repository.Save()|};
                }
            }
            """);
        test.TestState.AdditionalFiles.Add(("ExcludedMethods.txt", "M:Lib.Repository.Save\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Configuration_and_additional_file_exclusions_add_up()
    {
        var test = ExclusionTest("""
            using System.IO;
            using System.Threading.Tasks;
            using Lib;
            class C
            {
                async Task<int> M(Repository repository, Stream stream)
                {
                    await Task.Yield();
                    repository.Save();
                    Json.Read<int>(stream);
                    return {|GT0003:repository.Load(1)|};
                }
            }
            """);
        test.TestState.AdditionalFiles.Add(("GreedyTasks.ExcludedMethods.txt", "M:Lib.Repository.Save\n"));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ngreedy_tasks.excluded_methods = M:Lib.Json.Read\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Malformed_entries_are_ignored_and_the_well_formed_ones_still_apply()
    {
        var test = ExclusionTest("""
            using System.IO;
            using System.Threading.Tasks;
            using Lib;
            class C
            {
                async Task<int> M(Repository repository, Stream stream)
                {
                    await Task.Yield();
                    {|GT0003:repository.Save()|};
                    Json.Read<int>(stream);
                    return repository.Load(1);
                }
            }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ngreedy_tasks.excluded_methods = Lib.Repository.Save | M:Lib.Json.Read | | X:Lib.Repository | T: | M:Lib Repository.Save\n"));
        test.TestState.AdditionalFiles.Add(("GreedyTasks.ExcludedMethods.txt", "not an id\nM:Lib.Repository.Load\nT:.\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Exclusions_do_not_hide_other_types_with_the_same_member_name()
    {
        var test = ExclusionTest("""
            using System.Threading.Tasks;
            using Lib;
            class Other
            {
                public void Save() { }
                public Task SaveAsync() => Task.CompletedTask;
            }

            class C
            {
                async Task M(Repository repository, Other other)
                {
                    await Task.Yield();
                    repository.Save();
                    {|GT0003:other.Save()|};
                }
            }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ngreedy_tasks.excluded_methods = M:Lib.Repository.Save\n"));
        return test.RunAsync();
    }
}
