using System;
using System.Collections.Generic;

namespace GreedyTasks.Benchmarks;

/// <summary>
/// The p95 of one set's IDE runs minus another's, with a 95% confidence interval from a paired bootstrap over rounds.
/// </summary>
/// <remarks>
/// The IDE target compares two tails, and a p95 of a few hundred runs on a noisy machine moves by several milliseconds
/// from one process run to the next. Without an interval a "missed by 2 ms" cannot be told from noise. Rounds are
/// resampled whole (both sets' runs of a round stay together), because the sets of one round ran on the same machine
/// state; each resample's p95 difference is one draw, and the interval is the 2.5th and 97.5th percentile of the draws.
/// The seed is fixed, so the same timings always give the same interval.
/// </remarks>
internal static class P95Difference
{
    private const int Resamples = 2000;

    /// <summary>The p95 as the benchmark reports it: the value at rank ⌈0.95·n⌉ of the sorted runs.</summary>
    public static double Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = new double[values.Count];
        for (var i = 0; i < sorted.Length; i++)
        {
            sorted[i] = values[i];
        }

        Array.Sort(sorted);
        return AtRank(sorted);
    }

    /// <summary><c>p95(first) − p95(second)</c> and its 95% interval; the lists are the two sets' runs, round by round.</summary>
    public static (double Difference, double Low, double High) WithInterval(IReadOnlyList<double> first, IReadOnlyList<double> second)
    {
        var rounds = Math.Min(first.Count, second.Count);
        if (rounds == 0)
        {
            return (0, 0, 0);
        }

        var difference = Of(first) - Of(second);
        var random = new Random(20261207);
        var a = new double[rounds];
        var b = new double[rounds];
        var draws = new double[Resamples];
        for (var draw = 0; draw < Resamples; draw++)
        {
            for (var i = 0; i < rounds; i++)
            {
                var round = random.Next(rounds);
                a[i] = first[round];
                b[i] = second[round];
            }

            Array.Sort(a);
            Array.Sort(b);
            draws[draw] = AtRank(a) - AtRank(b);
        }

        Array.Sort(draws);
        return (difference, draws[(int)(0.025 * Resamples)], draws[(int)(0.975 * Resamples) - 1]);
    }

    private static double AtRank(double[] sorted) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(0.95 * sorted.Length) - 1)];
}
