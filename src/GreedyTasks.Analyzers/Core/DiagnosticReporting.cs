using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GreedyTasks.Analyzers.Core;

/// <summary>
/// The one way the rules report a diagnostic (the plain <c>OperationAnalysisContext.ReportDiagnostic</c> is banned
/// elsewhere, RS0030). The rules declare <c>GeneratedCodeAnalysisFlags.ReportDiagnostics</c> without
/// <c>Analyze</c> (see <see cref="GreedyTasksAnalyzer"/>): the driver then skips generated files, members and hidden
/// regions before any callback and does not look at the reported location again. One case gets past the driver's
/// first check: an accessor of a property, indexer or event marked <c>[GeneratedCode]</c>, because the attribute sits
/// on the property, not on the accessor whose body is analyzed. That case is filtered here, the way the driver's own
/// location check would (a member declared in more than one part does not count as generated, as in the driver).
/// </summary>
internal static class DiagnosticReporting
{
    public static void ReportInHandWrittenCode(this OperationAnalysisContext context, WellKnownSymbols symbols, Diagnostic diagnostic)
    {
        if (!IsAccessorOfGeneratedMember(context.ContainingSymbol, symbols.GeneratedCodeAttribute))
        {
#pragma warning disable RS0030 // The one allowed call: every rule reports through this method.
            context.ReportDiagnostic(diagnostic);
#pragma warning restore RS0030
        }
    }

    private static bool IsAccessorOfGeneratedMember(ISymbol containingSymbol, INamedTypeSymbol? generatedCodeAttribute)
    {
        if (generatedCodeAttribute is null || containingSymbol is not IMethodSymbol { AssociatedSymbol: { } associated } || associated.DeclaringSyntaxReferences.Length > 1)
        {
            return false;
        }

        foreach (var attribute in associated.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, generatedCodeAttribute))
            {
                return true;
            }
        }

        return false;
    }
}
