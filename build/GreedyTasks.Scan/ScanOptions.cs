using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace GreedyTasks.Scan;

/// <summary>How the synthetic <c>global using</c> file of the SDK's implicit usings is added to a folder's compilation.</summary>
internal enum ImplicitUsingsMode
{
    /// <summary>Added when a project or props file in the folder turns <c>ImplicitUsings</c> on.</summary>
    Auto,
    On,
    Off,
}

/// <summary>The parsed command line.</summary>
internal sealed class ScanOptions
{
    public const string Usage = """
        Usage: dotnet run --project build/GreedyTasks.Scan -c Release -- <folder> [<folder>...] [options]

        Runs every GreedyTasks analyzer over the *.cs files under each folder (one compilation per folder)
        and prints the diagnostics, a summary table and, on request, a random sample to check by hand.

        Options:
          --id <ID>                      Only list and sample this rule (repeatable). The summary counts every rule.
          --sample <N>                   Print a deterministic random sample of N diagnostics (of the --id rules),
                                         each with context lines.
          --seed <S>                     Seed of the sample (default 1).
          --context <K>                  Print K lines before and after each listed diagnostic (default 0;
                                         the sample uses 3 when this is 0).
          --no-list                      Do not list every diagnostic; print only the summary (and the sample).
          --editorconfig-option <k=v>    An analyzer option, given to the analyzers as a global (.globalconfig)
                                         option (repeatable). dotnet_diagnostic.<ID>.severity=<level> also sets
                                         the rule's severity in the compilation.
          --define <SYMBOL>              An extra preprocessor symbol (repeatable).
          --implicit-usings <auto|on|off> Add the SDK's implicit global usings (default auto: when a *.csproj or
                                         *.props file in the folder enables ImplicitUsings).
          --check-fixes                  Also apply every code fix to the diagnostics of the --id rules (else of
                                         all rules), one by one and with Fix All per document, and report each fix
                                         after which the changed document has a compiler error or warning it did
                                         not have before.
          --out <report.md>              Also write the report as Markdown to this file.
          -h, --help                     Show this text.

        Exit code: 0, or 3 when an analyzer threw an exception, 4 when a code fix added a compiler error (with
        --check-fixes), 2 on wrong arguments, 1 when no reference pack of the .NET SDK is found.
        """;

    private static readonly char[] ListSeparators = { ';', ',' };

    public List<string> Folders { get; } = new();

    public SortedSet<string> Ids { get; } = new(StringComparer.OrdinalIgnoreCase);

    public int? Sample { get; private set; }

    public int Seed { get; private set; } = 1;

    public int Context { get; private set; }

    public bool NoList { get; private set; }

    public bool CheckFixes { get; private set; }

    /// <summary>Analyzer options in the order given; a later value of the same key wins.</summary>
    public SortedDictionary<string, string> EditorConfig { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<string> Defines { get; } = new();

    public ImplicitUsingsMode ImplicitUsings { get; private set; } = ImplicitUsingsMode.Auto;

    public string? OutPath { get; private set; }

    public bool Help { get; private set; }

    /// <summary>Parses <paramref name="args"/>; returns false with a message when they are wrong.</summary>
    public static bool TryParse(string[] args, out ScanOptions options, out string? error)
    {
        options = new ScanOptions();
        error = null;
        var onlyFolders = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (onlyFolders || !arg.StartsWith('-'))
            {
                options.Folders.Add(arg);
                continue;
            }

            if (arg == "--")
            {
                onlyFolders = true;
                continue;
            }

            // --name=value is accepted as well as --name value.
            string name = arg;
            string? inlineValue = null;
            var equals = arg.IndexOf('=');
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                name = arg[..equals];
                inlineValue = arg[(equals + 1)..];
            }

            string? value = null;
            bool NextValue(out string? message)
            {
                message = null;
                if (inlineValue is not null)
                {
                    value = inlineValue;
                    return true;
                }

                if (i + 1 >= args.Length)
                {
                    message = $"{name} needs a value";
                    return false;
                }

                value = args[++i];
                return true;
            }

            switch (name)
            {
                case "-h" or "--help":
                    options.Help = true;
                    break;
                case "--no-list":
                    options.NoList = true;
                    break;
                case "--check-fixes":
                    options.CheckFixes = true;
                    break;
                case "--id":
                    if (!NextValue(out error))
                    {
                        return false;
                    }

                    foreach (var id in value!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        options.Ids.Add(id.ToUpperInvariant());
                    }

                    break;
                case "--sample":
                    if (!NextValue(out error) || !TryNonNegative(name, value!, out var sample, out error))
                    {
                        return false;
                    }

                    options.Sample = sample;
                    break;
                case "--seed":
                    if (!NextValue(out error))
                    {
                        return false;
                    }

                    if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed))
                    {
                        error = $"--seed expects an integer, not '{value}'";
                        return false;
                    }

                    options.Seed = seed;
                    break;
                case "--context":
                    if (!NextValue(out error) || !TryNonNegative(name, value!, out var context, out error))
                    {
                        return false;
                    }

                    options.Context = context;
                    break;
                case "--editorconfig-option":
                    if (!NextValue(out error))
                    {
                        return false;
                    }

                    var separator = value!.IndexOf('=');
                    if (separator <= 0)
                    {
                        error = $"--editorconfig-option expects key=value, not '{value}'";
                        return false;
                    }

                    options.EditorConfig[value[..separator].Trim()] = value[(separator + 1)..].Trim();
                    break;
                case "--define":
                    if (!NextValue(out error))
                    {
                        return false;
                    }

                    options.Defines.AddRange(value!.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case "--implicit-usings":
                    if (!NextValue(out error))
                    {
                        return false;
                    }

                    switch (value!.ToLowerInvariant())
                    {
                        case "auto":
                            options.ImplicitUsings = ImplicitUsingsMode.Auto;
                            break;
                        case "on":
                            options.ImplicitUsings = ImplicitUsingsMode.On;
                            break;
                        case "off":
                            options.ImplicitUsings = ImplicitUsingsMode.Off;
                            break;
                        default:
                            error = $"--implicit-usings expects auto, on or off, not '{value}'";
                            return false;
                    }

                    break;
                case "--out":
                    if (!NextValue(out error))
                    {
                        return false;
                    }

                    options.OutPath = value;
                    break;
                default:
                    error = $"unknown option '{arg}'";
                    return false;
            }

            if (inlineValue is not null && value is null)
            {
                error = $"{name} takes no value";
                return false;
            }
        }

        if (options.Help)
        {
            return true;
        }

        if (options.Folders.Count == 0)
        {
            error = "no folder given";
            return false;
        }

        foreach (var folder in options.Folders)
        {
            if (!Directory.Exists(folder))
            {
                error = $"folder not found: {folder}";
                return false;
            }
        }

        return true;
    }

    private static bool TryNonNegative(string name, string value, out int result, out string? error)
    {
        error = null;
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out result) && result >= 0)
        {
            return true;
        }

        error = $"{name} expects a whole number >= 0, not '{value}'";
        return false;
    }
}
