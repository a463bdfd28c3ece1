namespace AiLab.Charts;

public static partial class Chart
{
    /// <summary>Training (solid) and validation (dashed) loss of one run per epoch; <paramref name="logY"/> for a log scale.</summary>
    public static Figure LossCurves(double[] train, double[]? validation = null, bool logY = false) =>
        LossCurves([("", train, validation)], logY);

    /// <summary>
    /// Loss curves of several runs (variants, learning rates, seeds): one colour per run, training solid and
    /// validation dashed, each run's minimum validation loss marked. Runs may have different lengths.
    /// Epochs count from 1; use <c>.WithXAxis("step")</c> for other units.
    /// </summary>
    public static Figure LossCurves(IEnumerable<(string Name, double[] Train, double[]? Validation)> runs, bool logY = false)
    {
        var list = NotEmpty(runs, nameof(runs));
        var traces = new List<Trace>();
        for (var i = 0; i < list.Length; i++)
        {
            var (name, train, validation) = list[i];
            ArgumentNullException.ThrowIfNull(train, nameof(runs));
            var color = Theme.Color(i);
            var prefix = string.IsNullOrEmpty(name) ? "" : name + " ";
            traces.Add(Trace.Scatter(Steps(train.Length), train, name: prefix + "train", mode: LineMode(train.Length), color: color,
                markerSize: 5, legendGroup: name, hoverTemplate: $"{prefix}train<br>epoch %{{x}}: %{{y:.4g}}<extra></extra>"));
            if (validation is null || validation.Length == 0) continue;
            traces.Add(Trace.Scatter(Steps(validation.Length), validation, name: prefix + "validation", mode: LineMode(validation.Length),
                color: color, dash: Dash.Dash, markerSize: 5, markerSymbol: "circle-open", legendGroup: name,
                hoverTemplate: $"{prefix}validation<br>epoch %{{x}}: %{{y:.4g}}<extra></extra>"));
            var best = Enumerable.Range(0, validation.Length).Where(e => double.IsFinite(validation[e]))
                .DefaultIfEmpty(-1).MinBy(e => e < 0 ? 0 : validation[e]);
            if (best >= 0)
                traces.Add(Trace.Scatter(new[] { best + 1.0 }, new[] { validation[best] }, name: prefix + "best validation",
                    mode: ScatterMode.Markers, color: color, markerSize: 12, markerSymbol: "star", showLegend: false, legendGroup: name,
                    hoverTemplate: $"{prefix}lowest validation loss<br>epoch %{{x}}: %{{y:.4g}}<extra></extra>"));
        }
        return new Figure(traces)
            .WithTitle(list.Any(r => r.Validation is not null) ? "Training and validation loss" : "Training loss")
            .WithXAxis("epoch")
            .WithYAxis("loss", type: logY ? AxisType.Log : null)
            .WithLegend(LegendPosition.Right);
    }
}
