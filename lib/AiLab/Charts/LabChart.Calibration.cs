using AiLab.Metrics;
using Plotly.NET;
using static AiLab.Charts.PlotlyObjects;

namespace AiLab.Charts;

public static partial class LabChart
{
    /// <summary>
    /// Reliability diagram of several classifiers: in each non-empty bin of predicted probability, the observed
    /// fraction of positives against the mean prediction, computed by
    /// <see cref="Classification.CalibrationCurve(ReadOnlySpan{int}, ReadOnlySpan{double}, int, CalibrationStrategy, int?)"/>
    /// (scikit-learn's <c>calibration_curve</c>), over the perfectly calibrated diagonal; hover shows each bin's count.
    /// </summary>
    /// <param name="models">Name, labels (0/1) and predicted probabilities of the positive class of each model.</param>
    /// <param name="bins">Number of bins on [0, 1].</param>
    /// <param name="strategy">Equal-width or equal-count bins.</param>
    public static GenericChart Calibration(IEnumerable<(string Name, int[] Labels, double[] Probabilities)> models, int bins = 10,
        CalibrationStrategy strategy = CalibrationStrategy.Uniform)
    {
        var list = NotEmpty(models, nameof(models));
        var traces = new List<Trace>
        {
            Trace("scatter", ("x", new[] { 0.0, 1.0 }), ("y", new[] { 0.0, 1.0 }), ("name", "perfectly calibrated"), ("mode", "lines"),
                ("line", LineStyle(("color", ChartColors.Reference), ("width", 1.5), ("dash", "dash"))), ("hoverinfo", "skip")),
        };
        for (var i = 0; i < list.Length; i++)
        {
            var (name, labels, probabilities) = list[i];
            var curve = Classification.CalibrationCurve(labels, probabilities, bins, strategy);
            traces.Add(Trace("scatter", ("x", curve.ProbPred), ("y", curve.ProbTrue), ("name", name), ("mode", "lines+markers"),
                ("line", LineStyle(("color", ChartColors.Series(i)))), ("marker", Marker(("size", 7), ("color", ChartColors.Series(i)))),
                ("customdata", curve.Counts),
                ("hovertemplate", $"{name}<br>mean prediction %{{x:.3f}}<br>fraction positive %{{y:.3f}}<br>%{{customdata}} samples<extra></extra>")));
        }
        return Chart(traces, Layout(
            ("title", Title("Calibration (reliability diagram)")),
            ("xaxis", AxisTitled("Mean predicted probability", ("range", new[] { -0.01, 1.01 }))),
            ("yaxis", AxisTitled("Fraction of positives", ("range", new[] { -0.01, 1.01 }), ("scaleanchor", "x"))),
            ("legend", Legend(("x", 0.02), ("xanchor", "left"), ("y", 0.98), ("yanchor", "top"))),
            ("width", 640), ("height", 560)));
    }

    /// <summary>Reliability diagram of one classifier (see <see cref="Calibration(IEnumerable{ValueTuple{string, int[], double[]}}, int, CalibrationStrategy)"/>).</summary>
    public static GenericChart Calibration(int[] labels, double[] probabilities, string name = "model", int bins = 10,
        CalibrationStrategy strategy = CalibrationStrategy.Uniform) =>
        Calibration([(name, labels, probabilities)], bins, strategy);
}
