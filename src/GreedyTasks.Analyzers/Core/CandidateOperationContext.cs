using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace GreedyTasks.Analyzers.Core;

/// <summary>
/// What a rule's check receives for one candidate that passed the syntactic pre-filter (<see cref="CandidateActions"/>):
/// the operation, the member it belongs to, and the syntax-node context to report through. It offers the members of
/// <see cref="OperationAnalysisContext"/> the rules use, so a rule reads as it would in an operation action.
/// </summary>
internal readonly struct CandidateOperationContext
{
    private readonly SyntaxNodeAnalysisContext _context;
    private readonly ControlFlowGraphCache _graphs;

    public CandidateOperationContext(IOperation operation, in SyntaxNodeAnalysisContext context, ControlFlowGraphCache graphs)
    {
        Operation = operation;
        _context = context;
        _graphs = graphs;
    }

    /// <summary>The candidate operation.</summary>
    public IOperation Operation { get; }

    /// <summary>The member whose body (or initializer) holds the operation, as an operation action would see it.</summary>
    public ISymbol ContainingSymbol => _context.ContainingSymbol!;

    public Compilation Compilation => _context.Compilation;

    public CancellationToken CancellationToken => _context.CancellationToken;

    public void ReportDiagnostic(Diagnostic diagnostic) => _context.ReportDiagnostic(diagnostic);

    /// <summary>The control flow graph of the member (or initializer) holding the operation, built once per analyzer and compilation.</summary>
    public ControlFlowGraph GetControlFlowGraph()
    {
        var root = Operation;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        return _graphs.GetOrCreate(root);
    }
}
