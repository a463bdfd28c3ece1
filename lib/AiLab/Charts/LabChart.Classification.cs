using System.Globalization;
using AiLab.Metrics;
using Plotly.NET;
using static AiLab.Charts.PlotlyObjects;

namespace AiLab.Charts;

public static partial class LabChart
{
    /// <summary>ROC curve of one binary classifier from labels (0/1, or −1/1) and scores (higher = more positive), AUC in the legend.</summary>
    public static GenericChart Roc(int[] labels, double[] scores, string name = "model") => Roc([(name, labels, scores)]);

    /// <summary>
    /// ROC curves of several classifiers from labels (0/1, or −1/1) and scores, computed by
    /// <see cref="Classification.RocCurve(ReadOnlySpan{int}, ReadOnlySpan{double}, int?, bool)"/> (scikit-learn's
    /// <c>roc_curve</c>, every threshold kept: tied scores form one step), each with its AUC in the legend, over the
    /// chance diagonal.
    /// </summary>
    public static GenericChart Roc(params IEnumerable<(string Name, int[] Labels, double[] Scores)> models)
    {
        var list = NotEmpty(models, nameof(models));
        var curves = list.Select(m =>
        {
            RequireBothClasses(m.Labels, m.Name);
            var points = Classification.RocCurve(m.Labels, m.Scores, dropIntermediate: false);
            return (m.Name, points.Fpr, points.Tpr, Thresholds: (double[]?)points.Thresholds);
        });
        return RocChart(curves.ToArray());
    }

    /// <summary>ROC curves from precomputed points (false and true positive rates, in threshold order), AUC by the trapezoidal rule.</summary>
    public static GenericChart Roc(params IEnumerable<(string Name, double[] Fpr, double[] Tpr)> curves) =>
        RocChart(NotEmpty(curves, nameof(curves)).Select(c => (c.Name, c.Fpr, c.Tpr, (double[]?)null)).ToArray());

    private static GenericChart RocChart((string Name, double[] Fpr, double[] Tpr, double[]? Thresholds)[] curves)
    {
        var traces = new List<Trace>
        {
            Trace("scatter", ("x", new[] { 0.0, 1.0 }), ("y", new[] { 0.0, 1.0 }), ("name", "chance (AUC = 0.500)"), ("mode", "lines"),
                ("line", LineStyle(("color", ChartColors.Reference), ("width", 1.5), ("dash", "dash"))), ("hovertemplate", "chance<extra></extra>")),
        };
        for (var i = 0; i < curves.Length; i++)
        {
            var (name, fpr, tpr, thresholds) = curves[i];
            var auc = Classification.Auc(fpr, tpr);
            traces.Add(Trace("scatter", ("x", fpr), ("y", tpr), ("name", $"{name} (AUC = {Format(auc)})"), ("mode", "lines"),
                ("line", LineStyle(("color", ChartColors.Series(i)), ("width", 2))),
                // The first point predicts nothing positive: its threshold is "above every score".
                ("text", thresholds?.Select((t, k) => k == 0 ? "∞" : Format(t, "G4")).ToArray()),
                ("hovertemplate", $"{name}<br>FPR %{{x:.3f}}, TPR %{{y:.3f}}" + (thresholds is null ? "" : "<br>threshold %{text}") + "<extra></extra>")));
        }
        return Chart(traces, Layout(
            ("title", Title("ROC curve")),
            ("xaxis", AxisTitled("False positive rate", ("range", new[] { -0.01, 1.01 }))),
            ("yaxis", AxisTitled("True positive rate", ("range", new[] { -0.01, 1.01 }), ("scaleanchor", "x"))),
            ("legend", Legend(("x", 0.98), ("xanchor", "right"), ("y", 0.02), ("yanchor", "bottom"))),
            ("width", 640), ("height", 560)));
    }

    /// <summary>Precision–recall curve of one binary classifier from labels (0/1, or −1/1) and scores, average precision (AP) in the legend.</summary>
    public static GenericChart PrecisionRecall(int[] labels, double[] scores, string name = "model") => PrecisionRecall([(name, labels, scores)]);

    /// <summary>
    /// Precision–recall curves of several classifiers from labels (0/1, or −1/1) and scores, computed by
    /// <see cref="Classification.PrecisionRecallCurve(ReadOnlySpan{int}, ReadOnlySpan{double}, int?)"/> (scikit-learn's
    /// <c>precision_recall_curve</c>), drawn as steps, with average precision in the legend and the no-skill line at
    /// the positive rate when all models share it.
    /// </summary>
    public static GenericChart PrecisionRecall(params IEnumerable<(string Name, int[] Labels, double[] Scores)> models)
    {
        var list = NotEmpty(models, nameof(models));
        var curves = list.Select(m =>
        {
            RequireBothClasses(m.Labels, m.Name);
            var points = Classification.PrecisionRecallCurve(m.Labels, m.Scores);
            return (m.Name, points.Recall, points.Precision);
        }).ToArray();
        var prevalences = list.Select(m => m.Labels.Count(l => l == 1) / (double)m.Labels.Length).Distinct().ToArray();
        return PrecisionRecallChart(curves, prevalences.Length == 1 ? prevalences[0] : null);
    }

    /// <summary>Precision–recall curves from precomputed points (in scikit-learn's order, recall falling, or its reverse).</summary>
    public static GenericChart PrecisionRecall(params IEnumerable<(string Name, double[] Recall, double[] Precision)> curves) =>
        PrecisionRecallChart(NotEmpty(curves, nameof(curves)), null);

    /// <summary>
    /// Average precision Σ (Rₖ − Rₖ₊₁) Pₖ of curve points in scikit-learn's order (recall falling), as
    /// <c>average_precision_score</c> computes it from <c>precision_recall_curve</c>; points with recall rising are
    /// read in reverse.
    /// </summary>
    internal static double AveragePrecision(double[] precision, double[] recall)
    {
        ArgumentNullException.ThrowIfNull(precision);
        ArgumentNullException.ThrowIfNull(recall);
        if (precision.Length != recall.Length)
            throw new ArgumentException($"precision has {precision.Length} points but recall has {recall.Length}.", nameof(precision));
        var rising = recall.Length > 1 && recall[^1] > recall[0];
        double At(double[] values, int i) => rising ? values[values.Length - 1 - i] : values[i];
        var sum = 0.0;
        for (var k = 0; k < recall.Length - 1; k++)
        {
            var drop = At(recall, k) - At(recall, k + 1);
            if (drop < 0) throw new ArgumentException("recall must be monotonic (as precision_recall_curve returns it).", nameof(recall));
            sum += drop * At(precision, k);
        }
        return sum;
    }

    /// <summary>A curve needs positives and negatives; say which model lacks one instead of drawing NaN.</summary>
    private static void RequireBothClasses(int[] labels, string model)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var positives = labels.Count(l => l == 1);
        if (positives == 0 || positives == labels.Length)
            throw new ArgumentException($"Model \"{model}\": the labels hold only one class ({positives} positives of {labels.Length}); a curve needs both.", nameof(labels));
    }

    private static GenericChart PrecisionRecallChart((string Name, double[] Recall, double[] Precision)[] curves, double? prevalence)
    {
        var traces = new List<Trace>();
        if (prevalence is { } p)
            traces.Add(Trace("scatter", ("x", new[] { 0.0, 1.0 }), ("y", new[] { p, p }), ("name", $"no skill (AP = {Format(p)})"), ("mode", "lines"),
                ("line", LineStyle(("color", ChartColors.Reference), ("width", 1.5), ("dash", "dash"))), ("hovertemplate", "positive rate %{y:.3f}<extra></extra>")));
        for (var i = 0; i < curves.Length; i++)
        {
            var (name, recall, precision) = curves[i];
            var ap = AveragePrecision(precision, recall);
            // Steps as scikit-learn draws them (drawstyle="steps-post"): precision holds until the next recall.
            traces.Add(Trace("scatter", ("x", recall), ("y", precision), ("name", $"{name} (AP = {Format(ap)})"), ("mode", "lines"),
                ("line", LineStyle(("color", ChartColors.Series(i)), ("width", 2), ("shape", "hv"))),
                ("hovertemplate", $"{name}<br>recall %{{x:.3f}}, precision %{{y:.3f}}<extra></extra>")));
        }
        return Chart(traces, Layout(
            ("title", Title("Precision–recall curve")),
            ("xaxis", AxisTitled("Recall", ("range", new[] { -0.01, 1.01 }))),
            ("yaxis", AxisTitled("Precision", ("range", new[] { 0, 1.03 }))),
            ("legend", Legend(("x", 0.02), ("xanchor", "left"), ("y", 0.02), ("yanchor", "bottom"))),
            ("width", 640), ("height", 560)));
    }

    /// <summary>
    /// Confusion matrix from true and predicted labels, counted by
    /// <see cref="Classification.ConfusionMatrix(ReadOnlySpan{int}, ReadOnlySpan{int}, int[])"/>. With
    /// <paramref name="classNames"/> the labels are class indices 0 … k−1 named in that order; without, the classes
    /// are the labels that occur, sorted. See <see cref="ConfusionMatrix(int[,], string[])"/> for what is drawn.
    /// </summary>
    public static GenericChart ConfusionMatrix(int[] yTrue, int[] yPred, string[]? classNames = null)
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(yPred);
        if (classNames is null)
        {
            var found = Classification.ConfusionMatrix(yTrue, yPred);
            return ConfusionMatrix(found.Counts, found.Labels.Select(l => l.ToString(CultureInfo.InvariantCulture)).ToArray());
        }
        // Named classes are indices: a label outside them is a mistake to report, not a sample to drop.
        var k = classNames.Length;
        foreach (var (labels, argument) in new[] { (yTrue, nameof(yTrue)), (yPred, nameof(yPred)) })
            for (var i = 0; i < labels.Length; i++)
                if (labels[i] < 0 || labels[i] >= k)
                    throw new ArgumentException($"{argument}[{i}] = {labels[i]} is not a class index in 0…{k - 1} (classNames has {k} names).", argument);
        return ConfusionMatrix(Classification.ConfusionMatrix(yTrue, yPred, [.. Enumerable.Range(0, k)]).Counts, classNames);
    }

    /// <summary>
    /// Confusion matrix from counts [true class, predicted class], an annotated heatmap: each cell shows its count and
    /// its share of the true class (row-normalised, which is per-class recall on the diagonal); colour follows the
    /// share, so rare and common classes read on one scale. First class at the top left.
    /// </summary>
    public static GenericChart ConfusionMatrix(int[,] counts, string[]? classNames = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var k = counts.GetLength(0);
        if (k == 0 || counts.GetLength(1) != k) throw new ArgumentException($"counts must be square and non-empty; got {counts.GetLength(0)}×{counts.GetLength(1)}.", nameof(counts));
        RequireLength(classNames, k, nameof(classNames), "the matrix");
        var names = classNames ?? Enumerable.Range(0, k).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var share = new double[k, k];
        var text = new string[k, k];
        for (var t = 0; t < k; t++)
        {
            var total = 0;
            for (var p = 0; p < k; p++)
            {
                if (counts[t, p] < 0) throw new ArgumentException($"counts[{t}, {p}] = {counts[t, p]} is negative.", nameof(counts));
                total += counts[t, p];
            }
            for (var p = 0; p < k; p++)
            {
                share[t, p] = total == 0 ? double.NaN : (double)counts[t, p] / total;
                text[t, p] = total == 0 ? $"{counts[t, p]}" : $"{counts[t, p]}<br>{Format(100 * share[t, p], "0.0")}%";
            }
        }
        var countRows = Enumerable.Range(0, k).Select(t => Enumerable.Range(0, k).Select(p => counts[t, p]).ToArray()).ToArray();
        var side = Math.Max(360, 56 * k + 170);
        var heatmap = Trace("heatmap", ("z", Rows(share)), ("x", names), ("y", names), ("colorscale", Scale(LabColorscales.Blues)),
            ("zmin", 0), ("zmax", 1), ("xgap", 1), ("ygap", 1), ("text", Rows(text)), ("texttemplate", "%{text}"),
            ("textfont", Font(("size", k > 12 ? 9 : 12))),
            // The counts travel with the trace (plotly.js ignores customdata unless a template uses it) so they can be read back.
            ("customdata", countRows),
            ("colorbar", ColorBar(("title", Title("share of<br>true class")), ("tickformat", ".0%"))),
            ("hovertemplate", "true %{y}, predicted %{x}<br>%{text}<extra></extra>"));
        return Chart([heatmap], Layout(
            ("title", Title("Confusion matrix")),
            ("xaxis", AxisTitled("Predicted class", ("type", "category"), ("showgrid", false))),
            ("yaxis", AxisTitled("True class", ("type", "category"), ("autorange", "reversed"), ("showgrid", false), ("scaleanchor", "x"))),
            // White behind cells and between tiles, not the template's grey plot area.
            ("plot_bgcolor", "#ffffff"),
            ("width", side + 110), ("height", side)));
    }
}
