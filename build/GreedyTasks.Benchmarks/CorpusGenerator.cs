using System;
using System.Collections.Generic;
using System.Text;

namespace GreedyTasks.Benchmarks;

/// <summary>One generated source file.</summary>
internal sealed record GeneratedFile(string Path, string Text, int Lines);

/// <summary>
/// Writes a deterministic (seeded), async-heavy C# code base of about the requested number of lines: DTO records,
/// repositories, services, controllers-like handlers, with loops, LINQ, lambdas, local functions, iterators and async
/// streams. Mostly clean code; about <see cref="GreedyMethodShare"/> of the generated methods contain one greedy
/// pattern (.Result, .Wait(), Thread.Sleep, File.ReadAllText in async code, a long loop without await,
/// ManualResetEventSlim.Wait). The same seed and size always produce the same text (System.Random with a seed is
/// stable across runtimes). The code compiles against the net10.0 reference pack without errors.
/// </summary>
internal sealed class CorpusGenerator
{
    public const double GreedyMethodShare = 0.04;

    private static readonly string[] Entities =
    {
        "Order", "Customer", "Invoice", "Product", "Shipment", "Payment", "Account", "Ticket", "Report", "Supplier",
        "Warehouse", "Booking", "Review", "Coupon", "Employee", "Project", "Document", "Message", "Device", "Session",
    };

    private static readonly string[] Props = { "Name", "Code", "Description", "Owner", "Region", "Category", "Status", "Notes" };

    private readonly Random random;
    private readonly StringBuilder sb = new();
    private int lineCount;
    private int methodCounter;

    public CorpusGenerator(int seed) => random = new Random(seed);

    /// <summary>Number of greedy patterns written so far, per kind.</summary>
    public Dictionary<string, int> GreedyCounts { get; } = new(StringComparer.Ordinal);

    public int Methods { get; private set; }

    public List<GeneratedFile> Generate(int targetLines)
    {
        var files = new List<GeneratedFile>();
        var total = 0;
        files.Add(Shared());
        total += files[0].Lines;
        var index = 0;
        while (total < targetLines)
        {
            // Files come in threes (DTOs, repository, service) per entity; 20 entities (60 files) per module namespace.
            var entity = Entities[index / 3 % Entities.Length];
            var module = $"Module{index / (3 * Entities.Length):D4}";
            // One file of each kind per entity and module; file sizes vary between ~150 and ~1,300 lines.
            var file = (index % 3) switch
            {
                0 => Dto(module, entity, index),
                1 => Repository(module, entity, index),
                _ => Service(module, entity, index),
            };
            files.Add(file);
            total += file.Lines;
            index++;
        }

        return files;
    }

    private GeneratedFile Finish(string path)
    {
        var text = sb.ToString();
        var lines = lineCount;
        sb.Clear();
        lineCount = 0;
        return new GeneratedFile(path, text, lines);
    }

    private void L(string line = "")
    {
        sb.Append(line).Append('\n');
        lineCount++;
    }

    private GeneratedFile Shared()
    {
        L("using System;");
        L("using System.Collections.Generic;");
        L("using System.Threading;");
        L("using System.Threading.Tasks;");
        L();
        L("namespace Bench.Shared;");
        L();
        L("public interface IClock { DateTimeOffset Now { get; } }");
        L("public sealed class SystemClock : IClock { public DateTimeOffset Now => DateTimeOffset.UtcNow; }");
        L("public interface IEntity { Guid Id { get; } }");
        L("public sealed class NotFoundException : Exception { public NotFoundException(string m) : base(m) { } }");
        L("public static class Guard");
        L("{");
        L("    public static T NotNull<T>(T? value, string name) where T : class => value ?? throw new ArgumentNullException(name);");
        L("}");
        L("public interface IStore<T> where T : IEntity");
        L("{");
        L("    Task<T?> FindAsync(Guid id, CancellationToken cancellationToken);");
        L("    Task<IReadOnlyList<T>> ListAsync(int skip, int take, CancellationToken cancellationToken);");
        L("    Task SaveAsync(T item, CancellationToken cancellationToken);");
        L("    IAsyncEnumerable<T> StreamAsync(CancellationToken cancellationToken);");
        L("}");
        return Finish("Shared/Common.cs");
    }

    private void Usings()
    {
        L("using System;");
        L("using System.Collections.Generic;");
        L("using System.IO;");
        L("using System.Linq;");
        L("using System.Runtime.CompilerServices;");
        L("using System.Threading;");
        L("using System.Threading.Tasks;");
        L("using Bench.Shared;");
        L();
    }

    private GeneratedFile Dto(string module, string entity, int index)
    {
        Usings();
        L($"namespace Bench.{module}.Contracts;");
        L();
        var dtoCount = 4 + random.Next(10);
        for (var d = 0; d < dtoCount; d++)
        {
            var name = $"{entity}Dto{d}";
            L($"/// <summary>Data transfer object {name}.</summary>");
            L($"public sealed record {name}(Guid Id, string Name, decimal Amount, DateTimeOffset CreatedAt) : IEntity");
            L("{");
            var props = 2 + random.Next(Props.Length - 2);
            for (var p = 0; p < props; p++)
            {
                L($"    public string? {Props[p]} {{ get; init; }}");
            }

            L("    public IReadOnlyList<string> Tags { get; init; } = Array.Empty<string>();");
            L();
            L($"    public {name} WithAmount(decimal amount) => this with {{ Amount = amount }};");
            L();
            L("    public bool Matches(string term) =>");
            L("        Name.Contains(term, StringComparison.OrdinalIgnoreCase) || Tags.Any(t => t.Equals(term, StringComparison.OrdinalIgnoreCase));");
            L("}");
            L();
            L($"public static class {name}Mapping");
            L("{");
            L($"    public static {name} Normalize(this {name} dto)");
            L("    {");
            L("        var tags = dto.Tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().OrderBy(t => t).ToArray();");
            L("        return dto with { Name = dto.Name.Trim(), Tags = tags };");
            L("    }");
            L();
            L($"    public static IEnumerable<{name}> Valid(IEnumerable<{name}> items)");
            L("    {");
            L("        foreach (var item in items)");
            L("        {");
            L("            if (item.Amount >= 0 && !string.IsNullOrWhiteSpace(item.Name))");
            L("            {");
            L("                yield return item;");
            L("            }");
            L("        }");
            L("    }");
            L("}");
            L();
        }

        return Finish($"{module}/Contracts/{entity}Contracts{index}.cs");
    }

    private GeneratedFile Repository(string module, string entity, int index)
    {
        Usings();
        L($"namespace Bench.{module}.Data;");
        L();
        L($"using Bench.{module}.Contracts;");
        L();
        var dto = $"{entity}Dto0";
        var cls = $"{entity}Repository{index}";
        L($"public sealed class {cls} : IStore<{dto}>");
        L("{");
        L($"    private readonly Dictionary<Guid, {dto}> items = new();");
        L("    private readonly SemaphoreSlim gate = new(1, 1);");
        L("    private readonly ManualResetEventSlim ready = new(true);");
        L("    private readonly string dataFolder = Path.Combine(Path.GetTempPath(), \"bench\");");
        L();
        L($"    private IStore<{dto}> Store => this;");
        L();
        L($"    public async Task<{dto}?> FindAsync(Guid id, CancellationToken cancellationToken)");
        L("    {");
        L("        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);");
        L("        try { return items.TryGetValue(id, out var item) ? item : null; }");
        L("        finally { gate.Release(); }");
        L("    }");
        L();
        L($"    public async Task<IReadOnlyList<{dto}>> ListAsync(int skip, int take, CancellationToken cancellationToken)");
        L("    {");
        L("        await Task.Yield();");
        L("        return items.Values.OrderBy(i => i.CreatedAt).Skip(skip).Take(take).ToList();");
        L("    }");
        L();
        L($"    public async Task SaveAsync({dto} item, CancellationToken cancellationToken)");
        L("    {");
        L("        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);");
        L("        try { items[item.Id] = item; }");
        L("        finally { gate.Release(); }");
        L("    }");
        L();
        L($"    public async IAsyncEnumerable<{dto}> StreamAsync([EnumeratorCancellation] CancellationToken cancellationToken)");
        L("    {");
        L("        foreach (var item in items.Values)");
        L("        {");
        L("            await Task.Delay(1, cancellationToken).ConfigureAwait(false);");
        L("            yield return item;");
        L("        }");
        L("    }");
        L();
        var methods = 8 + random.Next(40);
        for (var m = 0; m < methods; m++)
        {
            Method(dto, m);
        }

        L("}");
        return Finish($"{module}/Data/{cls}.cs");
    }

    private GeneratedFile Service(string module, string entity, int index)
    {
        Usings();
        L($"namespace Bench.{module}.Services;");
        L();
        L($"using Bench.{module}.Contracts;");
        L();
        var dto = $"{entity}Dto0";
        var cls = $"{entity}Service{index}";
        L($"public sealed class {cls}");
        L("{");
        L($"    private readonly IStore<{dto}> store;");
        L("    private readonly IClock clock;");
        L("    private readonly ManualResetEventSlim ready = new(true);");
        L("    private readonly string dataFolder = Path.Combine(Path.GetTempPath(), \"bench\");");
        L();
        L($"    public {cls}(IStore<{dto}> store, IClock clock)");
        L("    {");
        L("        this.store = Guard.NotNull(store, nameof(store));");
        L("        this.clock = Guard.NotNull(clock, nameof(clock));");
        L("    }");
        L();
        L($"    private Task<{dto}?> LoadAsync(Guid id, CancellationToken ct) => store.FindAsync(id, ct);");
        L($"    private IStore<{dto}> Store => store;");
        L();
        var methods = 8 + random.Next(40);
        for (var m = 0; m < methods; m++)
        {
            Method(dto, m);
        }

        L("}");
        return Finish($"{module}/Services/{cls}.cs");
    }

    /// <summary>One member of a repository or service; the shape is chosen at random, sometimes with a greedy pattern.</summary>
    private void Method(string dto, int m)
    {
        Methods++;
        var n = methodCounter++;
        var greedy = random.NextDouble() < GreedyMethodShare ? random.Next(6) : -1;
        var line = greedy switch
        {
            0 => Count("Task.Result", "        var blocked = Task.FromResult(n).Result;"),
            1 => Count("Task.Wait()", "        Task.Delay(5).Wait();"),
            2 => Count("Thread.Sleep", "        Thread.Sleep(10);"),
            3 => Count("File.ReadAllText", "        var text = File.ReadAllText(Path.Combine(dataFolder, \"data.txt\"));"),
            4 => Count("long loop", "        long spin = 0; for (var i = 0; i < 50_000_000; i++) { spin += i % 7; }"),
            5 => Count("ManualResetEventSlim.Wait", "        ready.Wait();"),
            _ => null,
        };

        switch (random.Next(6))
        {
            case 0:
                L($"    public async Task<int> CountMatchesAsync{n}(string term, CancellationToken cancellationToken)");
                L("    {");
                L("        var n = term.Length;");
                if (line is not null) L(line);
                L($"        var page = await ListPageAsync(0, 100, cancellationToken).ConfigureAwait(false);");
                L("        var matches = page.Where(i => i.Matches(term)).Select(i => i.Amount).ToList();");
                L("        return matches.Count(a => a > n);");
                L("    }");
                break;
            case 1:
                L($"    public async Task<decimal> TotalAsync{n}(IEnumerable<Guid> ids, CancellationToken cancellationToken)");
                L("    {");
                L("        var n = 0;");
                L("        decimal total = 0;");
                L("        foreach (var id in ids)");
                L("        {");
                L("            var item = await FindItemAsync(id, cancellationToken).ConfigureAwait(false);");
                L("            if (item is null) { continue; }");
                L("            total += item.Amount;");
                L("            n++;");
                L("        }");
                if (line is not null) L(line);
                L("        return n == 0 ? 0 : total / n;");
                L("    }");
                break;
            case 2:
                L($"    public async Task ProcessAsync{n}(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)");
                L("    {");
                L("        var n = ids.Count;");
                L("        async Task HandleAsync(Guid id)");
                L("        {");
                L("            var item = await FindItemAsync(id, cancellationToken).ConfigureAwait(false);");
                L("            if (item is not null) { await Task.Delay(1, cancellationToken).ConfigureAwait(false); }");
                L("        }");
                if (line is not null) L(line);
                L("        var tasks = ids.Take(n).Select(id => HandleAsync(id)).ToArray();");
                L("        await Task.WhenAll(tasks).ConfigureAwait(false);");
                L("    }");
                break;
            case 3:
                L($"    public IEnumerable<string> Names{n}(IEnumerable<{dto}> source)");
                L("    {");
                L("        var seen = new HashSet<string>(StringComparer.Ordinal);");
                L("        foreach (var item in source.Where(i => i.Amount > 0).OrderByDescending(i => i.CreatedAt))");
                L("        {");
                L("            if (seen.Add(item.Name)) { yield return item.Name.ToUpperInvariant(); }");
                L("        }");
                L("    }");
                if (line is not null)
                {
                    // The greedy pattern goes into an async companion so that it is in async code.
                    L($"    public async Task<int> NamesCountAsync{n}(IEnumerable<{dto}> source)");
                    L("    {");
                    L("        var n = 1;");
                    L(line);
                    L("        await Task.Yield();");
                    L($"        return Names{n}(source).Count();");
                    L("    }");
                }

                break;
            case 4:
                L($"    public Func<Guid, Task<bool>> ExistsFactory{n}(CancellationToken cancellationToken)");
                L("    {");
                L("        return async id =>");
                L("        {");
                L("            var n = 2;");
                if (line is not null) L("    " + line);
                L("            var item = await FindItemAsync(id, cancellationToken).ConfigureAwait(false);");
                L("            return item is not null && n > 0;");
                L("        };");
                L("    }");
                break;
            default:
                L($"    public async Task<Dictionary<string, decimal>> GroupAsync{n}(CancellationToken cancellationToken)");
                L("    {");
                L("        var n = 3;");
                L($"        var all = new List<{dto}>();");
                L("        for (var skip = 0; skip < 1000 * n; skip += 100)");
                L("        {");
                L("            var page = await ListPageAsync(skip, 100, cancellationToken).ConfigureAwait(false);");
                L("            if (page.Count == 0) { break; }");
                L("            all.AddRange(page);");
                L("        }");
                if (line is not null) L(line);
                L("        return all.GroupBy(i => i.Name).ToDictionary(g => g.Key, g => g.Sum(i => i.Amount));");
                L("    }");
                break;
        }

        L();
        if (m == 0)
        {
            // Helpers used by the members above, expressed against IStore or the repository's own members.
            L($"    private Task<IReadOnlyList<{dto}>> ListPageAsync(int skip, int take, CancellationToken ct) => Store.ListAsync(skip, take, ct);");
            L($"    private Task<{dto}?> FindItemAsync(Guid id, CancellationToken ct) => Store.FindAsync(id, ct);");
            L();
        }
    }

    private string Count(string kind, string line)
    {
        GreedyCounts[kind] = GreedyCounts.TryGetValue(kind, out var c) ? c + 1 : 1;
        return line;
    }
}
