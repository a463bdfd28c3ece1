namespace AiLab.Notebooks.Tests.Support;

/// <summary>
/// Tests that start notebook processes run one class at a time and alone, so that timing assertions
/// (timeouts) do not compete with the other tests for the CPU.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NotebookProcessCollection
{
    public const string Name = "notebook processes";
}
