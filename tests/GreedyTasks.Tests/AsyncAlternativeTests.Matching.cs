using System.Threading.Tasks;
using GreedyTasks.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.AsyncAlternativeAnalyzer, GreedyTasks.CodeFixes.AsyncAlternativeCodeFixProvider>;

namespace GreedyTasks.Tests;

/// <summary>GT0003: the matcher — which <c>XAsync</c> counts as the alternative of a call, and which does not.</summary>
public partial class AsyncAlternativeTests
{
    // ---------------------------------------------------------------- overloads and the CancellationToken

    [Fact]
    public Task Overload_taking_the_token_is_preferred_when_a_token_is_in_scope()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class Repository
            {
                public int Load(int id) => id;
                public Task<int> LoadAsync(int id) => Task.FromResult(id);
                public Task<int> LoadAsync(int id, CancellationToken cancellationToken) => Task.FromResult(id);
            }

            class C
            {
                async Task<int> M(Repository repository, CancellationToken ct)
                {
                    return {|#0:repository.Load(42)|};
                }
            }
            """, """
            using System.Threading;
            using System.Threading.Tasks;
            class Repository
            {
                public int Load(int id) => id;
                public Task<int> LoadAsync(int id) => Task.FromResult(id);
                public Task<int> LoadAsync(int id, CancellationToken cancellationToken) => Task.FromResult(id);
            }

            class C
            {
                async Task<int> M(Repository repository, CancellationToken ct)
                {
                    return await repository.LoadAsync(42, ct);
                }
            }
            """,
            VerifyCS.Diagnostic("GT0003").WithLocation(0).WithArguments("Repository.Load(int)", "Repository.LoadAsync(int, CancellationToken)"));
    }

    [Fact]
    public Task Overload_without_the_token_is_used_when_no_token_is_in_scope()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class Repository
            {
                public int Load(int id) => id;
                public Task<int> LoadAsync(int id) => Task.FromResult(id);
                public Task<int> LoadAsync(int id, CancellationToken cancellationToken) => Task.FromResult(id);
            }

            class C
            {
                async Task<int> M(Repository repository)
                {
                    return {|#0:repository.Load(42)|};
                }
            }
            """, """
            using System.Threading;
            using System.Threading.Tasks;
            class Repository
            {
                public int Load(int id) => id;
                public Task<int> LoadAsync(int id) => Task.FromResult(id);
                public Task<int> LoadAsync(int id, CancellationToken cancellationToken) => Task.FromResult(id);
            }

            class C
            {
                async Task<int> M(Repository repository)
                {
                    return await repository.LoadAsync(42);
                }
            }
            """,
            VerifyCS.Diagnostic("GT0003").WithLocation(0).WithArguments("Repository.Load(int)", "Repository.LoadAsync(int)"));
    }

    [Fact]
    public Task Async_overload_matching_a_different_sync_overload_is_not_used()
    {
        // Load(string) has no twin: LoadAsync(int) is the twin of Load(int) only.
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class Repository
            {
                public int Load(int id) => id;
                public int Load(string name) => 0;
                public Task<int> LoadAsync(int id) => Task.FromResult(id);
            }

            class C
            {
                async Task<int> M(Repository repository)
                {
                    await Task.Yield();
                    return repository.Load("name") + {|GT0003:repository.Load(1)|};
                }
            }
            """);
    }

    [Fact]
    public Task Required_token_is_passed_when_a_token_is_in_scope()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class Store
            {
                public void Save(string item) { }
                public Task SaveAsync(string item, CancellationToken cancellationToken) => Task.CompletedTask;
            }

            class C
            {
                async Task M(Store store, CancellationToken cancellationToken)
                {
                    {|GT0003:store.Save("x")|};
                }
            }
            """, """
            using System.Threading;
            using System.Threading.Tasks;
            class Store
            {
                public void Save(string item) { }
                public Task SaveAsync(string item, CancellationToken cancellationToken) => Task.CompletedTask;
            }

            class C
            {
                async Task M(Store store, CancellationToken cancellationToken)
                {
                    await store.SaveAsync("x", cancellationToken);
                }
            }
            """);
    }

    [Fact]
    public Task Required_token_without_a_token_in_scope_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class Store
            {
                public void Save(string item) { }
                public Task SaveAsync(string item, CancellationToken cancellationToken) => Task.CompletedTask;
            }

            class C
            {
                async Task M(Store store)
                {
                    await Task.Yield();
                    store.Save("x");
                }
            }
            """);
    }

    [Fact]
    public Task Token_declared_as_a_local_before_the_call_is_passed()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Stream s, CancellationTokenSource cts)
                {
                    var token = cts.Token;
                    {|GT0003:s.Flush()|};
                }
            }
            """, """
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Stream s, CancellationTokenSource cts)
                {
                    var token = cts.Token;
                    await s.FlushAsync(token);
                }
            }
            """);
    }

    [Fact]
    public Task Token_declared_after_the_call_is_not_passed()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Stream s, CancellationTokenSource cts)
                {
                    {|GT0003:s.Flush()|};
                    var token = cts.Token;
                    await Task.Delay(1, token);
                }
            }
            """, """
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Stream s, CancellationTokenSource cts)
                {
                    await s.FlushAsync();
                    var token = cts.Token;
                    await Task.Delay(1, token);
                }
            }
            """);
    }

    [Fact]
    public Task Token_of_the_enclosing_async_lambda_is_passed()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System;
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                Func<CancellationToken, Task> M(Stream s) => async token => {|GT0003:s.Flush()|};
            }
            """, """
            using System;
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                Func<CancellationToken, Task> M(Stream s) => async token => await s.FlushAsync(token);
            }
            """);
    }

    [Fact]
    public Task Token_of_the_enclosing_method_is_passed_inside_an_async_lambda()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System;
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                Task M(Stream s, CancellationToken ct)
                {
                    return Task.Run(async () => {|GT0003:s.Flush()|});
                }
            }
            """, """
            using System;
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                Task M(Stream s, CancellationToken ct)
                {
                    return Task.Run(async () => await s.FlushAsync(ct));
                }
            }
            """);
    }

    [Fact]
    public Task Two_tokens_in_scope_pass_neither()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Stream s, CancellationToken first, CancellationToken second)
                {
                    {|GT0003:s.Flush()|};
                }
            }
            """, """
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Stream s, CancellationToken first, CancellationToken second)
                {
                    await s.FlushAsync();
                }
            }
            """);
    }

    [Fact]
    public Task Static_lambda_does_not_pass_a_token_it_cannot_capture()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System;
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                Func<Stream, Task> M(CancellationToken ct) => static async s => {|GT0003:s.Flush()|};
            }
            """, """
            using System;
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                Func<Stream, Task> M(CancellationToken ct) => static async s => await s.FlushAsync();
            }
            """);
    }

    [Fact]
    public Task Token_is_passed_by_name_when_optional_parameters_sit_between()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class Mailer
            {
                public void Send(string message) { }
                public Task SendAsync(string message, int retries = 3, CancellationToken cancellationToken = default) => Task.CompletedTask;
            }

            class C
            {
                async Task M(Mailer mailer, CancellationToken ct)
                {
                    {|GT0003:mailer.Send("hi")|};
                }
            }
            """, """
            using System.Threading;
            using System.Threading.Tasks;
            class Mailer
            {
                public void Send(string message) { }
                public Task SendAsync(string message, int retries = 3, CancellationToken cancellationToken = default) => Task.CompletedTask;
            }

            class C
            {
                async Task M(Mailer mailer, CancellationToken ct)
                {
                    await mailer.SendAsync("hi", cancellationToken: ct);
                }
            }
            """);
    }

    [Fact]
    public Task Token_is_passed_by_name_when_the_call_uses_named_arguments()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class Mailer
            {
                public void Send(string message, int priority) { }
                public Task SendAsync(string message, int priority, CancellationToken cancellationToken = default) => Task.CompletedTask;
            }

            class C
            {
                async Task M(Mailer mailer, CancellationToken ct)
                {
                    {|GT0003:mailer.Send(priority: 1, message: "hi")|};
                }
            }
            """, """
            using System.Threading;
            using System.Threading.Tasks;
            class Mailer
            {
                public void Send(string message, int priority) { }
                public Task SendAsync(string message, int priority, CancellationToken cancellationToken = default) => Task.CompletedTask;
            }

            class C
            {
                async Task M(Mailer mailer, CancellationToken ct)
                {
                    await mailer.SendAsync(priority: 1, message: "hi", cancellationToken: ct);
                }
            }
            """);
    }

    [Fact]
    public Task Sync_call_that_already_takes_the_token_keeps_it()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(SemaphoreSlim gate, CancellationToken ct)
                {
                    {|#0:gate.Wait(ct)|};
                }
            }
            """, """
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(SemaphoreSlim gate, CancellationToken ct)
                {
                    await gate.WaitAsync(ct);
                }
            }
            """,
            VerifyCS.Diagnostic("GT0003").WithLocation(0).WithArguments("SemaphoreSlim.Wait(CancellationToken)", "SemaphoreSlim.WaitAsync(CancellationToken)"));
    }

    // ---------------------------------------------------------------- optional parameters and params arrays

    [Fact]
    public Task Extra_optional_parameter_on_the_alternative_is_accepted()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class Repository
            {
                public int Load(int id) => id;
                public Task<int> LoadAsync(int id, bool bypassCache = false) => Task.FromResult(id);
            }

            class C
            {
                async Task<int> M(Repository repository) => {|GT0003:repository.Load(1)|};
            }
            """, """
            using System.Threading.Tasks;
            class Repository
            {
                public int Load(int id) => id;
                public Task<int> LoadAsync(int id, bool bypassCache = false) => Task.FromResult(id);
            }

            class C
            {
                async Task<int> M(Repository repository) => await repository.LoadAsync(1);
            }
            """);
    }

    [Fact]
    public Task Sync_optional_parameter_left_out_of_the_call_is_still_matched()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class Log
            {
                public void Write(string text, int level = 0) { }
                public Task WriteAsync(string text, int level = 0) => Task.CompletedTask;
            }

            class C
            {
                async Task M(Log log)
                {
                    {|GT0003:log.Write("a")|};
                    {|GT0003:log.Write("b", 2)|};
                }
            }
            """, """
            using System.Threading.Tasks;
            class Log
            {
                public void Write(string text, int level = 0) { }
                public Task WriteAsync(string text, int level = 0) => Task.CompletedTask;
            }

            class C
            {
                async Task M(Log log)
                {
                    await log.WriteAsync("a");
                    await log.WriteAsync("b", 2);
                }
            }
            """);
    }

    [Fact]
    public Task Alternative_lacking_an_optional_parameter_of_the_sync_method_is_not_used()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class Log
            {
                public void Write(string text, int level = 0) { }
                public Task WriteAsync(string text) => Task.CompletedTask;
            }

            class C
            {
                async Task M(Log log)
                {
                    await Task.Yield();
                    log.Write("a");
                }
            }
            """);
    }

    [Fact]
    public Task Extra_required_parameter_that_is_not_a_token_is_not_accepted()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class Repository
            {
                public int Load(int id) => id;
                public Task<int> LoadAsync(int id, bool bypassCache) => Task.FromResult(id);
            }

            class C
            {
                async Task<int> M(Repository repository)
                {
                    await Task.Yield();
                    return repository.Load(1);
                }
            }
            """);
    }

    [Fact]
    public Task Params_array_call_is_rewritten_with_every_argument()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class Log
            {
                public void Write(string format, params object[] args) { }
                public Task WriteAsync(string format, params object[] args) => Task.CompletedTask;
            }

            class C
            {
                async Task M(Log log)
                {
                    {|GT0003:log.Write("{0} {1}", 1, "two")|};
                    {|GT0003:log.Write("none")|};
                }
            }
            """, """
            using System.Threading.Tasks;
            class Log
            {
                public void Write(string format, params object[] args) { }
                public Task WriteAsync(string format, params object[] args) => Task.CompletedTask;
            }

            class C
            {
                async Task M(Log log)
                {
                    await log.WriteAsync("{0} {1}", 1, "two");
                    await log.WriteAsync("none");
                }
            }
            """);
    }

    [Fact]
    public Task Params_call_is_not_matched_to_an_array_parameter()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class Log
            {
                public void Write(params string[] lines) { }
                public Task WriteAsync(string[] lines) => Task.CompletedTask;
            }

            class C
            {
                async Task M(Log log)
                {
                    await Task.Yield();
                    log.Write("a", "b");
                }
            }
            """);
    }

    // ---------------------------------------------------------------- generics and inference

    [Fact]
    public Task Generic_method_with_explicit_type_argument_keeps_it()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.IO;
            using System.Text.Json;
            using System.Threading.Tasks;
            class Person { public string? Name { get; set; } }

            class C
            {
                async Task<Person?> M(Stream stream)
                {
                    return {|#0:JsonSerializer.Deserialize<Person>(stream)|};
                }
            }
            """, """
            using System.IO;
            using System.Text.Json;
            using System.Threading.Tasks;
            class Person { public string? Name { get; set; } }

            class C
            {
                async Task<Person?> M(Stream stream)
                {
                    return await JsonSerializer.DeserializeAsync<Person>(stream);
                }
            }
            """,
            VerifyCS.Diagnostic("GT0003").WithLocation(0).WithArguments("JsonSerializer.Deserialize<Person>(Stream, JsonSerializerOptions?)", "JsonSerializer.DeserializeAsync<Person>(Stream, JsonSerializerOptions?, CancellationToken)"));
    }

    [Fact]
    public Task Generic_method_with_inferred_type_argument_is_rewritten()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.IO;
            using System.Text.Json;
            using System.Threading;
            using System.Threading.Tasks;
            class Person { public string? Name { get; set; } }

            class C
            {
                async Task M(Stream stream, Person person, CancellationToken ct)
                {
                    {|GT0003:JsonSerializer.Serialize(stream, person)|};
                }
            }
            """, """
            using System.IO;
            using System.Text.Json;
            using System.Threading;
            using System.Threading.Tasks;
            class Person { public string? Name { get; set; } }

            class C
            {
                async Task M(Stream stream, Person person, CancellationToken ct)
                {
                    await JsonSerializer.SerializeAsync(stream, person, cancellationToken: ct);
                }
            }
            """);
    }

    [Fact]
    public Task Deserialize_from_a_string_has_no_alternative()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Text.Json;
            using System.Threading.Tasks;
            class Person { public string? Name { get; set; } }

            class C
            {
                async Task<Person?> M(string json)
                {
                    await Task.Yield();
                    return JsonSerializer.Deserialize<Person>(json);
                }
            }
            """);
    }

    [Fact]
    public Task User_generic_method_with_inference_is_rewritten()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            static class Cache
            {
                public static T Get<T>(string key, T fallback) => fallback;
                public static Task<T> GetAsync<T>(string key, T fallback) => Task.FromResult(fallback);
            }

            class C
            {
                async Task<int> M() => {|GT0003:Cache.Get("k", 5)|};
            }
            """, """
            using System.Threading.Tasks;
            static class Cache
            {
                public static T Get<T>(string key, T fallback) => fallback;
                public static Task<T> GetAsync<T>(string key, T fallback) => Task.FromResult(fallback);
            }

            class C
            {
                async Task<int> M() => await Cache.GetAsync("k", 5);
            }
            """);
    }

    [Fact]
    public Task Method_of_a_generic_type_is_rewritten()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class Repository<T>
            {
                public List<T> GetAll() => new();
                public Task<List<T>> GetAllAsync() => Task.FromResult(new List<T>());
            }

            class C
            {
                async Task<int> M(Repository<string> repository) => {|GT0003:repository.GetAll()|}.Count;
            }
            """, """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class Repository<T>
            {
                public List<T> GetAll() => new();
                public Task<List<T>> GetAllAsync() => Task.FromResult(new List<T>());
            }

            class C
            {
                async Task<int> M(Repository<string> repository) => (await repository.GetAllAsync()).Count;
            }
            """);
    }

    [Fact]
    public Task Generic_alternative_returning_another_type_argument_is_not_used()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            static class Cache
            {
                public static T Get<T>(string key) => default!;
                public static Task<object> GetAsync<T>(string key) => Task.FromResult(new object());
            }

            class C
            {
                async Task<int> M()
                {
                    await Task.Yield();
                    return Cache.Get<int>("k");
                }
            }
            """);
    }

    [Fact]
    public Task Call_on_a_constrained_type_parameter_is_reported()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            interface IRepository
            {
                int Count();
                Task<int> CountAsync();
            }

            class C
            {
                async Task<int> M<TRepository>(TRepository repository) where TRepository : IRepository
                    => {|GT0003:repository.Count()|};
            }
            """, """
            using System.Threading.Tasks;
            interface IRepository
            {
                int Count();
                Task<int> CountAsync();
            }

            class C
            {
                async Task<int> M<TRepository>(TRepository repository) where TRepository : IRepository
                    => await repository.CountAsync();
            }
            """);
    }

    // ---------------------------------------------------------------- ref / out / in

    [Theory]
    [InlineData("ref")]
    [InlineData("out")]
    [InlineData("in")]
    public Task Sync_method_with_by_reference_parameter_is_not_matched(string refKind)
    {
        var argument = refKind == "in" ? "in value" : refKind + " value";
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System.Threading.Tasks;
            class Parser
            {
                public bool Parse(string text, {{refKind}} int value) { {{(refKind == "out" ? "value = 0; " : "")}}return true; }
                public Task<bool> ParseAsync(string text, int value) => Task.FromResult(true);
            }

            class C
            {
                async Task<bool> M(Parser parser, string text)
                {
                    await Task.Yield();
                    int value = 0;
                    return parser.Parse(text, {{argument}});
                }
            }
            """);
    }

    // ---------------------------------------------------------------- where candidates are found

    [Fact]
    public Task Alternative_on_a_base_class_is_found()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class Base
            {
                public Task<int> LoadAsync() => Task.FromResult(1);
            }

            class Derived : Base
            {
                public int Load() => 1;
            }

            class C
            {
                async Task<int> M(Derived d) => {|GT0003:d.Load()|};
            }
            """, """
            using System.Threading.Tasks;
            class Base
            {
                public Task<int> LoadAsync() => Task.FromResult(1);
            }

            class Derived : Base
            {
                public int Load() => 1;
            }

            class C
            {
                async Task<int> M(Derived d) => await d.LoadAsync();
            }
            """);
    }

    [Fact]
    public Task Alternative_on_an_interface_is_found()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            interface IReader
            {
                string Read();
                Task<string> ReadAsync();
            }

            class C
            {
                async Task<string> M(IReader reader) => {|GT0003:reader.Read()|};
            }
            """, """
            using System.Threading.Tasks;
            interface IReader
            {
                string Read();
                Task<string> ReadAsync();
            }

            class C
            {
                async Task<string> M(IReader reader) => await reader.ReadAsync();
            }
            """);
    }

    [Fact]
    public Task Call_on_implicit_this_is_rewritten_without_a_receiver()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class Service
            {
                int Load() => 1;
                Task<int> LoadAsync() => Task.FromResult(1);

                async Task<int> M() => {|GT0003:Load()|} + 1;
            }
            """, """
            using System.Threading.Tasks;
            class Service
            {
                int Load() => 1;
                Task<int> LoadAsync() => Task.FromResult(1);

                async Task<int> M() => await LoadAsync() + 1;
            }
            """);
    }

    [Fact]
    public Task Call_through_using_static_is_rewritten_without_a_receiver()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            using static System.IO.File;
            class C
            {
                async Task<string> M(string path) => {|GT0003:ReadAllText(path)|};
            }
            """, """
            using System.Threading.Tasks;
            using static System.IO.File;
            class C
            {
                async Task<string> M(string path) => await ReadAllTextAsync(path);
            }
            """);
    }

    [Fact]
    public Task Member_named_like_the_alternative_that_is_not_a_method_is_not_used()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            class Service
            {
                public int Load() => 1;
                public Func<Task<int>> LoadAsync { get; } = () => Task.FromResult(1);
            }

            class C
            {
                async Task<int> M(Service service)
                {
                    await Task.Yield();
                    return service.Load();
                }
            }
            """);
    }

    [Fact]
    public Task Static_alternative_of_an_instance_method_is_not_used()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class Service
            {
                public int Load() => 1;
                public static Task<int> LoadAsync() => Task.FromResult(1);
            }

            class C
            {
                async Task<int> M(Service service)
                {
                    await Task.Yield();
                    return service.Load();
                }
            }
            """);
    }

    // ---------------------------------------------------------------- extension methods

    [Fact]
    public Task Extension_alternative_from_an_imported_namespace_is_reported_and_fixed()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            using Lib.Async;
            namespace Lib
            {
                public class Widget
                {
                    public void Save() { }
                }
            }

            namespace Lib.Async
            {
                public static class WidgetExtensions
                {
                    public static Task SaveAsync(this Lib.Widget widget) => Task.CompletedTask;
                }
            }

            class C
            {
                async Task M(Lib.Widget widget)
                {
                    {|#0:widget.Save()|};
                }
            }
            """, """
            using System.Threading.Tasks;
            using Lib.Async;
            namespace Lib
            {
                public class Widget
                {
                    public void Save() { }
                }
            }

            namespace Lib.Async
            {
                public static class WidgetExtensions
                {
                    public static Task SaveAsync(this Lib.Widget widget) => Task.CompletedTask;
                }
            }

            class C
            {
                async Task M(Lib.Widget widget)
                {
                    await widget.SaveAsync();
                }
            }
            """,
            VerifyCS.Diagnostic("GT0003").WithLocation(0).WithArguments("Widget.Save()", "WidgetExtensions.SaveAsync(Widget)"));
    }

    [Fact]
    public Task Extension_alternative_from_a_namespace_that_is_not_imported_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            namespace Lib
            {
                public class Widget
                {
                    public void Save() { }
                }
            }

            namespace Lib.Async
            {
                public static class WidgetExtensions
                {
                    public static Task SaveAsync(this Lib.Widget widget) => Task.CompletedTask;
                }
            }

            class C
            {
                async Task M(Lib.Widget widget)
                {
                    await Task.Yield();
                    widget.Save();
                }
            }
            """);
    }

    [Fact]
    public Task Extension_sync_method_with_extension_alternative_is_rewritten()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class Widget { }

            static class WidgetExtensions
            {
                public static int Measure(this Widget widget, int scale) => scale;
                public static Task<int> MeasureAsync(this Widget widget, int scale, CancellationToken cancellationToken = default) => Task.FromResult(scale);
            }

            class C
            {
                async Task<int> M(Widget widget, CancellationToken ct) => {|GT0003:widget.Measure(2)|};
            }
            """, """
            using System.Threading;
            using System.Threading.Tasks;
            class Widget { }

            static class WidgetExtensions
            {
                public static int Measure(this Widget widget, int scale) => scale;
                public static Task<int> MeasureAsync(this Widget widget, int scale, CancellationToken cancellationToken = default) => Task.FromResult(scale);
            }

            class C
            {
                async Task<int> M(Widget widget, CancellationToken ct) => await widget.MeasureAsync(2, ct);
            }
            """);
    }

    [Fact]
    public Task Extension_call_message_names_both_methods_in_the_same_form()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class Widget { }

            static class WidgetExtensions
            {
                public static int Measure(this Widget widget, int scale) => scale;
                public static Task<int> MeasureAsync(this Widget widget, int scale, CancellationToken cancellationToken = default) => Task.FromResult(scale);
            }

            class C
            {
                async Task<int> M(Widget widget) => {|#0:widget.Measure(2)|};
            }
            """,
            VerifyCS.Diagnostic("GT0003").WithLocation(0).WithArguments("WidgetExtensions.Measure(Widget, int)", "WidgetExtensions.MeasureAsync(Widget, int, CancellationToken)"));
    }

    [Fact]
    public Task Extension_method_called_in_static_form_is_rewritten_in_static_form()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class Widget { }

            static class WidgetExtensions
            {
                public static int Measure(this Widget widget) => 1;
                public static Task<int> MeasureAsync(this Widget widget) => Task.FromResult(1);
            }

            class C
            {
                async Task<int> M(Widget widget) => {|GT0003:WidgetExtensions.Measure(widget)|};
            }
            """, """
            using System.Threading.Tasks;
            class Widget { }

            static class WidgetExtensions
            {
                public static int Measure(this Widget widget) => 1;
                public static Task<int> MeasureAsync(this Widget widget) => Task.FromResult(1);
            }

            class C
            {
                async Task<int> M(Widget widget) => await WidgetExtensions.MeasureAsync(widget);
            }
            """);
    }

    [Fact]
    public Task Extension_alternative_imported_in_one_namespace_block_is_found_there_only()
    {
        // The answer "no alternative" must not leak from a scope without the import to one with it in the same file.
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            namespace Lib
            {
                public class Widget
                {
                    public void Save() { }
                }
            }

            namespace Lib.Async
            {
                public static class WidgetExtensions
                {
                    public static Task SaveAsync(this Lib.Widget widget) => Task.CompletedTask;
                }
            }

            namespace First1
            {
                class C1
                {
                    async Task M(Lib.Widget widget)
                    {
                        await Task.Yield();
                        widget.Save();
                    }
                }
            }

            namespace First2
            {
                class C2
                {
                    async Task M(Lib.Widget widget)
                    {
                        await Task.Yield();
                        widget.Save();
                    }
                }
            }

            namespace First3
            {
                class C3
                {
                    async Task M(Lib.Widget widget)
                    {
                        await Task.Yield();
                        widget.Save();
                    }
                }
            }

            namespace First4
            {
                class C4
                {
                    async Task M(Lib.Widget widget)
                    {
                        await Task.Yield();
                        widget.Save();
                    }
                }
            }

            namespace Second
            {
                using Lib.Async;

                class D
                {
                    async Task M(Lib.Widget widget)
                    {
                        await Task.Yield();
                        {|GT0003:widget.Save()|};
                    }
                }
            }

            namespace Third1
            {
                class E1
                {
                    async Task M(Lib.Widget widget)
                    {
                        await Task.Yield();
                        widget.Save();
                    }
                }
            }

            namespace Third2
            {
                class E2
                {
                    async Task M(Lib.Widget widget)
                    {
                        await Task.Yield();
                        widget.Save();
                    }
                }
            }

            namespace Third3
            {
                class E3
                {
                    async Task M(Lib.Widget widget)
                    {
                        await Task.Yield();
                        widget.Save();
                    }
                }
            }

            namespace Third4
            {
                class E4
                {
                    async Task M(Lib.Widget widget)
                    {
                        await Task.Yield();
                        widget.Save();
                    }
                }
            }
            """);
    }

    // ---------------------------------------------------------------- obsolete and inaccessible candidates

    [Fact]
    public Task Obsolete_alternative_is_not_used()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            class Repository
            {
                public int Load() => 1;
                [Obsolete("Use Load")]
                public Task<int> LoadAsync() => Task.FromResult(1);
            }

            class C
            {
                async Task<int> M(Repository repository)
                {
                    await Task.Yield();
                    return repository.Load();
                }
            }
            """);
    }

    [Fact]
    public Task Obsolete_token_overload_is_skipped_for_the_current_overload()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class Repository
            {
                public int Load() => 1;
                public Task<int> LoadAsync() => Task.FromResult(1);
                [Obsolete("Do not use", error: true)]
                public Task<int> LoadAsync(CancellationToken cancellationToken) => Task.FromResult(1);
            }

            class C
            {
                async Task<int> M(Repository repository, CancellationToken ct) => {|GT0003:repository.Load()|};
            }
            """, """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class Repository
            {
                public int Load() => 1;
                public Task<int> LoadAsync() => Task.FromResult(1);
                [Obsolete("Do not use", error: true)]
                public Task<int> LoadAsync(CancellationToken cancellationToken) => Task.FromResult(1);
            }

            class C
            {
                async Task<int> M(Repository repository, CancellationToken ct) => await repository.LoadAsync();
            }
            """);
    }

    [Fact]
    public Task Private_alternative_in_another_class_is_not_used()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class Repository
            {
                public int Load() => 1;
                private Task<int> LoadAsync() => Task.FromResult(1);
            }

            class C
            {
                async Task<int> M(Repository repository)
                {
                    await Task.Yield();
                    return repository.Load();
                }
            }
            """);
    }

    [Fact]
    public Task Private_alternative_is_used_inside_its_own_class()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class Repository
            {
                public int Load() => 1;
                private Task<int> LoadAsync() => Task.FromResult(1);

                public async Task<int> M() => {|GT0003:Load()|};
            }
            """, """
            using System.Threading.Tasks;
            class Repository
            {
                public int Load() => 1;
                private Task<int> LoadAsync() => Task.FromResult(1);

                public async Task<int> M() => await LoadAsync();
            }
            """);
    }

    [Fact]
    public Task Private_alternative_inaccessible_in_one_class_is_still_found_in_its_own_class_of_the_same_file()
    {
        // Accessibility depends on where the call stands: a cached "no alternative" from C1…C4 must not hide it in Repository.
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C1
            {
                async Task<int> M(Repository repository)
                {
                    await Task.Yield();
                    return repository.Load();
                }
            }

            class C2
            {
                async Task<int> M(Repository repository)
                {
                    await Task.Yield();
                    return repository.Load();
                }
            }

            class C3
            {
                async Task<int> M(Repository repository)
                {
                    await Task.Yield();
                    return repository.Load();
                }
            }

            class C4
            {
                async Task<int> M(Repository repository)
                {
                    await Task.Yield();
                    return repository.Load();
                }
            }

            class Repository
            {
                public int Load() => 1;
                private Task<int> LoadAsync() => Task.FromResult(1);

                public async Task<int> M(Repository other)
                {
                    await Task.Yield();
                    return {|GT0003:other.Load()|};
                }
            }

            class D1
            {
                async Task<int> M(Repository repository)
                {
                    await Task.Yield();
                    return repository.Load();
                }
            }

            class D2
            {
                async Task<int> M(Repository repository)
                {
                    await Task.Yield();
                    return repository.Load();
                }
            }

            class D3
            {
                async Task<int> M(Repository repository)
                {
                    await Task.Yield();
                    return repository.Load();
                }
            }

            class D4
            {
                async Task<int> M(Repository repository)
                {
                    await Task.Yield();
                    return repository.Load();
                }
            }
            """);
    }

    [Fact]
    public Task Protected_alternative_is_used_from_a_derived_class()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class Base
            {
                protected int Load() => 1;
                protected Task<int> LoadAsync() => Task.FromResult(1);
            }

            class Derived : Base
            {
                async Task<int> M() => {|GT0003:Load()|};
            }
            """, """
            using System.Threading.Tasks;
            class Base
            {
                protected int Load() => 1;
                protected Task<int> LoadAsync() => Task.FromResult(1);
            }

            class Derived : Base
            {
                async Task<int> M() => await LoadAsync();
            }
            """);
    }

    // ---------------------------------------------------------------- the recursion guard

    [Fact]
    public Task Enclosing_async_local_function_is_never_the_alternative()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            static class Work
            {
                public static int Compute() => 1;

                public static Task<int> Run()
                {
                    return ComputeAsync();

                    static async Task<int> ComputeAsync()
                    {
                        await Task.Yield();
                        return Compute();
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Outer_method_is_never_the_alternative_inside_its_lambda()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            class Service
            {
                public int Compute() => 1;

                public async Task<int> ComputeAsync()
                {
                    Func<Task<int>> work = async () =>
                    {
                        await Task.Yield();
                        return Compute();
                    };
                    return await work();
                }
            }
            """);
    }

    [Fact]
    public Task Overriding_async_method_is_never_the_alternative_of_its_own_sync_call()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            abstract class WrappingStream : Stream
            {
                public override async Task FlushAsync(CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    Flush();
                }
            }
            """);
    }

    [Fact]
    public Task Dispose_inside_the_type_s_own_DisposeAsync_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            class Connection : IDisposable, IAsyncDisposable
            {
                public void Dispose() { }

                public async ValueTask DisposeAsync()
                {
                    await Task.Yield();
                    Dispose();
                }
            }
            """);
    }

    [Fact]
    public Task Recursion_guard_compares_symbols_not_names()
    {
        // Inside Other.LoadAsync, the call to Repository.Load has Repository.LoadAsync as its alternative.
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class Repository
            {
                public int Load() => 1;
                public Task<int> LoadAsync() => Task.FromResult(1);
            }

            class Other
            {
                public async Task<int> LoadAsync(Repository repository) => {|GT0003:repository.Load()|};
            }
            """, """
            using System.Threading.Tasks;
            class Repository
            {
                public int Load() => 1;
                public Task<int> LoadAsync() => Task.FromResult(1);
            }

            class Other
            {
                public async Task<int> LoadAsync(Repository repository) => await repository.LoadAsync();
            }
            """);
    }

    // ---------------------------------------------------------------- return types

    [Theory]
    [InlineData("int", "Task<long>")]
    [InlineData("int", "Task")]
    [InlineData("void", "Task<int>")]
    [InlineData("void", "ValueTask<bool>")]
    [InlineData("object", "Task<string>")]
    [InlineData("string", "Task<object>")]
    [InlineData("System.Collections.Generic.IEnumerable<int>", "System.Collections.Generic.IAsyncEnumerable<int>")]
    public Task Alternative_whose_result_is_not_the_awaitable_of_the_sync_result_is_not_used(string syncReturn, string asyncReturn)
    {
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System.Threading.Tasks;
            abstract class Service
            {
                public abstract {{syncReturn}} Get();
                public abstract {{asyncReturn}} GetAsync();
            }

            class C
            {
                async Task M(Service service)
                {
                    await Task.Yield();
                    service.Get();
                }
            }
            """);
    }

    [Theory]
    [InlineData("int", "Task<int>")]
    [InlineData("int", "ValueTask<int>")]
    [InlineData("void", "Task")]
    [InlineData("void", "ValueTask")]
    [InlineData("string?", "Task<string>")]
    [InlineData("int[]", "Task<int[]>")]
    public Task Alternative_returning_the_awaitable_of_the_sync_result_is_used(string syncReturn, string asyncReturn)
    {
        return VerifyCS.VerifyAnalyzerAsync($$"""
            #nullable enable
            using System.Threading.Tasks;
            abstract class Service
            {
                public abstract {{syncReturn}} Get();
                public abstract {{asyncReturn}} GetAsync();
            }

            class C
            {
                async Task M(Service service)
                {
                    await Task.Yield();
                    {|GT0003:service.Get()|};
                }
            }
            """);
    }

    // ---------------------------------------------------------------- parameters by position

    [Fact]
    public Task Alternative_with_the_same_parameter_types_in_another_order_is_not_used()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class Log
            {
                public void Write(int level, string text) { }
                public Task WriteAsync(string text, int level) => Task.CompletedTask;
            }

            class C
            {
                async Task M(Log log)
                {
                    await Task.Yield();
                    log.Write(1, "a");
                    log.Write(level: 1, text: "a");
                }
            }
            """);
    }

    [Fact]
    public Task Alternative_with_swapped_parameters_of_one_type_is_not_used()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            static class Files
            {
                public static void Copy(string source, string destination) { }
                public static Task CopyAsync(string destination, string source) => Task.CompletedTask;
            }

            class C
            {
                async Task M()
                {
                    await Task.Yield();
                    Files.Copy("a", "b");
                }
            }
            """);
    }

    [Fact]
    public Task Named_arguments_keep_their_parameters_in_the_rewritten_call()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            static class Files
            {
                public static void Copy(string source, string destination, bool overwrite = false) { }
                public static Task CopyAsync(string source, string destination, bool overwrite = false) => Task.CompletedTask;
            }

            class C
            {
                async Task M()
                {
                    {|GT0003:Files.Copy(destination: "b", source: "a", overwrite: true)|};
                }
            }
            """, """
            using System.Threading.Tasks;
            static class Files
            {
                public static void Copy(string source, string destination, bool overwrite = false) { }
                public static Task CopyAsync(string source, string destination, bool overwrite = false) => Task.CompletedTask;
            }

            class C
            {
                async Task M()
                {
                    await Files.CopyAsync(destination: "b", source: "a", overwrite: true);
                }
            }
            """);
    }

    [Fact]
    public Task Overload_of_the_enclosing_method_that_forwards_to_it_is_never_the_alternative()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class Service
            {
                public int Compute() => 1;

                public Task<int> ComputeAsync() => ComputeAsync(CancellationToken.None);

                public async Task<int> ComputeAsync(CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    return Compute();
                }
            }
            """);
    }

    [Fact]
    public Task Assert_That_is_not_matched_to_ThatAsync_with_another_delegate_type()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            static class Assert
            {
                public static void That(Action code, string message) { }
                public static Task ThatAsync(Func<Task> code, string message) => Task.CompletedTask;
            }

            class C
            {
                async Task M()
                {
                    await Task.Yield();
                    Assert.That(() => throw new InvalidOperationException(), "throws");
                }
            }
            """);
    }

    [Fact]
    public Task Alternative_with_a_different_parameter_type_that_still_binds_is_not_used()
    {
        // "Write(5)" would bind to WriteAsync(long), but that is another method, not the twin of Write(int).
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class Log
            {
                public void Write(int value) { }
                public Task WriteAsync(long value) => Task.CompletedTask;
            }

            class C
            {
                async Task M(Log log)
                {
                    await Task.Yield();
                    log.Write(5);
                }
            }
            """);
    }

    [Fact]
    public Task Char_array_write_with_a_token_in_scope_uses_the_char_array_overload()
    {
        // WriteAsync(chars, ct) would bind to WriteAsync(ReadOnlyMemory<char>, CancellationToken): not the twin of Write(char[]).
        return VerifyCS.VerifyCodeFixAsync("""
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(StreamWriter writer, char[] chars, CancellationToken ct)
                {
                    {|#0:writer.Write(chars)|};
                }
            }
            """, """
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(StreamWriter writer, char[] chars, CancellationToken ct)
                {
                    await writer.WriteAsync(chars);
                }
            }
            """,
            VerifyCS.Diagnostic("GT0003").WithLocation(0).WithArguments("StreamWriter.Write(char[]?)", "TextWriter.WriteAsync(char[]?)"));
    }
}
