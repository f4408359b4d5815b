using System.Threading.Tasks;
using GreedyTasks.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.GreedyLoopAnalyzer, GreedyTasks.CodeFixes.GreedyLoopCodeFixProvider>;

namespace GreedyTasks.Tests;

/// <summary>GT0004: loops that give the thread back, end soon, or are not in async code are not reported.</summary>
public partial class GreedyLoopTests
{
    // ---------------------------------------------------------------- does not report: loops that give the thread back

    [Theory]
    [InlineData("while (true) { await Task.Delay(100); Work(); }")]
    [InlineData("while (!token.IsCancellationRequested) { Work(); await Task.Yield(); }")]
    [InlineData("for (;;) { if (_flag) { await Task.Delay(1); } Work(); }")]
    [InlineData("do { Work(); } while (!await StopAsync());")]
    [InlineData("for (var i = 0; i < 1_000_000; i++) { if (i % 1000 == 0) await Task.Yield(); }")]
    [InlineData("for (var i = 0; i < 1_000_000; i += await StepAsync()) { Work(); }")]
    [InlineData("foreach (var i in Enumerable.Range(0, 1_000_000)) { await WriteAsync(i); }")]
    [InlineData("while (true) { await foreach (var x in Stream()) { Work(); } }")]
    [InlineData("while (!token.IsCancellationRequested) { await using (var resource = new Resource()) { Work(); } }")]
    [InlineData("while (!token.IsCancellationRequested) { await using var resource = new Resource(); Work(); }")]
    [InlineData("foreach (var a in items) { foreach (var b in others) { await WriteAsync(a + b); } }")]
    [InlineData("while (true) { var t = WriteAsync(1); Work(); await t; }")]
    public Task Loop_that_awaits_is_not_reported(string loop)
    {
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            class Resource : IAsyncDisposable
            {
                public ValueTask DisposeAsync() => default;
            }

            class C
            {
                private bool _flag;

                async Task M(CancellationToken token, int[] items, int[] others)
                {
                    {{loop}}
                }

                void Work() { }
                Task<bool> StopAsync() => Task.FromResult(true);
                Task<int> StepAsync() => Task.FromResult(1);
                Task WriteAsync(int value) => Task.CompletedTask;
                async IAsyncEnumerable<int> Stream() { yield return 1; await Task.Yield(); }
            }
            """);
    }

    [Theory]
    [InlineData("while (true) { yield return Next(); }")]
    [InlineData("while (!token.IsCancellationRequested) { Work(); yield return 0; }")]
    [InlineData("for (var i = 0; i < 1_000_000; i++) { yield return i; }")]
    [InlineData("foreach (var a in items) { foreach (var b in others) { yield return a * b; } }")]
    [InlineData("foreach (var a in items) { foreach (var b in others) { Work(); } yield return a; }")]
    public Task Loop_that_yields_to_the_consumer_of_an_async_iterator_is_not_reported(string loop)
    {
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async IAsyncEnumerable<int> M(CancellationToken token, int[] items, int[] others)
                {
                    await Task.Yield();
                    {{loop}}
                }

                int Next() => 1;
                void Work() { }
            }
            """);
    }

    [Fact]
    public Task Await_foreach_loop_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class C
            {
                async Task<long> M(IAsyncEnumerable<int> source, int[] lookup)
                {
                    long total = 0;
                    await foreach (var item in source)
                    {
                        foreach (var entry in lookup)
                        {
                            total += item * entry;
                        }
                    }

                    return total;
                }
            }
            """);
    }

    // ---------------------------------------------------------------- does not report: short loops

    [Theory]
    [InlineData("foreach (var item in items) { sum += item; }")]
    [InlineData("foreach (var item in list) sum += item;")]
    [InlineData("for (var i = 0; i < items.Length; i++) { sum += items[i]; }")]
    [InlineData("for (var i = list.Count - 1; i >= 0; i--) { sum += list[i]; }")]
    [InlineData("foreach (var pair in map) { sum += pair.Value; }")]
    [InlineData("foreach (var item in items.Where(i => i > 0).Select(i => i * 2)) { sum += item; }")]
    [InlineData("foreach (var i in Enumerable.Range(0, count)) { sum += i; }")]
    public Task Single_loop_over_a_collection_is_not_reported(string loop)
    {
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            class C
            {
                async Task<long> M(int[] items, List<int> list, Dictionary<string, int> map, int count)
                {
                    await Task.Yield();
                    long sum = 0;
                    {{loop}}
                    return sum;
                }
            }
            """);
    }

    [Theory]
    [InlineData("for (var i = 0; i < 99_999; i++)")]
    [InlineData("for (var i = 0; i <= 99_998; i++)")]
    [InlineData("for (var i = 99_999; i > 0; i--)")]
    [InlineData("for (var i = 0; i < 199_998; i += 2)")]
    [InlineData("for (var i = 0; i < 1000; i++)")]
    [InlineData("for (var i = 10; i < 0; i++)")]
    [InlineData("foreach (var i in Enumerable.Range(0, 99_999))")]
    public Task Counted_loop_under_the_threshold_is_not_reported(string header)
    {
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System.Linq;
            using System.Threading.Tasks;
            class C
            {
                async Task<long> M()
                {
                    await Task.Yield();
                    long sum = 0;
                    {{header}}
                    {
                        sum += Next(i);
                    }

                    return sum;
                }

                long Next(long i) => i;
            }
            """);
    }

    // ---------------------------------------------------------------- does not report: the loop drives its own condition

    [Theory]
    [InlineData("while (node != null) { sum += node.Value; node = node.Next; }")]
    [InlineData("while (queue.Count > 0) { sum += queue.Dequeue(); }")]
    [InlineData("while (stack.Count > 0) { var top = stack.Pop(); sum += top; }")]
    [InlineData("while (i < items.Length) { sum += items[i]; i++; }")]
    [InlineData("while (i < items.Length) sum += items[i++];")]
    [InlineData("while (remaining > 0) { remaining -= 10; sum++; }")]
    [InlineData("while (!done) { done = Step(); }")]
    [InlineData("do { sum++; } while (--remaining > 0);")]
    [InlineData("while (_pending) { _pending = Step(); }")]
    [InlineData("while (TryParse(out var value)) { sum += value; }")]
    [InlineData("while (reader.Read()) { sum++; }")]
    [InlineData("while (text.ReadLine() is { } line) { sum += line.Length; }")]
    [InlineData("while (enumerator.MoveNext()) { sum += enumerator.Current; }")]
    [InlineData("while (Step()) { sum++; }")]
    [InlineData("while (!stream.EndOfStream) { sum += stream.ReadLine().Length; }")]
    [InlineData("while (node != null) { Advance(ref node); }")]
    [InlineData("do { int length; (remaining, length) = Split(remaining); sum += length; } while (remaining > 0);")]
    [InlineData("while (!done) { (done, sum) = (Step(), sum + 1); }")]
    [InlineData("while (remaining > 0) { ((remaining, i), sum) = ((remaining - 1, i + 1), sum + 1); }")]
    public Task Loop_that_changes_what_its_condition_reads_is_not_reported(string loop)
    {
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Data;
            using System.IO;
            using System.Threading.Tasks;
            class Node { public int Value; public Node Next; }
            class C
            {
                private bool _pending;

                async Task<long> M(Node node, Queue<int> queue, Stack<int> stack, int[] items, IDataReader reader, int remaining, IEnumerator<int> enumerator, TextReader text, StreamReader stream)
                {
                    await Task.Yield();
                    long sum = 0;
                    var i = 0;
                    var done = false;
                    {{loop}}
                    return sum;
                }

                bool Step() => true;
                bool TryParse(out int value) { value = 1; return true; }
                void Drain(Queue<int> items) => items.Clear();
                void Advance(ref Node current) => current = current.Next;
                (int Remaining, int Length) Split(int n) => (n - 1, 1);
            }
            """);
    }

    [Fact]
    public Task Loop_whose_counter_a_deconstruction_changes_has_no_constant_trip_count()
    {
        // The body moves the counter on by itself: the header's bound says nothing about how often the loop runs.
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<long> M()
                {
                    await Task.Yield();
                    long sum = 0;
                    for (var i = 0; i < 1_000_000; i++)
                    {
                        (i, sum) = (i + 99_999, sum + 1);
                    }

                    return sum;
                }
            }
            """);
    }

    [Fact]
    public Task Loop_that_passes_its_condition_variable_to_a_method_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class C
            {
                async Task M(List<int> pending)
                {
                    await Task.Yield();
                    while (pending.Count > 0)
                    {
                        Flush(pending);
                    }
                }

                void Flush(List<int> items) => items.RemoveAt(items.Count - 1);
            }
            """);
    }

    [Theory]
    [InlineData("while (size > limit) { Evict(); } void Evict() => size -= 10;")]
    [InlineData("while (size > limit) { Evict(); } long Evict() { Drop(); return size; } void Drop() { size -= 10; }")]
    [InlineData("while (_count > 0) { Release(); } void Release() => _count--;")]
    [InlineData("while (cache.Count > limit) { Trim(); } void Trim() => cache.RemoveAt(0);")]
    [InlineData("while (size > limit) { Lower(10); } void Lower<T>(T step) => size--;")]
    [InlineData("while (size > limit) { void Step() => size--; Step(); }")]
    [InlineData("while (size > limit) { Step(); } void Step() => Interlocked.Decrement(ref size);")]
    [InlineData("while (size > limit) { Down(3); } void Down(int n) { if (n > 0) Down(n - 1); else size--; }")]
    [InlineData("while (size > limit) { var evicted = Evict(); } int Evict() { (size, var n) = (size - 1, 1); return n; }")]
    public Task Loop_whose_local_function_changes_what_its_condition_reads_is_not_reported(string loop)
    {
        // The local functions a loop calls run as part of it, and so do the ones they call: an LRU eviction loop
        // (Duplicati's restore cache) lowers the size its condition reads through two of them.
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private int _count;

                async Task M(List<int> cache, int limit)
                {
                    await Task.Yield();
                    var size = cache.Count * 10;
                    {{loop}}
                }
            }
            """);
    }

    [Theory]
    [MemberData(nameof(AsyncContexts))]
    public Task Loop_whose_local_function_changes_its_condition_is_not_reported_in_any_async_context(string context)
    {
        return InContext(context, """
            var size = items.Length;
            while (size > 0) { Work(); Evict(); }
            void Evict() { Drop(); }
            void Drop() => size--;
            """).RunAsync();
    }

    // ---------------------------------------------------------------- does not report: loops with an exit

    [Theory]
    [InlineData("while (true) { var current = _value; if (Interlocked.CompareExchange(ref _value, current + 1, current) == current) break; }")]
    [InlineData("for (;;) { if (node == null) return -1; if (node.Value == 0) return 0; node = node.Next; }")]
    [InlineData("while (true) { if (node == null) throw new InvalidOperationException(); node = node.Next; }")]
    [InlineData("do { if (Step()) break; } while (true);")]
    [InlineData("while (true) { if (Step()) goto done; } done: ;")]
    [InlineData("for (var i = 0; ; i++) { if (i * i > _value) return i; }")]
    public Task Unbounded_loop_with_an_exit_is_not_reported(string loop)
    {
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class Node { public int Value; public Node Next; }
            class C
            {
                private int _value;

                async Task<int> M(Node node)
                {
                    await Task.Yield();
                    {{loop}}
                    return 1;
                }

                bool Step() => true;
            }
            """);
    }

    [Theory]
    [InlineData("while (!token.IsCancellationRequested) { Work(); break; }")]
    [InlineData("while (_running) { Work(); return 1; }")]
    [InlineData("while (!token.IsCancellationRequested) { Work(); throw new OperationCanceledException(); }")]
    [InlineData("foreach (var a in items) { foreach (var b in others) { Work(); } break; }")]
    [InlineData("foreach (var a in items) { foreach (var b in others) { Work(); } return a; }")]
    [InlineData("for (var i = 0; i < 1_000_000; i++) { Work(); return i; }")]
    public Task Loop_that_always_leaves_on_its_first_iteration_is_not_reported(string loop)
    {
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _running;

                async Task<int> M(CancellationToken token, int[] items, int[] others)
                {
                    await Task.Yield();
                    {{loop}}
                    return 0;
                }

                void Work() { }
            }
            """);
    }

    // ---------------------------------------------------------------- does not report: hierarchical nests

    [Fact]
    public Task Nest_over_a_hierarchy_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class Line { public decimal Price; }
            class Order { public List<Line> Lines = new(); }
            class C
            {
                async Task<decimal> M(List<Order> orders)
                {
                    await Task.Yield();
                    decimal total = 0;
                    foreach (var order in orders)
                    {
                        foreach (var line in order.Lines)
                        {
                            total += line.Price;
                        }
                    }

                    return total;
                }
            }
            """);
    }

    [Fact]
    public Task Nest_over_a_pattern_variable_of_the_outer_item_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class Item { }
            class Video : Item { public List<string> Parts = new(); }
            class C
            {
                async Task<int> M(List<Item> items)
                {
                    await Task.Yield();
                    var count = 0;
                    foreach (var item in items)
                    {
                        if (item is Video v)
                        {
                            foreach (var part in v.Parts)
                            {
                                count += part.Length;
                            }
                        }
                    }

                    return count;
                }
            }
            """);
    }

    [Fact]
    public Task Nest_whose_inner_query_filters_on_the_outer_item_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            class Image { public string Type = ""; }
            class C
            {
                async Task<int> M(List<string> types, List<Image> items)
                {
                    await Task.Yield();
                    var count = 0;
                    foreach (var current in types)
                    {
                        foreach (var image in items.Where(i => i.Type == current))
                        {
                            count++;
                        }
                    }

                    return count;
                }
            }
            """);
    }

    [Fact]
    public Task Nest_that_indexes_a_row_of_the_outer_item_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<long> M(int[][] rows, int size)
                {
                    await Task.Yield();
                    long sum = 0;
                    for (var i = 0; i < rows.Length; i++)
                    {
                        var row = rows[i];
                        for (var j = 0; j < size; j++)
                        {
                            sum += row[j];
                        }
                    }

                    return sum;
                }
            }
            """);
    }

    [Fact]
    public Task Nest_whose_inner_bound_comes_from_the_outer_item_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class Folder { public List<string> Files = new(); }
            class C
            {
                async Task<int> M(List<Folder> folders)
                {
                    await Task.Yield();
                    var count = 0;
                    foreach (var folder in folders)
                    {
                        var files = folder.Files;
                        for (var j = 0; j < files.Count; j++)
                        {
                            count += files[j].Length;
                        }
                    }

                    return count;
                }
            }
            """);
    }

    [Theory]
    [InlineData("foreach (var line in lines) { var parts = line.Split(','); for (var j = 0; j < parts.Length; j++) { count += parts[j].Length; } }")]
    [InlineData("foreach (var id in ids) { foreach (var name in index[id]) { count += name.Length; } }")]
    [InlineData("foreach (var path in lines) { using var reader = new StringReader(path); while (reader.ReadLine() is { } text) { count += text.Length; } }")]
    [InlineData("foreach (var line in lines) { foreach (var c in line) { count++; } }")]
    [InlineData("for (var i = 0; i < lines.Count; i++) { for (var j = 0; j < lines[i].Length; j++) { count++; } }")]
    [InlineData("foreach (var (key, names) in index) { foreach (var name in names) { count += key + name.Length; } }")]
    [InlineData("foreach (var line in lines) { var stack = new Stack<char>(); foreach (var c in line) stack.Push(c); while (stack.Count > 0) { count += stack.Pop(); } }")]
    public Task Nest_over_data_derived_from_the_outer_item_is_not_reported(string nest)
    {
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(List<string> lines, int[] ids, Dictionary<int, List<string>> index)
                {
                    await Task.Yield();
                    var count = 0;
                    {{nest}}
                    return count;
                }
            }
            """);
    }

    [Theory]
    [InlineData("foreach (var snapshot in snapshots) { if (snapshot != version) continue; foreach (var hold in holds) { count += hold; } return count; }")]
    [InlineData("foreach (var snapshot in snapshots) { if (snapshot == version) { foreach (var hold in holds) { count += hold; } break; } }")]
    [InlineData("foreach (var snapshot in snapshots) { if (snapshot == version) { foreach (var hold in holds) { count += hold; } Log(count); throw new InvalidOperationException(); } }")]
    [InlineData("while (count < version) { count++; if (count % 2 == 0) continue; for (var j = 0; j < holds.Count; j++) { count += holds[j]; } return count; }")]
    [InlineData("foreach (var snapshot in snapshots) { if (snapshot != version) continue; try { foreach (var hold in holds) { count += hold; } } finally { Log(count); } return count; }")]
    [InlineData("foreach (var snapshot in snapshots) { if (snapshot != version) continue; foreach (var hold in holds) { foreach (var part in Parts(hold)) { count += part; } } return count; }")]
    public Task Nest_whose_inner_loop_is_followed_by_leaving_the_outer_loop_is_not_reported(string nest)
    {
        // A search that processes what it found: the inner loop runs once in all, after the match, not once per item.
        return VerifySearchNestAsync(nest);
    }

    /// <summary>Verifies <paramref name="nest"/> in an async method over <c>snapshots</c> and <c>holds</c> (lists of int) and a <c>version</c>.</summary>
    private static Task VerifySearchNestAsync(string nest, params DiagnosticResult[] expected)
    {
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(List<int> snapshots, List<int> holds, int version)
                {
                    await Task.Yield();
                    var count = 0;
                    {{nest}}
                    return count;
                }

                void Log(int value) { }
                IEnumerable<int> Parts(int hold) => new[] { hold };
            }
            """, expected);
    }

    [Fact]
    public Task Breadth_first_walk_with_a_queue_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class Node { public List<Node> Children = new(); }
            class C
            {
                async Task<int> M(Node root)
                {
                    await Task.Yield();
                    var count = 0;
                    var queue = new Queue<Node>();
                    queue.Enqueue(root);
                    while (queue.Count > 0)
                    {
                        var node = queue.Dequeue();
                        count++;
                        foreach (var child in node.Children)
                        {
                            queue.Enqueue(child);
                        }
                    }

                    return count;
                }
            }
            """);
    }

    [Fact]
    public Task Walk_of_a_forest_with_an_explicit_stack_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class Node { public List<Node> Children = new(); }
            class C
            {
                async Task<int> M(List<Node> roots)
                {
                    await Task.Yield();
                    var count = 0;
                    var pending = new Stack<Node>();
                    foreach (var root in roots)
                    {
                        pending.Push(root);
                        while (pending.Count > 0)
                        {
                            var node = pending.Pop();
                            count++;
                            foreach (var child in node.Children)
                            {
                                pending.Push(child);
                            }
                        }
                    }

                    return count;
                }
            }
            """);
    }

    [Theory]
    [InlineData("foreach (var suffix in new[] { \".jpg\", \".png\" })")]
    [InlineData("foreach (var suffix in new string[] { \".jpg\", \".png\" })")]
    [InlineData("foreach (var suffix in literalArray)")]
    [InlineData("foreach (var suffix in literalList)")]
    [InlineData("foreach (var suffix in collectionExpression)")]
    [InlineData("for (var k = 0; k < 3; k++)")]
    public Task Nest_with_a_small_literal_inner_loop_is_not_reported(string inner)
    {
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(List<string> names)
                {
                    await Task.Yield();
                    var literalArray = new[] { ".jpg", ".png" };
                    var literalList = new List<string> { ".jpg", ".png" };
                    string[] collectionExpression = [".jpg", ".png"];
                    var count = 0;
                    foreach (var name in names)
                    {
                        {{inner}}
                        {
                            count += name.Length;
                        }
                    }

                    return count;
                }
            }
            """);
    }

    [Fact]
    public Task Nest_over_an_inline_list_initializer_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(List<string> names)
                {
                    await Task.Yield();
                    var count = 0;
                    foreach (var name in names)
                    {
                        foreach (var suffix in new List<string> { ".jpg", ".png" })
                        {
                            count += name.Length + suffix.Length;
                        }
                    }

                    return count;
                }
            }
            """);
    }

    // ---------------------------------------------------------------- does not report: spin loops are GT0005's

    [Theory]
    [InlineData("while (!_ready) { }")]
    [InlineData("while (!_ready) ;")]
    [InlineData("while (!_ready) Thread.Yield();")]
    [InlineData("while (!_ready) { Thread.SpinWait(20); }")]
    [InlineData("while (!t.IsCompleted) { }")]
    [InlineData("for (;;) { }")]
    [InlineData("while (true) { Thread.Sleep(0); }")]
    public Task Spin_loop_is_not_reported_as_a_greedy_loop(string loop)
    {
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _ready;

                async Task M(Task t)
                {
                    await Task.Yield();
                    {{loop}}
                }
            }
            """);
    }

    // ---------------------------------------------------------------- does not report: not async code

    [Fact]
    public Task Loops_in_sync_methods_are_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                void Run(CancellationToken token)
                {
                    while (!token.IsCancellationRequested) Work();
                    for (var i = 0; i < 1_000_000; i++) Work();
                    while (true) Work();
                }

                Task RunTask(int[] xs, int[] ys)
                {
                    foreach (var x in xs)
                        foreach (var y in ys)
                            Work();
                    return Task.CompletedTask;
                }

                void Work() { }
            }
            """);
    }

    [Fact]
    public Task Loops_in_sync_lambdas_and_local_functions_inside_async_code_are_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(CancellationToken token)
                {
                    await Task.Run(() =>
                    {
                        while (!token.IsCancellationRequested) Work();
                    });
                    Action a = delegate { for (;;) Work(); };
                    Func<int> f = () => { for (var i = 0; i < 1_000_000; i++) Work(); return 0; };
                    Local();
                    Static();

                    void Local()
                    {
                        while (true) Work();
                    }

                    static void Static()
                    {
                        for (;;) { Console.WriteLine(); }
                    }
                }

                void Work() { }
            }
            """);
    }

    [Fact]
    public Task Code_with_auto_generated_header_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            // <auto-generated/>
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(CancellationToken token)
                {
                    await Task.Yield();
                    while (!token.IsCancellationRequested) { }
                    while (true) { System.Console.WriteLine(); }
                }
            }
            """);
    }

    [Fact]
    public Task Code_marked_GeneratedCode_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.CodeDom.Compiler;
            using System.Threading.Tasks;
            [GeneratedCode("tool", "1.0")]
            class C
            {
                async Task M()
                {
                    await Task.Yield();
                    while (true) { System.Console.WriteLine(); }
                }
            }
            """);
    }

    [Fact]
    public Task Code_in_a_g_cs_file_is_not_reported()
    {
        var test = new VerifyCS.Test { ReferenceAssemblies = TestReferences.Net80 };
        test.TestState.Sources.Add(("/0/Worker.g.cs", """
            using System.Threading.Tasks;
            class C
            {
                async Task M()
                {
                    await Task.Yield();
                    for (;;) { System.Console.WriteLine(); }
                }
            }
            """));
        return test.RunAsync();
    }
}
