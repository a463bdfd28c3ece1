using System.Globalization;

/// <summary>Prints the measurements as the Markdown tables of bench/README.md.</summary>
internal static class ResultTable
{
    /// <summary>A table row: the workload key, its label, how a value is shown, and the target from DESIGN.md.</summary>
    private sealed record Row(string Workload, string Label, double Scale, string Format, string Unit, string Target);

    private static readonly Row[] Rows =
    [
        new("small_op_seconds", "`add` on 4-element tensors", 1e6, "F2", "µs", ""),
        new("matmul_gflops", "1024³ float32 matmul", 1, "F1", "GFLOP/s", "near peak"),
        new("sgd_step_seconds", "linear-regression SGD step (64×8)", 1e6, "F1", "µs", ""),
        new("mlp_steps_per_second", "digits MLP training (64→128→10, batch 64, Adam)", 1, "F0", "steps/s", "≥ 1×"),
        new("cnn_steps_per_second", "digits CNN training (2 conv + linear, batch 64, Adam)", 1, "F0", "steps/s", "≥ 1×"),
        new("lstm_steps_per_second", "LSTM training (hidden 64, seq 30, batch 32, SGD)", 1, "F0", "steps/s", "≥ 1×"),
    ];

    /// <summary>Each side at its best thread count, and the ratio TorchSharp / PyTorch.</summary>
    internal static void PrintBest(BestResults torchSharp, BestResults pyTorch)
    {
        Console.WriteLine("| workload | TorchSharp (C#) | PyTorch (Python) | ratio | target |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var row in Rows)
        {
            var ours = torchSharp.Best(row.Workload);
            var theirs = pyTorch.Best(row.Workload);
            var ratio = ours is { } o && theirs is { } t
                ? (o.Value / t.Value).ToString("F2", CultureInfo.InvariantCulture) + "×" + (Measurement.IsTime(row.Workload) ? " (time)" : "")
                : "n/a";
            Console.WriteLine($"| {row.Label} | {Cell(row, ours)} | {Cell(row, theirs)} | {ratio} | {row.Target} |");
        }
    }

    /// <summary>Every thread count on both sides, to show which one each side's best came from.</summary>
    internal static void PrintPerThreadCount(BestResults torchSharp, BestResults pyTorch, IReadOnlyList<int> threadCounts)
    {
        var columns = threadCounts.Select(t => $"TorchSharp {t}t").Concat(threadCounts.Select(t => $"PyTorch {t}t"));
        Console.WriteLine($"| workload | {string.Join(" | ", columns)} |");
        Console.WriteLine($"|---|{string.Concat(Enumerable.Repeat("---|", threadCounts.Count * 2))}");
        foreach (var row in Rows)
        {
            var values = threadCounts.Select(t => torchSharp.At(row.Workload, t)).Concat(threadCounts.Select(t => pyTorch.At(row.Workload, t)));
            Console.WriteLine($"| {row.Label} | {string.Join(" | ", values.Select(v => Value(row, v)))} |");
        }
    }

    private static string Cell(Row row, (double Value, int Threads)? best) =>
        best is { } b ? $"{Value(row, b.Value)} ({b.Threads}t)" : "not run";

    private static string Value(Row row, double? value) =>
        value is { } v ? $"{(v * row.Scale).ToString(row.Format, CultureInfo.InvariantCulture)} {row.Unit}" : "not run";
}
