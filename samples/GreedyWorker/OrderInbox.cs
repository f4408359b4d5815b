using System.Globalization;

namespace GreedyWorker;

/// <summary>
/// Reads the CSV file the shop front drops into the inbox folder. The reading code is synchronous, as importers
/// often are when they start out in a console tool and later move into an async service unchanged.
/// </summary>
public static class OrderInbox
{
    public const string Header = "id,customer,sku,quantity";

    /// <summary>The CSV text of a batch of orders, as the shop front writes it.</summary>
    public static string ToCsv(IEnumerable<Order> orders) =>
        string.Join('\n', orders.Select(o => $"{o.Id},{o.Customer},{o.Sku},{o.Quantity}").Prepend(Header)) + "\n";

    public static async Task<IReadOnlyList<Order>> ImportAsync(string path, CancellationToken cancellationToken)
    {
        // GT0003: FileStream implements DisposeAsync itself; a plain 'using' closes the file on this thread.
        // Fix: await using var stream = File.OpenRead(path);
        using var stream = File.OpenRead(path);

        // Not flagged: StreamReader is not IAsyncDisposable; disposing it only closes the stream above.
        using var reader = new StreamReader(stream);

        // GT0003: reads from the disk while holding the thread.
        // Fix: await reader.ReadLineAsync(cancellationToken)
        var header = reader.ReadLine();
        if (header != Header)
        {
            throw new InvalidDataException($"{path}: unexpected header '{header}'");
        }

        // GT0003: the rest of the file, read on the calling thread as well.
        // Fix: await reader.ReadToEndAsync(cancellationToken)
        var body = reader.ReadToEnd();
        var orders = body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Parse).ToList();

        // Not flagged: the import log is written with the async API already.
        var logLine = $"{DateTimeOffset.UtcNow:O} imported {orders.Count} orders from {Path.GetFileName(path)}\n";
        await File.AppendAllTextAsync(Path.ChangeExtension(path, ".log"), logLine, cancellationToken);

        return orders;
    }

    private static Order Parse(string line)
    {
        var fields = line.Split(',');
        return new Order(
            int.Parse(fields[0], CultureInfo.InvariantCulture),
            fields[1],
            fields[2],
            int.Parse(fields[3], CultureInfo.InvariantCulture));
    }
}
