using AiLab.Explain;
using Plotly.NET;
using static AiLab.Charts.PlotlyObjects;

namespace AiLab.Charts;

public static partial class LabChart
{
    /// <summary>SHAP red (pushes the output up) and blue (pushes it down), as the shap library draws them.</summary>
    private const string ShapPositive = "#ff0051", ShapNegative = "#008bfb";

    /// <summary>
    /// Global feature importance: mean |φ| per feature over the samples, largest on top. With more than
    /// <paramref name="maxDisplay"/> features the rest are summed into one "N other features" bar.
    /// </summary>
    /// <param name="shapValues">φ[sample, feature].</param>
    /// <param name="featureNames">One name per feature (column).</param>
    /// <param name="maxDisplay">Bars shown, including the "other features" bar.</param>
    public static GenericChart ShapBar(double[,] shapValues, string[] featureNames, int maxDisplay = 15)
    {
        RequireShapShape(shapValues, featureNames, maxDisplay);
        var importance = MeanAbsolute(shapValues);
        var (shown, others) = TopFeatures(importance, maxDisplay);
        var labels = shown.Select(f => featureNames[f]).ToList();
        var values = shown.Select(f => importance[f]).ToList();
        if (others.Length > 0)
        {
            labels.Add($"{others.Length} other features");
            values.Add(others.Sum(f => importance[f]));
        }
        var bars = Trace("bar", ("x", values.ToArray()), ("y", labels.ToArray()), ("orientation", "h"), ("marker", Marker(("color", ShapPositive))),
            ("text", values.Select(v => Format(v, "0.###")).ToArray()), ("textposition", "outside"), ("cliponaxis", false),
            ("hovertemplate", "%{y}: mean |SHAP| %{x:.4g}<extra></extra>"));
        return Chart([bars], Layout(
            ("title", Title("Feature importance (mean |SHAP value|)")),
            ("xaxis", AxisTitled("mean |SHAP value| (average impact on model output)")),
            ("yaxis", AxisTitled(null, ("type", "category"), ("autorange", "reversed"), ("showgrid", false))),
            ("margin", new Plotly.NET.LayoutObjects.Margin().With(("r", 70))),
            ("height", 140 + 30 * labels.Count)));
    }

    /// <summary>
    /// SHAP summary (beeswarm): one row per feature, ordered by mean |φ| (largest on top); each dot is one sample
    /// at its φ, spread vertically where samples crowd, coloured by the feature's value (blue low → red high, scaled
    /// between that feature's 5th and 95th percentiles; grey where the value is missing).
    /// </summary>
    /// <param name="shapValues">φ[sample, feature].</param>
    /// <param name="featureValues">The explained inputs x[sample, feature], same shape.</param>
    /// <param name="featureNames">One name per feature (column).</param>
    /// <param name="maxDisplay">Rows shown: the features with the largest mean |φ|.</param>
    public static GenericChart ShapBeeswarm(double[,] shapValues, double[,] featureValues, string[] featureNames, int maxDisplay = 15)
    {
        RequireShapShape(shapValues, featureNames, maxDisplay);
        if (featureValues.GetLength(0) != shapValues.GetLength(0) || featureValues.GetLength(1) != shapValues.GetLength(1))
            throw new ArgumentException($"featureValues is {featureValues.GetLength(0)}×{featureValues.GetLength(1)} but shapValues is {shapValues.GetLength(0)}×{shapValues.GetLength(1)}.", nameof(featureValues));
        var (shown, _) = TopFeatures(MeanAbsolute(shapValues), maxDisplay, summarizeRest: false);
        var rows = shown.Length;
        // Samples whose feature value is missing cannot take a colour from the scale: they go in a grey trace.
        var (known, missing) = (new BeeswarmPoints(), new BeeswarmPoints());
        for (var rank = 0; rank < rows; rank++)
        {
            var feature = shown[rank];
            var phi = Column(shapValues, feature);
            var value = Column(featureValues, feature);
            var offsets = BeeswarmLayout.Offsets(phi);
            var (low, high) = (Percentile(value, 5), Percentile(value, 95));
            for (var s = 0; s < phi.Length; s++)
            {
                var points = double.IsFinite(value[s]) ? known : missing;
                points.X.Add(phi[s]);
                points.Y.Add(rows - 1 - rank + offsets[s]);
                points.Color.Add(high > low ? Math.Clamp((value[s] - low) / (high - low), 0, 1) : 0.5);
                points.Text.Add($"{featureNames[feature]} = {FeatureValue(value[s])}");
            }
        }
        const string hover = "%{text}<br>SHAP %{x:.4g}<extra></extra>";
        var traces = new List<Trace>
        {
            Trace("scatter", ("x", known.X.ToArray()), ("y", known.Y.ToArray()), ("name", "samples"), ("mode", "markers"), ("showlegend", false),
                ("marker", Marker(("size", 5), ("opacity", 0.85), ("color", known.Color.ToArray()), ("colorscale", Scale(LabColorscales.ShapFeatureValue)),
                    ("cmin", 0), ("cmax", 1), ("showscale", true),
                    ("colorbar", ColorBar(("title", Title("Feature value", ("side", "right"))), ("tickvals", new[] { 0, 1 }), ("ticktext", new[] { "Low", "High" }))))),
                ("text", known.Text.ToArray()), ("hovertemplate", hover)),
        };
        if (missing.X.Count > 0)
            traces.Add(Trace("scatter", ("x", missing.X.ToArray()), ("y", missing.Y.ToArray()), ("name", "value missing"), ("mode", "markers"),
                ("marker", Marker(("size", 5), ("opacity", 0.85), ("color", "#b0b0b0"))), ("text", missing.Text.ToArray()), ("hovertemplate", hover)));
        return Chart(traces, Layout(
            ("title", Title("SHAP values per sample")),
            ("xaxis", AxisTitled("SHAP value (impact on model output)")),
            ("yaxis", AxisTitled(null, ("range", new[] { -0.6, rows - 0.4 }), ("showgrid", false),
                ("tickvals", Enumerable.Range(0, rows).Select(r => (double)(rows - 1 - r)).ToArray()),
                ("ticktext", shown.Select(f => featureNames[f]).ToArray()))),
            ("shapes", new[] { ReferenceLine(0, null, ChartColors.Reference, dash: "solid", width: 1) }),
            ("legend", Legend(("orientation", "h"), ("x", 0.5), ("xanchor", "center"), ("y", -0.2), ("yanchor", "top"))),
            ("height", 140 + 34 * rows + (missing.X.Count > 0 ? 40 : 0))));
    }

    /// <summary>
    /// One prediction explained: bars walk from the expected output E[f(X)] (bottom) to this prediction f(x) (top),
    /// one feature at a time, largest |φ| on top, red pushing up and blue pushing down; with more than
    /// <paramref name="maxDisplay"/> features the smallest are merged into one "N other features" bar.
    /// </summary>
    /// <param name="shapValues">φ per feature for this sample.</param>
    /// <param name="baseValue">E[f(X)]: the expected model output over the background data.</param>
    /// <param name="featureNames">One name per feature.</param>
    /// <param name="featureValues">This sample's feature values, shown beside the names when given.</param>
    /// <param name="maxDisplay">Bars shown, including the "other features" bar.</param>
    public static GenericChart ShapWaterfall(double[] shapValues, double baseValue, string[] featureNames, double[]? featureValues = null, int maxDisplay = 10)
    {
        ArgumentNullException.ThrowIfNull(shapValues);
        if (shapValues.Length == 0) throw new ArgumentException("shapValues is empty.", nameof(shapValues));
        RequireFeatureNames(featureNames, shapValues.Length, maxDisplay);
        RequireLength(featureValues, shapValues.Length, nameof(featureValues), "shapValues");
        var (shown, others) = TopFeatures(shapValues.Select(Math.Abs).ToArray(), maxDisplay);
        // Bars listed top to bottom; the walk starts at the bottom.
        var labels = shown.Select(f => featureValues is null ? featureNames[f] : $"{featureNames[f]} = {FeatureValue(featureValues[f])}").ToList();
        var phis = shown.Select(f => shapValues[f]).ToList();
        if (others.Length > 0)
        {
            labels.Add($"{others.Length} other features");
            phis.Add(others.Sum(f => shapValues[f]));
        }
        var starts = new double[phis.Count];
        var level = baseValue;
        for (var i = phis.Count - 1; i >= 0; i--)
        {
            starts[i] = level;
            level += phis[i];
        }
        var output = level;
        var bars = Trace("bar", ("x", phis.ToArray()), ("y", labels.ToArray()), ("orientation", "h"), ("base", starts),
            ("marker", Marker(("color", phis.Select(p => p >= 0 ? ShapPositive : ShapNegative).ToArray()))),
            ("text", phis.Select(p => Signed(p)).ToArray()), ("textposition", "outside"), ("cliponaxis", false),
            ("hovertemplate", "%{y}<br>SHAP %{x:+.4g}<br>from %{base:.4g}<extra></extra>"));
        // The two reference lines are labelled above the plot, each on its outer side so the labels never collide.
        var outputOnRight = output >= baseValue;
        // Room on both sides for the values written outside the bars' ends.
        var ends = starts.Concat(starts.Select((start, i) => start + phis[i])).ToArray();
        var (low, high) = (ends.Min(), ends.Max());
        var pad = high > low ? 0.15 * (high - low) : 0.5;
        Plotly.NET.LayoutObjects.Annotation Label(double x, string text, bool right, string color) => Annotation(("x", x), ("y", 1), ("xref", "x"),
            ("yref", "y domain"), ("text", text), ("showarrow", false), ("xanchor", right ? "left" : "right"), ("yanchor", "bottom"), ("font", Font(("color", color))));
        return Chart([bars], Layout(
            ("title", Title($"SHAP explanation of one prediction<br><sub>E[f(X)] = {Format(baseValue)}  →  f(x) = {Format(output)}</sub>")),
            ("xaxis", AxisTitled("model output", ("range", new[] { low - pad, high + pad }))),
            ("yaxis", AxisTitled(null, ("type", "category"), ("autorange", "reversed"), ("showgrid", false))),
            ("shapes", new[] { ReferenceLine(baseValue, null, ChartColors.Reference), ReferenceLine(output, null, "#2a2a2a") }),
            ("annotations", new[] { Label(baseValue, "E[f(X)]", !outputOnRight, ChartColors.Reference), Label(output, "f(x)", outputOnRight, "#2a2a2a") }),
            ("showlegend", false),
            ("margin", new Plotly.NET.LayoutObjects.Margin().With(("r", 70), ("t", 100))),
            ("height", 200 + 34 * labels.Count)));
    }

    /// <summary>As <see cref="ShapBar(double[,], string[], int)"/>, for an explanation from <c>AiLab.Explain</c>.</summary>
    public static GenericChart ShapBar(ShapExplanation explanation, int maxDisplay = 15)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        return ShapBar(explanation.Values, explanation.FeatureNames, maxDisplay);
    }

    /// <summary>As <see cref="ShapBeeswarm(double[,], double[,], string[], int)"/>, for an explanation from <c>AiLab.Explain</c>.</summary>
    public static GenericChart ShapBeeswarm(ShapExplanation explanation, int maxDisplay = 15)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        return ShapBeeswarm(explanation.Values, explanation.Data, explanation.FeatureNames, maxDisplay);
    }

    /// <summary>As <see cref="ShapWaterfall(double[], double, string[], double[], int)"/>, for row <paramref name="row"/> of an explanation.</summary>
    public static GenericChart ShapWaterfall(ShapExplanation explanation, int row, int maxDisplay = 10)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, explanation.Rows);
        var values = Enumerable.Range(0, explanation.Features).Select(j => explanation.Data[row, j]).ToArray();
        return ShapWaterfall(explanation.RowValues(row), explanation.BaseValue, explanation.FeatureNames, values, maxDisplay);
    }

    /// <summary>A feature value as shown beside its name; NaN is a missing value.</summary>
    private static string FeatureValue(double value) => double.IsNaN(value) ? "missing" : Format(value, "G4");

    private static void RequireShapShape(double[,] shapValues, string[] featureNames, int maxDisplay)
    {
        if (shapValues.GetLength(0) == 0 || shapValues.GetLength(1) == 0) throw new ArgumentException("shapValues is empty.", nameof(shapValues));
        RequireFeatureNames(featureNames, shapValues.GetLength(1), maxDisplay);
    }

    private static void RequireFeatureNames(string[] featureNames, int features, int maxDisplay)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        if (featureNames.Length != features)
            throw new ArgumentException($"featureNames has {featureNames.Length} names but there are {features} features.", nameof(featureNames));
        if (featureNames.Distinct().Count() != featureNames.Length)
            throw new ArgumentException("featureNames must be distinct (they label the rows).", nameof(featureNames));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDisplay, 1);
    }

    /// <summary>Columns of one beeswarm trace, filled row by row.</summary>
    private sealed class BeeswarmPoints
    {
        public List<double> X { get; } = [];

        public List<double> Y { get; } = [];

        public List<double> Color { get; } = [];

        public List<string> Text { get; } = [];
    }

    private static double[] MeanAbsolute(double[,] values)
    {
        var result = new double[values.GetLength(1)];
        for (var f = 0; f < values.GetLength(1); f++)
        {
            for (var s = 0; s < values.GetLength(0); s++) result[f] += Math.Abs(values[s, f]);
            result[f] /= values.GetLength(0);
        }
        return result;
    }

    /// <summary>
    /// Feature indices by importance, largest first. When there are more than <paramref name="maxDisplay"/>, the
    /// first <paramref name="maxDisplay"/> − 1 are shown and the rest returned to be summed into one bar
    /// (or, without <paramref name="summarizeRest"/>, the first <paramref name="maxDisplay"/> shown and the rest dropped).
    /// </summary>
    private static (int[] Shown, int[] Others) TopFeatures(double[] importance, int maxDisplay, bool summarizeRest = true)
    {
        var order = Enumerable.Range(0, importance.Length).OrderByDescending(f => importance[f]).ThenBy(f => f).ToArray();
        if (order.Length <= maxDisplay) return (order, []);
        var shown = summarizeRest ? maxDisplay - 1 : maxDisplay;
        return (order[..shown], order[shown..]);
    }

    private static double[] Column(double[,] matrix, int column)
    {
        var result = new double[matrix.GetLength(0)];
        for (var r = 0; r < result.Length; r++) result[r] = matrix[r, column];
        return result;
    }

    /// <summary>Linear-interpolation percentile of the finite values (numpy's default method); NaN when there are none.</summary>
    private static double Percentile(double[] values, double percent)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var position = percent / 100 * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
