using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace GreedyTasks.Analyzers.Core;

/// <summary>One control flow graph per operation root (a member body or initializer), kept as long as the root is alive.</summary>
internal sealed class ControlFlowGraphCache
{
    private readonly ConditionalWeakTable<IOperation, ControlFlowGraph> _graphs = new();

    public ControlFlowGraph GetOrCreate(IOperation root) => _graphs.GetValue(root, Create);

    private static ControlFlowGraph Create(IOperation root) => root switch
    {
        IMethodBodyOperation body => ControlFlowGraph.Create(body),
        IConstructorBodyOperation body => ControlFlowGraph.Create(body),
        IBlockOperation block => ControlFlowGraph.Create(block),
        IFieldInitializerOperation initializer => ControlFlowGraph.Create(initializer),
        IPropertyInitializerOperation initializer => ControlFlowGraph.Create(initializer),
        IParameterInitializerOperation initializer => ControlFlowGraph.Create(initializer),
        _ => ControlFlowGraph.Create(root.Syntax, root.SemanticModel!)!,
    };
}
