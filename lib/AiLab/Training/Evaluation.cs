namespace AiLab.Training;

/// <summary>Loss and metrics of a model over a dataset (<see cref="Trainer.Evaluate"/>).</summary>
/// <param name="Loss">Sample-weighted mean of the batch losses.</param>
/// <param name="Metrics">Each metric over all outputs.</param>
public sealed record Evaluation(double Loss, IReadOnlyDictionary<string, double> Metrics);
