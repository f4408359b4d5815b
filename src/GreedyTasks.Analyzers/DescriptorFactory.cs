using Microsoft.CodeAnalysis;

namespace GreedyTasks.Analyzers;

/// <summary>
/// The only place that constructs <see cref="DiagnosticDescriptor"/> (the raw constructor is banned elsewhere
/// through BannedSymbols.txt), so every rule gets the same category, a default severity and a help link that
/// points at its page under docs/rules.
/// </summary>
internal static class DescriptorFactory
{
    /// <summary>The category every GreedyTasks rule belongs to: greedy tasks starve threads, freeze UIs and deadlock.</summary>
    public const string Category = "Reliability";

    /// <summary>Where the rule pages live; a consistency test checks that each link resolves to a file in docs/rules.</summary>
    public const string HelpLinkBase = "https://github.com/greedytasks/greedytasks/blob/main/docs/rules/";

    public static DiagnosticDescriptor Create(string id, string title, string messageFormat, string description, DiagnosticSeverity defaultSeverity = DiagnosticSeverity.Warning, params string[] customTags)
    {
#pragma warning disable RS0030 // This factory is the single sanctioned caller of the constructor.
        return new DiagnosticDescriptor(
            id,
            title,
            messageFormat,
            Category,
            defaultSeverity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: HelpLinkUri(id),
            customTags: customTags);
#pragma warning restore RS0030
    }

    public static string HelpLinkUri(string id) => HelpLinkBase + id + ".md";
}
