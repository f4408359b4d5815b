using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace GreedyTasks.Analyzers.Core;

/// <summary>
/// What <c>await Task.WhenAny(…)</c> proves: the task it returns has completed, so has a task compared equal to that
/// winner, and, when it raced exactly two tasks, so has the one that is not the winner's rival:
/// <code>
/// var done = await Task.WhenAny(load, delay);
/// if (done == delay) throw new TimeoutException();
/// return load.Result;   // load won
/// </code>
/// </summary>
internal static partial class CompletedTaskAnalysis
{
    private readonly partial struct PathCheck
    {
        private PathCheck(ISymbol winner, ISymbol task, ISymbol rival, WellKnownSymbols symbols, ControlFlowGraph graph)
            : this(winner, isCollection: false, ElementIndex.None, taskType: null, symbols, graph, root: null)
        {
            _task = task;
            _rival = rival;
        }

        /// <summary>
        /// The <c>Task.WhenAny(…)</c> call whose result <paramref name="value"/> awaits, also through
        /// <c>.ConfigureAwait(…)</c> or <c>.WaitAsync(…)</c>, which pass that result through unchanged; otherwise null.
        /// </summary>
        private IInvocationOperation? AwaitedWhenAny(IOperation value)
        {
            if (Captured(value)?.WalkDownConversion() is not IAwaitOperation await)
            {
                return null;
            }

            var awaited = await.Operation.WalkDownConversion();
            while (awaited is IInvocationOperation { TargetMethod: { IsStatic: false, Name: "ConfigureAwait" or "WaitAsync" } wrapper, Instance: { } instance }
                   && IsTaskOrValueTaskType(wrapper.ContainingType, _symbols))
            {
                awaited = instance.WalkDownConversion();
            }

            return awaited is IInvocationOperation { TargetMethod: { IsStatic: true, Name: "WhenAny" } whenAny } invocation
                && SymbolEqualityComparer.Default.Equals(whenAny.ContainingType, _symbols.Task)
                ? invocation
                : null;
        }

        /// <summary>
        /// <c>winner == t</c> (or <c>!=</c>), where <c>winner</c> is known to be complete at the comparison: what
        /// <c>await Task.WhenAny(…)</c> returned, directly or through a local. Equal references are the same task.
        /// </summary>
        private bool IsSameAsCompleteTask(IBinaryOperation comparison)
        {
            if (!CanCompareWinners(comparison))
            {
                return false;
            }

            if (IsTrackedTask(comparison.LeftOperand))
            {
                return IsKnownCompleteAt(comparison.RightOperand, comparison);
            }

            return IsTrackedTask(comparison.RightOperand) && IsKnownCompleteAt(comparison.LeftOperand, comparison);
        }

        /// <summary>
        /// <c>winner == rival</c> (or <c>!=</c>), where <c>winner</c> is what <c>await Task.WhenAny(t, rival)</c> returned
        /// for the tracked task <c>t</c> and one other task: WhenAny returns one of the tasks it was given, so when the
        /// winner is not the rival, it is <c>t</c>.
        /// </summary>
        private bool IsRivalOfWinner(IBinaryOperation comparison)
        {
            if (!CanCompareWinners(comparison) || _element.IsKnown || _isCollection)
            {
                return false;
            }

            return IsWinnerAgainst(comparison.LeftOperand, comparison.RightOperand, comparison)
                || IsWinnerAgainst(comparison.RightOperand, comparison.LeftOperand, comparison);
        }

        private bool CanCompareWinners(IBinaryOperation comparison) =>
            _root is not null && _rival is null && !_isValueTask && comparison.OperatorMethod is null;

        private bool IsKnownCompleteAt(IOperation other, IBinaryOperation comparison)
        {
            if (AwaitedWhenAny(other) is not null)
            {
                return true;
            }

            if (Captured(other).ReferencedLocalOrParameter() is not { } variable
                || SymbolEqualityComparer.Default.Equals(variable, _symbol)
                || IsWrittenInAnotherFunction(variable, _root!))
            {
                return false;
            }

            return new PathCheck(variable, isCollection: false, ElementIndex.None, TypeOf(variable), _symbols, _graph, root: null).IsCompleteAt(comparison.Syntax);
        }

        private bool IsWinnerAgainst(IOperation winner, IOperation rival, IBinaryOperation comparison)
        {
            if (Captured(rival).ReferencedLocalOrParameter() is not { } rivalVariable
                || SymbolEqualityComparer.Default.Equals(rivalVariable, _symbol))
            {
                return false;
            }

            // if (await Task.WhenAny(t, delay) == delay): the race and the comparison are one expression.
            if (AwaitedWhenAny(winner) is { } whenAny)
            {
                return RacesExactly(whenAny, _symbol, rivalVariable);
            }

            if (Captured(winner).ReferencedLocalOrParameter() is not { } winnerVariable
                || SymbolEqualityComparer.Default.Equals(winnerVariable, _symbol)
                || SymbolEqualityComparer.Default.Equals(winnerVariable, rivalVariable)
                || IsWrittenInAnotherFunction(winnerVariable, _root!)
                || IsWrittenInAnotherFunction(rivalVariable, _root!))
            {
                return false;
            }

            return new PathCheck(winnerVariable, _symbol, rivalVariable, _symbols, _graph).IsCompleteAt(comparison.Syntax);
        }

        /// <summary>
        /// For a winner check: the winner variable assigned what <c>await Task.WhenAny(task, rival)</c> returned proves
        /// it (<see cref="Effect.Completes"/> stands for "proven" here); any other write to it, or a write to either task
        /// variable, undoes it.
        /// </summary>
        private Effect WinnerEffectOf(IOperation operation)
        {
            if (WritesSymbol(operation, out var written))
            {
                return written is not null && IsRace(written) ? Effect.Completes : Effect.Reassigns;
            }

            if (operation is IVariableDeclaratorOperation declarator)
            {
                return IsRacer(declarator.Symbol) ? Effect.Reassigns : Effect.None;
            }

            return operation.Writes(_symbol) || operation.Writes(_task!) || operation.Writes(_rival!) ? Effect.Reassigns : Effect.None;
        }

        private bool IsRace(IOperation value) => AwaitedWhenAny(value) is { } whenAny && RacesExactly(whenAny, _task!, _rival!);

        private bool IsRacer(ISymbol symbol) =>
            SymbolEqualityComparer.Default.Equals(symbol, _task) || SymbolEqualityComparer.Default.Equals(symbol, _rival);

        /// <summary>
        /// True when <paramref name="whenAny"/> is given exactly the two tasks, as two arguments or as the two elements
        /// of an array written at the call.
        /// </summary>
        private bool RacesExactly(IInvocationOperation whenAny, ISymbol first, ISymbol second)
        {
            var racers = new List<ISymbol?>(2);
            foreach (var argument in whenAny.Arguments)
            {
                if (argument.WrittenCollectionElements() is { } elements)
                {
                    foreach (var element in elements)
                    {
                        racers.Add(Captured(element).ReferencedLocalOrParameter());
                    }
                }
                else
                {
                    racers.Add(Captured(argument.Value).ReferencedLocalOrParameter());
                }
            }

            return racers.Count == 2
                && ((SymbolEqualityComparer.Default.Equals(racers[0], first) && SymbolEqualityComparer.Default.Equals(racers[1], second))
                    || (SymbolEqualityComparer.Default.Equals(racers[0], second) && SymbolEqualityComparer.Default.Equals(racers[1], first)));
        }

        private static ITypeSymbol? TypeOf(ISymbol variable) => variable switch
        {
            ILocalSymbol local => local.Type,
            IParameterSymbol parameter => parameter.Type,
            _ => null,
        };
    }
}
