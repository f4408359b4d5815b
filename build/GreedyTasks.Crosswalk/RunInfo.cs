using System;
using System.Collections.Generic;

namespace GreedyTasks.Crosswalk;

/// <summary>How a crosswalk run was made, printed at the top of the report so its numbers can be reproduced.</summary>
internal sealed record RunInfo(
    string Command,
    DateTime StartedUtc,
    TimeSpan Elapsed,
    string Host,
    string References,
    IReadOnlyList<string> Packages,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> LoadProblems,
    IReadOnlyList<string> AnalyzerFailures);
