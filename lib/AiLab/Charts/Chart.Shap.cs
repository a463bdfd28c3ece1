using AiLab.Explain;

namespace AiLab.Charts;

public static partial class Chart
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
    public static Figure ShapBar(Values2D shapValues, string[] featureNames, int maxDisplay = 15)
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
        return new Figure(Trace.Bar(values.ToArray(), labels.ToArray(), orientation: Orientation.Horizontal, color: ShapPositive,
                text: values.Select(v => Format(v, "0.###")).ToArray(), textPosition: "outside",
                hoverTemplate: "%{y}: mean |SHAP| %{x:.4g}<extra></extra>").With("cliponaxis", false))
            .WithLayout("margin.r", 70)
            .WithTitle("Feature importance (mean |SHAP value|)")
            .WithXAxis("mean |SHAP value| (average impact on model output)")
            .WithYAxis(type: AxisType.Category, reversed: true, showGrid: false)
            .WithSize(height: 140 + 30 * labels.Count);
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
    public static Figure ShapBeeswarm(Values2D shapValues, Values2D featureValues, string[] featureNames, int maxDisplay = 15)
    {
        RequireShapShape(shapValues, featureNames, maxDisplay);
        if (featureValues.Rows != shapValues.Rows || featureValues.Columns != shapValues.Columns)
            throw new ArgumentException($"featureValues is {featureValues.Rows}×{featureValues.Columns} but shapValues is {shapValues.Rows}×{shapValues.Columns}.", nameof(featureValues));
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
            Trace.Scatter(known.X, known.Y, name: "samples", mode: ScatterMode.Markers, markerSize: 5, opacity: 0.85,
                    markerColor: known.Color, colorscale: Colorscale.ShapFeatureValue, colorbarTitle: "Feature value",
                    text: known.Text, hoverTemplate: hover, showLegend: false)
                .With("marker.cmin", 0).With("marker.cmax", 1)
                .With("marker.colorbar.tickvals", new[] { 0, 1 }).With("marker.colorbar.ticktext", new[] { "Low", "High" })
                .With("marker.colorbar.title.side", "right"),
        };
        if (missing.X.Count > 0)
            traces.Add(Trace.Scatter(missing.X, missing.Y, name: "value missing", mode: ScatterMode.Markers, markerSize: 5, opacity: 0.85,
                color: "#b0b0b0", text: missing.Text, hoverTemplate: hover));
        return new Figure(traces)
            .WithTitle("SHAP values per sample")
            .WithXAxis("SHAP value (impact on model output)")
            .WithYAxis(range: (-0.6, rows - 0.4), showGrid: false)
            .WithLayout("yaxis.tickvals", Enumerable.Range(0, rows).Select(r => (double)(rows - 1 - r)).ToArray())
            .WithLayout("yaxis.ticktext", shown.Select(f => featureNames[f]).ToArray())
            .WithVLine(0, dash: Dash.Solid, width: 1)
            .WithLegend(LegendPosition.Bottom)
            .WithSize(height: 140 + 34 * rows + (missing.X.Count > 0 ? 40 : 0));
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
    public static Figure ShapWaterfall(double[] shapValues, double baseValue, string[] featureNames, double[]? featureValues = null, int maxDisplay = 10)
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
        var bars = Trace.Bar(phis.ToArray(), labels.ToArray(), orientation: Orientation.Horizontal, baseValues: starts,
            colors: phis.Select(p => p >= 0 ? ShapPositive : ShapNegative).ToArray(),
            text: phis.Select(p => Signed(p)).ToArray(), textPosition: "outside",
            hoverTemplate: "%{y}<br>SHAP %{x:+.4g}<br>from %{base:.4g}<extra></extra>").With("cliponaxis", false);
        // The two reference lines are labelled above the plot, each on its outer side so the labels never collide.
        var outputOnRight = output >= baseValue;
        return new Figure(bars)
            .WithTitle("SHAP explanation of one prediction", subtitle: $"E[f(X)] = {Format(baseValue)}  →  f(x) = {Format(output)}")
            .WithXAxis("model output")
            .WithYAxis(type: AxisType.Category, reversed: true, showGrid: false)
            .WithVLine(baseValue)
            .WithVLine(output, color: "#2a2a2a")
            .WithAnnotation(baseValue, 1, "E[f(X)]", xAnchor: outputOnRight ? "right" : "left", yAnchor: "bottom", color: Theme.ReferenceColor, yAxis: "y domain")
            .WithAnnotation(output, 1, "f(x)", xAnchor: outputOnRight ? "left" : "right", yAnchor: "bottom", yAxis: "y domain")
            .WithLayout("showlegend", false)
            .WithLayout("margin", new { r = 70, t = 100 })
            .WithSize(height: 200 + 34 * labels.Count);
    }

    /// <summary>As <see cref="ShapBar(Values2D, string[], int)"/>, for an explanation from <c>AiLab.Explain</c>.</summary>
    public static Figure ShapBar(ShapExplanation explanation, int maxDisplay = 15)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        return ShapBar(explanation.Values, explanation.FeatureNames, maxDisplay);
    }

    /// <summary>As <see cref="ShapBeeswarm(Values2D, Values2D, string[], int)"/>, for an explanation from <c>AiLab.Explain</c>.</summary>
    public static Figure ShapBeeswarm(ShapExplanation explanation, int maxDisplay = 15)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        return ShapBeeswarm(explanation.Values, explanation.Data, explanation.FeatureNames, maxDisplay);
    }

    /// <summary>As <see cref="ShapWaterfall(double[], double, string[], double[], int)"/>, for row <paramref name="row"/> of an explanation.</summary>
    public static Figure ShapWaterfall(ShapExplanation explanation, int row, int maxDisplay = 10)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, explanation.Rows);
        var values = Enumerable.Range(0, explanation.Features).Select(j => explanation.Data[row, j]).ToArray();
        return ShapWaterfall(explanation.RowValues(row), explanation.BaseValue, explanation.FeatureNames, values, maxDisplay);
    }

    /// <summary>A feature value as shown beside its name; NaN is a missing value.</summary>
    private static string FeatureValue(double value) => double.IsNaN(value) ? "missing" : Format(value, "G4");

    private static void RequireShapShape(Values2D shapValues, string[] featureNames, int maxDisplay)
    {
        if (shapValues.Rows == 0 || shapValues.Columns == 0) throw new ArgumentException("shapValues is empty.", nameof(shapValues));
        RequireFeatureNames(featureNames, shapValues.Columns, maxDisplay);
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

    private static double[] MeanAbsolute(Values2D values)
    {
        var result = new double[values.Columns];
        for (var f = 0; f < values.Columns; f++)
        {
            for (var s = 0; s < values.Rows; s++) result[f] += Math.Abs(values[s, f]);
            result[f] /= values.Rows;
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

    private static double[] Column(Values2D matrix, int column)
    {
        var result = new double[matrix.Rows];
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
