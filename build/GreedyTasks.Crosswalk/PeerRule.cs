namespace GreedyTasks.Crosswalk;

/// <summary>A peer rule the crosswalk compares with GreedyTasks, and the package (short name of PeerAnalyzers.props) that ships it.</summary>
internal sealed record PeerRule(string Id, string Package)
{
    /// <summary>
    /// The rules of the issue, in the order the report lists them. EPC33/EPC35 (ErrorProne.NET.CoreAnalyzers) are
    /// not here: that package is not on the machine's NuGet mirror, so docs/crosswalk.md describes them unmeasured.
    /// </summary>
    public static PeerRule[] All { get; } =
    {
        new("VSTHRD002", "vs-threading"),
        new("VSTHRD103", "vs-threading"),
        new("CA1849", "NetAnalyzers"),
        new("MA0042", "Meziantou"),
        new("MA0045", "Meziantou"),
        new("AsyncFixer02", "AsyncFixer"),
        new("S4462", "Sonar"),
        new("S6966", "Sonar"),
    };
}
