namespace GreedyTasks.Analyzers.Core;

/// <summary>The scalar GreedyTasks options in force for one syntax tree, already parsed; invalid values were replaced by their defaults.</summary>
internal sealed class TreeOptions
{
    public static readonly TreeOptions Default = new(OptionKeys.DefaultLoopIterationThreshold, OptionKeys.DefaultTaskReturningMethods);

    public TreeOptions(long loopIterationThreshold, bool taskReturningMethods)
    {
        LoopIterationThreshold = loopIterationThreshold;
        TaskReturningMethods = taskReturningMethods;
    }

    /// <summary><c>greedy_tasks.loop_iteration_threshold</c>.</summary>
    public long LoopIterationThreshold { get; }

    /// <summary><c>greedy_tasks.task_returning_methods</c>.</summary>
    public bool TaskReturningMethods { get; }
}
