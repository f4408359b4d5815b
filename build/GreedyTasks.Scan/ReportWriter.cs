using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace GreedyTasks.Scan;

/// <summary>The few shapes the report needs, in plain text or Markdown.</summary>
internal sealed class ReportWriter
{
    private readonly TextWriter output;
    private readonly bool markdown;

    public ReportWriter(TextWriter output, bool markdown)
    {
        this.output = output;
        this.markdown = markdown;
    }

    public void Heading(int level, string text)
    {
        if (markdown)
        {
            output.WriteLine($"{new string('#', level)} {text}");
        }
        else
        {
            output.WriteLine(level == 1 ? text : $"== {text} ==");
            if (level == 1)
            {
                output.WriteLine(new string('=', text.Length));
            }
        }

        output.WriteLine();
    }

    public void Paragraph(string text)
    {
        output.WriteLine(text);
        output.WriteLine();
    }

    public void Bullets(IEnumerable<string> items)
    {
        foreach (var item in items)
        {
            // Markdown: indented items keep their indentation as a nested list.
            var indent = item.Length - item.TrimStart().Length;
            output.WriteLine(markdown ? $"{new string(' ', indent)}- {Inline(item.TrimStart())}" : $"{new string(' ', indent)}- {item.TrimStart()}");
        }

        output.WriteLine();
    }

    /// <summary>Preformatted lines: as-is in text (indented), fenced in Markdown.</summary>
    public void Block(IEnumerable<string> lines)
    {
        var list = lines.ToList();
        while (list.Count > 0 && list[^1].Length == 0)
        {
            list.RemoveAt(list.Count - 1);
        }

        if (markdown)
        {
            var fence = new string('`', Math.Max(3, LongestBacktickRun(list) + 1));
            output.WriteLine(fence + "text");
            list.ForEach(output.WriteLine);
            output.WriteLine(fence);
        }
        else
        {
            list.ForEach(output.WriteLine);
        }

        output.WriteLine();
    }

    public void Table(List<string> header, List<List<string>> rows, bool firstColumnLeft)
    {
        if (markdown)
        {
            output.WriteLine("| " + string.Join(" | ", header.Select(Cell)) + " |");
            output.WriteLine("|" + string.Join("|", header.Select((_, i) => i == 0 && firstColumnLeft ? "---" : "---:")) + "|");
            foreach (var row in rows)
            {
                output.WriteLine("| " + string.Join(" | ", row.Select(Cell)) + " |");
            }
        }
        else
        {
            var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
            string Format(IReadOnlyList<string> cells) => string.Join("  ", cells.Select((c, i) => i == 0 && firstColumnLeft ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd();
            output.WriteLine(Format(header));
            output.WriteLine(string.Join("  ", widths.Select(n => new string('-', n))));
            foreach (var row in rows)
            {
                output.WriteLine(Format(row));
            }
        }

        output.WriteLine();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Inline(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '<' or '>' or '[' or ']' or '|')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static int LongestBacktickRun(IEnumerable<string> lines)
    {
        var longest = 0;
        foreach (var line in lines)
        {
            var run = 0;
            foreach (var c in line)
            {
                run = c == '`' ? run + 1 : 0;
                longest = Math.Max(longest, run);
            }
        }

        return longest;
    }
}
