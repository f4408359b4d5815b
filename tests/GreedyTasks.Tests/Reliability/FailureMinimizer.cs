using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GreedyTasks.Tests.Reliability;

/// <summary>
/// Simple delta debugging: shrinks a failing source by deleting chunks of lines, then chunks of tokens, keeping
/// every deletion after which the failure still reproduces. A crash found in a 300-line generated file is useless as
/// a report; the few lines that still crash are a ready-made regression test.
/// </summary>
internal static class FailureMinimizer
{
    /// <summary>Bounds the search so a failing test still finishes in reasonable time.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    public static async Task<string> MinimizeAsync(string source, Func<string, Task<bool>> stillFails)
    {
        var clock = Stopwatch.StartNew();
        var lines = source.Split('\n').ToList();
        lines = await ShrinkAsync(lines, parts => string.Join("\n", parts), stillFails, clock);
        var text = string.Join("\n", lines);
        var tokens = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens()
            .Select(t => t.ToFullString())
            .ToList();
        tokens = await ShrinkAsync(tokens, parts => string.Concat(parts), stillFails, clock);
        return string.Concat(tokens);
    }

    /// <summary>ddmin-style: try removing chunks of decreasing size until single elements cannot be removed.</summary>
    private static async Task<List<string>> ShrinkAsync(List<string> parts, Func<List<string>, string> join, Func<string, Task<bool>> stillFails, Stopwatch clock)
    {
        var chunk = Math.Max(1, parts.Count / 2);
        while (chunk >= 1 && clock.Elapsed < Budget)
        {
            var removedAny = false;
            for (var start = 0; start < parts.Count && clock.Elapsed < Budget;)
            {
                var candidate = parts.Take(start).Concat(parts.Skip(start + chunk)).ToList();
                if (candidate.Count < parts.Count && await SafeStillFailsAsync(stillFails, join(candidate)))
                {
                    parts = candidate;
                    removedAny = true;
                }
                else
                {
                    start += chunk;
                }
            }

            if (!removedAny)
            {
                if (chunk == 1)
                {
                    break;
                }

                chunk /= 2;
            }
        }

        return parts;
    }

    private static async Task<bool> SafeStillFailsAsync(Func<string, Task<bool>> stillFails, string candidate)
    {
        try
        {
            return await stillFails(candidate);
        }
        catch (Exception)
        {
            // The predicate itself throwing (outside the code under test) is not the failure being minimised.
            return false;
        }
    }
}
