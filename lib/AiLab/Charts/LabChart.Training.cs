using Plotly.NET;
using static AiLab.Charts.PlotlyObjects;

namespace AiLab.Charts;

public static partial class LabChart
{
    /// <summary>Training (solid) and validation (dashed) loss of one run per epoch; <paramref name="logY"/> for a log scale.</summary>
    public static GenericChart LossCurves(double[] train, double[]? validation = null, bool logY = false) =>
        LossCurves([("", train, validation)], logY);

    /// <summary>
    /// Training losses of several runs (variants, learning rates, seeds): one colour per run, training solid and
    /// validation dashed, each run's minimum validation loss starred. Runs may have different lengths; epochs count from 1.
    /// </summary>
    public static GenericChart LossCurves(IEnumerable<(string Name, double[] Train, double[]? Validation)> runs, bool logY = false)
    {
        var list = NotEmpty(runs, nameof(runs));
        var traces = new List<Trace>();
        for (var i = 0; i < list.Length; i++)
        {
            var (name, train, validation) = list[i];
            ArgumentNullException.ThrowIfNull(train, nameof(runs));
            var color = ChartColors.Series(i);
            var prefix = string.IsNullOrEmpty(name) ? "" : name + " ";
            var group = string.IsNullOrEmpty(name) ? $"run {i}" : name;
            traces.Add(Trace("scatter", ("x", Steps(train.Length)), ("y", Finite(train)), ("name", prefix + "train"), ("mode", LineMode(train.Length)),
                ("line", LineStyle(("color", color))), ("marker", Marker(("size", 5), ("color", color))), ("legendgroup", group),
                ("hovertemplate", $"{prefix}train<br>epoch %{{x}}: %{{y:.4g}}<extra></extra>")));
            if (validation is null || validation.Length == 0) continue;
            traces.Add(Trace("scatter", ("x", Steps(validation.Length)), ("y", Finite(validation)), ("name", prefix + "validation"),
                ("mode", LineMode(validation.Length)), ("line", LineStyle(("color", color), ("dash", "dash"))),
                ("marker", Marker(("size", 5), ("color", color), ("symbol", "circle-open"))), ("legendgroup", group),
                ("hovertemplate", $"{prefix}validation<br>epoch %{{x}}: %{{y:.4g}}<extra></extra>")));
            var finite = Enumerable.Range(0, validation.Length).Where(e => double.IsFinite(validation[e])).ToArray();
            if (finite.Length == 0) continue;
            var best = finite.MinBy(e => validation[e]);
            traces.Add(Trace("scatter", ("x", new[] { best + 1.0 }), ("y", new[] { validation[best] }), ("name", prefix + "best validation"),
                ("mode", "markers"), ("marker", Marker(("size", 12), ("color", color), ("symbol", "star"))), ("showlegend", false), ("legendgroup", group),
                ("hovertemplate", $"{prefix}lowest validation loss<br>epoch %{{x}}: %{{y:.4g}}<extra></extra>")));
        }
        return Chart(traces, Layout(
            ("title", Title(list.Any(r => r.Validation is { Length: > 0 }) ? "Training and validation loss" : "Training loss")),
            ("xaxis", AxisTitled("epoch")),
            ("yaxis", AxisTitled("loss", ("type", logY ? "log" : null)))));
    }
}
