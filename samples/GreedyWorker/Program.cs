// GreedyWorker: an order-processing worker that shows what the GreedyTasks analyzers flag.
//
// Build it and read the warnings:
//   dotnet build samples/GreedyWorker/GreedyWorker.csproj --no-incremental
// Every flagged line carries a "GT0001" … "GT0006" comment with the fix the IDE offers, or why there is none;
// lines marked "Not flagged" are correct as written and show what the analyzers deliberately leave alone.
//
// These top-level statements contain 'await', so they are async code themselves.
using GreedyWorker;

// Safety net: whatever happens, the demo gives up after ten seconds.
using var shutdown = new CancellationTokenSource(TimeSpan.FromSeconds(10));
var outputDirectory = Path.Combine(Path.GetTempPath(), "greedyworker");

// Not flagged: Task.FromResult is complete before anyone reads it (a stand-in for a settings provider).
var workerCount = Task.FromResult(2).Result;

// The shop front drops today's orders into the inbox as a CSV file.
var inboxFile = Path.Combine(outputDirectory, "inbox", "orders.csv");
Directory.CreateDirectory(Path.GetDirectoryName(inboxFile)!);

// GT0003: writes the file while holding the main flow's thread.
// Fix: await File.WriteAllTextAsync(inboxFile, OrderInbox.ToCsv(SampleData.Orders()))
File.WriteAllText(inboxFile, OrderInbox.ToCsv(SampleData.Orders()));

var orders = await OrderInbox.ImportAsync(inboxFile, shutdown.Token);
var queue = new OrderQueue();

// Not flagged by GT0004: a single pass over a list of eight orders.
foreach (var order in orders)
{
    queue.Enqueue(order);
}

queue.Complete();

var prices = new PriceCache();
await prices.WarmUpAsync(orders.Select(o => o.Sku), shutdown.Token);

var ledger = new Ledger();
var worker = new OrderWorker(queue, prices, ledger);

// A dedicated heartbeat thread. Not flagged: the lambda is synchronous and owns its thread, so sleeping
// there holds up no one else.
using var stopHeartbeat = new CancellationTokenSource();
var heartbeatStarted = false;
var heartbeat = new Thread(() =>
{
    heartbeatStarted = true;

    // Not flagged by GT0004 either: the same synchronous lambda.
    while (!stopHeartbeat.IsCancellationRequested)
    {
        Thread.Sleep(100);
        Console.WriteLine($"heartbeat: {ledger.Count} orders processed");
    }
})
{ IsBackground = true, Name = "heartbeat" };
heartbeat.Start();

// GT0005: waits for the heartbeat thread to come up by spinning the main flow's thread.
// Fix: while (!heartbeatStarted) { await Task.Delay(1); }
SpinWait.SpinUntil(() => heartbeatStarted);

var loops = Enumerable.Range(1, workerCount).Select(i => worker.RunAsync($"worker-{i}", shutdown.Token)).ToArray();

// GT0001: the shutdown path blocks the main flow until every loop has finished.
// Fix: await Task.WhenAll(loops)
Task.WaitAll(loops);
stopHeartbeat.Cancel();

// GT0006: waits for the heartbeat thread to print its last line by holding the main flow's thread until the
// thread ends (here at most one 100 ms beat).
// No fix: a thread has no awaitable Join. Let the thread complete a TaskCompletionSource as its last statement
// and await that task, or run the heartbeat with Task.Factory.StartNew(..., TaskCreationOptions.LongRunning) and
// await the task it returns.
heartbeat.Join();

// The cache upkeep runs for as long as the heartbeat does. It is started only now, when its token is already
// cancelled, so that the demo can exit: see Housekeeping.cs for what its loop would do in a real service.
await new Housekeeping(prices, Path.Combine(outputDirectory, "housekeeping.log")).RunAsync(stopHeartbeat.Token);

var report = new ReportWriter(outputDirectory);
var reportPath = await report.WriteAsync(ledger.Snapshot(), shutdown.Token);
Console.WriteLine($"report written to {reportPath}");

// The audit log gets two seconds to flush; after that the worker exits without it.
var flush = AuditLog.FlushAsync(Path.Combine(outputDirectory, "audit.log"), ledger.Snapshot(), shutdown.Token);

// GT0001 without a fix: the bool result is used. 'await flush.WaitAsync(...)' would throw
// TimeoutException instead of returning false, so no rewrite keeps the meaning of this code.
if (!flush.Wait(TimeSpan.FromSeconds(2)))
{
    Console.WriteLine("audit log: flush timed out");
}

var exitCode = flush.IsFaulted ? 1 : 0;
Console.WriteLine($"done, exit code {exitCode}");
return exitCode;
