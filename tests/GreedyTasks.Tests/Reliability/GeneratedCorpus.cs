using System;
using System.Collections.Generic;
using System.Text;

namespace GreedyTasks.Tests.Reliability;

/// <summary>
/// A seeded generator of realistic async-heavy C#: services and repositories with async methods, loops, LINQ,
/// lambdas, local functions, iterators and pattern matching — mostly clean code, with the greedy patterns the rules
/// look for mixed in (about one method in four). The same index always yields the same file, so failures reproduce
/// and determinism can be checked; every generated file compiles on its own against net8.0.
/// </summary>
internal static class GeneratedCorpus
{
    private const int Seed = 20_240_606;

    private static readonly string[] Nouns = { "Order", "Invoice", "Customer", "Shipment", "Ledger", "Report", "Price", "Stock", "Audit", "Session" };
    private static readonly string[] Roles = { "Service", "Repository", "Processor", "Gateway", "Worker", "Cache" };
    private static readonly string[] Verbs = { "Load", "Save", "Compute", "Refresh", "Publish", "Merge", "Scan", "Sync", "Drain", "Build" };

    private static readonly Func<Random, string, string>[] CleanMethods =
    {
        (r, n) => $$"""
            public async Task<int> {{n}}Async(int id, CancellationToken ct)
            {
                await Task.Delay(1, ct);
                var items = Enumerable.Range(0, {{r.Next(5, 500)}}).Where(x => x % 3 == id % 3).Select(x => x * 2).ToList();
                return items.Sum();
            }
            """,
        (r, n) => $$"""
            public async Task<string?> {{n}}Async(int key)
            {
                await _gate.WaitAsync();
                try
                {
                    return _store.TryGetValue(key, out var value) ? value : null;
                }
                finally
                {
                    _gate.Release();
                }
            }
            """,
        (r, n) => $$"""
            public async Task<int> {{n}}Async(IEnumerable<int> values)
            {
                int Square(int x) => x * x;
                async Task<int> LoadAsync(int x)
                {
                    await Task.Yield();
                    return Square(x) + {{r.Next(100)}};
                }

                var total = 0;
                foreach (var v in values)
                {
                    total += await LoadAsync(v);
                }

                return total;
            }
            """,
        (r, n) => $$"""
            public IEnumerable<int> {{n}}(int count)
            {
                for (var i = 0; i < count; i++)
                {
                    if (i % {{r.Next(2, 9)}} == 0)
                    {
                        yield return i;
                    }
                }
            }
            """,
        (r, n) => $$"""
            public async IAsyncEnumerable<string> {{n}}Async([EnumeratorCancellation] CancellationToken ct = default)
            {
                foreach (var pair in _store)
                {
                    await Task.Delay({{r.Next(1, 20)}}, ct);
                    yield return pair.Key + ":" + pair.Value;
                }
            }
            """,
        (r, n) => $$"""
            public Task<int[]> {{n}}Async(int[] ids) => Task.WhenAll(ids.Select(async id =>
            {
                await Task.Delay(id % 5);
                return id * {{r.Next(2, 50)}};
            }));
            """,
        (r, n) => $$"""
            public int {{n}}(string text)
            {
                var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return words.Count(w => w.Length > {{r.Next(1, 10)}});
            }
            """,
        (r, n) => $$"""
            public async Task {{n}}Async(CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    await Task.Delay({{r.Next(10, 1000)}}, ct);
                    Interlocked.Increment(ref _counter);
                }
            }
            """,
        (r, n) => $$"""
            public string {{n}}(object value) => value switch
            {
                int i when i > {{r.Next(1000)}} => "big",
                int => "small",
                string s => s.Trim(),
                null => "none",
                _ => value.ToString() ?? string.Empty,
            };
            """,
        (r, n) => $$"""
            public async Task<int> {{n}}Async(string path, CancellationToken ct)
            {
                try
                {
                    var text = await File.ReadAllTextAsync(path, ct);
                    return text.Length;
                }
                catch (IOException)
                {
                    return -{{r.Next(1, 9)}};
                }
            }
            """,
        (r, n) => $$"""
            public async Task<Dictionary<int, int>> {{n}}Async(IReadOnlyList<int> values)
            {
                var result = new Dictionary<int, int>();
                for (var i = 0; i < values.Count; i++)
                {
                    result[i] = values[i] * {{r.Next(2, 9)}};
                }

                await Task.Yield();
                return result.Where(p => p.Value > 0).ToDictionary(p => p.Key, p => p.Value);
            }
            """,
        (r, n) => $$"""
            public async ValueTask<bool> {{n}}Async(Func<int, ValueTask<bool>> check)
            {
                for (var i = 0; i < {{r.Next(3, 50)}}; i++)
                {
                    if (await check(i))
                    {
                        return true;
                    }
                }

                return false;
            }
            """,
    };

    private static readonly Func<Random, string, string>[] GreedyMethods =
    {
        (r, n) => $$"""
            public async Task<int> {{n}}Async(Task<int> pending)
            {
                await Task.Yield();
                var value = pending.Result;
                return value + {{r.Next(100)}};
            }
            """,
        (r, n) => $$"""
            public async Task {{n}}Async(Task work)
            {
                _counter++;
                work.Wait();
                await Task.Delay({{r.Next(1, 10)}});
            }
            """,
        (r, n) => $$"""
            public async Task {{n}}Async(CancellationToken ct)
            {
                await Task.Yield();
                Thread.Sleep({{r.Next(1, 500)}});
            }
            """,
        (r, n) => $$"""
            public async Task<int> {{n}}Async(string path)
            {
                await Task.Yield();
                var text = File.ReadAllText(path);
                return text.Length + {{r.Next(10)}};
            }
            """,
        (r, n) => $$"""
            public async Task<long> {{n}}Async()
            {
                await Task.Yield();
                long sum = 0;
                for (var i = 0; i < {{r.Next(200_000, 5_000_000)}}; i++)
                {
                    sum += i % 7;
                }

                return sum;
            }
            """,
        (r, n) => $$"""
            public async Task {{n}}Async()
            {
                await Task.Yield();
                while (!_done)
                {
                }
            }
            """,
        (r, n) => $$"""
            public async Task {{n}}Async(CancellationToken ct)
            {
                await Task.Delay({{r.Next(1, 10)}}, ct);
                _ready.Wait(ct);
            }
            """,
        (r, n) => $$"""
            public Task<int> {{n}}(Task<int> source)
            {
                return Task.FromResult(source.Result + {{r.Next(10)}});
            }
            """,
        (r, n) => $$"""
            public async Task {{n}}Async(Func<Task<int>> factory)
            {
                var x = factory().GetAwaiter().GetResult();
                await Task.Delay(x % {{r.Next(2, 9)}});
            }
            """,
        (r, n) => $$"""
            public async Task {{n}}Async(Task a, Task b)
            {
                await Task.Yield();
                Task.WaitAll(a, b);
            }
            """,
        (r, n) => $$"""
            public async Task {{n}}Async()
            {
                await Task.Delay({{r.Next(1, 10)}});
                SpinWait.SpinUntil(() => _done);
            }
            """,
        (r, n) => $$"""
            public async Task<int> {{n}}Async(Queue<int> queue)
            {
                await Task.Yield();
                var n = 0;
                while (true)
                {
                    if (queue.Count == 0)
                    {
                        break;
                    }

                    n += queue.Dequeue() * {{r.Next(1, 5)}};
                }

                return n;
            }
            """,
        (r, n) => $$"""
            public async Task<string?> {{n}}Async(string path)
            {
                await Task.Yield();
                using var reader = new StreamReader(path);
                return reader.ReadLine();
            }
            """,
        (r, n) => $$"""
            public async Task {{n}}Async(Task t)
            {
                await Task.Yield();
                lock (_store)
                {
                    t.Wait({{r.Next(1, 100)}});
                }
            }
            """,
        (r, n) => $$"""
            public async Task<int> {{n}}Async(int rows, int cols)
            {
                await Task.Yield();
                var n = 0;
                for (var r = 0; r < rows; r++)
                {
                    for (var c = 0; c < cols; c++)
                    {
                        n += r * c + {{r.Next(10)}};
                    }
                }

                return n;
            }
            """,
        (r, n) => $$"""
            public Task {{n}}()
            {
                Thread.Sleep({{r.Next(1, 50)}});
                return Task.CompletedTask;
            }
            """,
        (r, n) => $$"""
            public async Task<int> {{n}}Async(int[] ids)
            {
                var tasks = ids.Select(id => Task.Run(() => id * 2)).ToArray();
                var first = Task.WaitAny(tasks);
                await Task.Yield();
                return first;
            }
            """,
    };

    /// <summary>One self-contained file of a few hundred lines; <paramref name="index"/> selects the seed.</summary>
    public static string GenerateFile(int index)
    {
        var random = new Random(Seed + index);
        var builder = new StringBuilder();
        builder.AppendLine("using System;");
        builder.AppendLine("using System.Collections.Generic;");
        builder.AppendLine("using System.IO;");
        builder.AppendLine("using System.Linq;");
        builder.AppendLine("using System.Runtime.CompilerServices;");
        builder.AppendLine("using System.Threading;");
        builder.AppendLine("using System.Threading.Tasks;");
        builder.AppendLine();
        builder.AppendLine($"namespace Generated{index};");
        var classCount = random.Next(3, 5);
        for (var c = 0; c < classCount; c++)
        {
            builder.AppendLine();
            AppendClass(builder, random, $"{Pick(random, Nouns)}{Pick(random, Roles)}{c}");
        }

        return builder.ToString();
    }

    private static void AppendClass(StringBuilder builder, Random random, string name)
    {
        builder.AppendLine($$"""
            public sealed class {{name}} : IDisposable
            {
                private readonly Dictionary<int, string> _store = new();
                private readonly SemaphoreSlim _gate = new(1, 1);
                private readonly ManualResetEventSlim _ready = new(false);
                private volatile bool _done;
                private int _counter;

                public int Count => _store.Count + _counter;

                public void Stop() => _done = true;

                public void Dispose()
                {
                    _gate.Dispose();
                    _ready.Dispose();
                }
            """);
        var methodCount = random.Next(6, 10);
        for (var m = 0; m < methodCount; m++)
        {
            var methodName = Pick(random, Verbs) + Pick(random, Nouns) + m;
            var templates = random.Next(4) == 0 ? GreedyMethods : CleanMethods;
            var body = templates[random.Next(templates.Length)](random, methodName);
            builder.AppendLine();
            foreach (var line in body.Split('\n'))
            {
                builder.Append("    ").AppendLine(line.TrimEnd('\r'));
            }
        }

        builder.AppendLine("}");
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
