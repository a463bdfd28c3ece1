namespace AiLab.Charts;

public static partial class Chart
{
    /// <summary>One line, with an optional shaded band between <paramref name="lower"/> and <paramref name="upper"/> (mean ± std, a confidence interval).</summary>
    public static Figure Line(Values x, double[] y, string? name = null, double[]? lower = null, double[]? upper = null) =>
        Line([new LineSeries(name ?? "", x, y, lower, upper)]);

    /// <summary>
    /// Several lines on one axis, one colour each, each with an optional band (drawn under its line, same colour,
    /// translucent). Short series show their points. Add titles with <c>.WithTitle(…).WithXAxis(…).WithYAxis(…)</c>.
    /// </summary>
    public static Figure Line(params IEnumerable<LineSeries> series)
    {
        var list = NotEmpty(series, nameof(series));
        var traces = new List<Trace>();
        for (var i = 0; i < list.Length; i++)
        {
            var s = list[i] ?? throw new ArgumentNullException(nameof(series), $"Series {i} is null.");
            ArgumentNullException.ThrowIfNull(s.Y, nameof(series));
            if (s.X.Count != s.Y.Length) throw new ArgumentException($"Series \"{s.Name}\": X has {s.X.Count} values but Y has {s.Y.Length}.", nameof(series));
            if ((s.Lower is null) != (s.Upper is null)) throw new ArgumentException($"Series \"{s.Name}\": a band needs both Lower and Upper.", nameof(series));
            RequireLength(s.Lower, s.Y.Length, nameof(LineSeries.Lower), "Y");
            RequireLength(s.Upper, s.Y.Length, nameof(LineSeries.Upper), "Y");
            var color = s.Color ?? Theme.Color(i);
            var group = string.IsNullOrEmpty(s.Name) ? $"series {i}" : s.Name;
            if (s.Lower is not null && s.Upper is not null)
            {
                // 'tonexty' fills down to the trace just before: the lower edge must come right before the upper one.
                traces.Add(Trace.Scatter(s.X, s.Lower, name: $"{group} lower", mode: ScatterMode.Lines, color: color, width: 0,
                    showLegend: false, legendGroup: group).With("hoverinfo", "skip"));
                traces.Add(Trace.Scatter(s.X, s.Upper, name: $"{group} band", mode: ScatterMode.Lines, color: color, width: 0,
                    fill: Fill.ToNextY, fillColor: Theme.WithAlpha(color, 0.2), showLegend: false, legendGroup: group).With("hoverinfo", "skip"));
            }
            traces.Add(Trace.Scatter(s.X, s.Y, name: string.IsNullOrEmpty(s.Name) ? null : s.Name, mode: LineMode(s.Y.Length), color: color,
                markerSize: 6, legendGroup: group, showLegend: string.IsNullOrEmpty(s.Name) ? false : null, dash: s.Dash));
        }
        return new Figure(traces);
    }

    /// <summary>
    /// Points (x, y): one colour, one colour per group (<paramref name="groups"/>: cluster ids, classes — one legend
    /// entry each), or coloured by a number (<paramref name="color"/>, with a colour bar titled <paramref name="colorTitle"/>).
    /// </summary>
    public static Figure Scatter(Values x, Values y, string? name = null, Values? groups = null, double[]? color = null,
        string? colorTitle = null, string[]? text = null)
    {
        if (x.Count != y.Count) throw new ArgumentException($"x has {x.Count} values but y has {y.Count}.", nameof(y));
        if (groups is { } g && g.Count != x.Count) throw new ArgumentException($"groups has {g.Count} values but x has {x.Count}.", nameof(groups));
        RequireLength(color, x.Count, nameof(color), "x");
        RequireLength(text, x.Count, nameof(text), "x");
        if (groups is not null && color is not null) throw new ArgumentException("Colour points by groups or by a number, not both.", nameof(color));
        // The secondary box names the group (or series); a lone unnamed series needs none.
        var extra = groups is null && name is null ? "<extra></extra>" : "<extra>%{fullData.name}</extra>";
        var hover = (text is null ? "" : "%{text}<br>") + "(%{x:.4g}, %{y:.4g})" + extra;
        if (groups is not { } grouping)
            return new Figure(Trace.Scatter(x, y, name: name, mode: ScatterMode.Markers, markerSize: 7, opacity: 0.8,
                color: color is null ? Theme.Color(0) : null, markerColor: Optional(color), colorscale: color is null ? null : Colorscale.Viridis,
                colorbarTitle: color is null ? null : colorTitle ?? "", text: Optional(text), hoverTemplate: hover));

        // One trace per group: numeric groups in numeric order, others in order of first appearance.
        var keys = grouping.ToStrings();
        var distinct = keys.Distinct().ToList();
        if (distinct.All(k => double.TryParse(k, System.Globalization.CultureInfo.InvariantCulture, out _)))
            distinct = distinct.OrderBy(k => double.Parse(k, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var traces = distinct.Select((key, i) =>
        {
            var members = Enumerable.Range(0, keys.Length).Where(p => keys[p] == key).ToArray();
            return Trace.Scatter(x.Subset(members), y.Subset(members),
                name: key, mode: ScatterMode.Markers, markerSize: 7, opacity: 0.8, color: Theme.Color(i),
                text: Optional(text is null ? null : members.Select(p => text[p]).ToArray()), hoverTemplate: hover);
        });
        return new Figure(traces).WithLegend(title: name);
    }

    /// <summary>Bars, one per category, with optional error bars and values written on them (<paramref name="valueFormat"/>, e.g. <c>"0.00"</c>).</summary>
    public static Figure Bar(string[] categories, double[] values, string? name = null, bool horizontal = false,
        double[]? errors = null, string? valueFormat = null) =>
        Bar(categories, [(name ?? "", values)], BarMode.Group, horizontal, errors is null ? null : [errors], valueFormat);

    /// <summary>
    /// Several series of bars over the same categories, grouped side by side or stacked. Horizontal bars list the
    /// first category on top.
    /// </summary>
    public static Figure Bar(string[] categories, IEnumerable<(string Name, double[] Values)> series, BarMode mode = BarMode.Group,
        bool horizontal = false, IReadOnlyList<double[]>? errors = null, string? valueFormat = null)
    {
        ArgumentNullException.ThrowIfNull(categories);
        var list = NotEmpty(series, nameof(series));
        if (errors is not null && errors.Count != list.Length) throw new ArgumentException($"errors has {errors.Count} arrays but there are {list.Length} series.", nameof(errors));
        var traces = list.Select((s, i) =>
        {
            RequireLength(s.Values, categories.Length, nameof(series), "categories");
            RequireLength(errors?[i], categories.Length, nameof(errors), "categories");
            Values lengths = s.Values, labels = categories;
            var label = string.IsNullOrEmpty(s.Name) ? "" : s.Name + "<br>";
            return Trace.Bar(horizontal ? lengths : labels, horizontal ? labels : lengths, name: string.IsNullOrEmpty(s.Name) ? null : s.Name,
                orientation: horizontal ? Orientation.Horizontal : null, color: Theme.Color(i), errorBars: Optional(errors?[i]),
                text: Optional(valueFormat is null ? null : s.Values.Select(v => Format(v, valueFormat)).ToArray()),
                textPosition: valueFormat is null ? null : "auto",
                hoverTemplate: label + (horizontal ? "%{y}: %{x:.4g}" : "%{x}: %{y:.4g}") + "<extra></extra>");
        });
        var figure = new Figure(traces).WithBarMode(mode);
        figure = horizontal
            ? figure.WithYAxis(type: AxisType.Category, reversed: true, showGrid: false).WithSize(height: Math.Max(300, 120 + 28 * categories.Length * (mode == BarMode.Group ? list.Length : 1)))
            : figure.WithXAxis(type: AxisType.Category, showGrid: false);
        return list.Length == 1 && string.IsNullOrEmpty(list[0].Name) ? figure.WithLegend(visible: false) : figure;
    }

    /// <summary>Histogram of samples; <paramref name="bins"/> equal-width bins over the data's range.</summary>
    public static Figure Histogram(double[] values, string? name = null, int bins = 30, HistNorm norm = HistNorm.Count) =>
        Histogram([(name ?? "", values)], bins, norm);

    /// <summary>
    /// Histograms of several samples on shared bins (so bars line up), overlaid and translucent when there are several.
    /// The y axis says what the heights mean (count, probability, …).
    /// </summary>
    public static Figure Histogram(IEnumerable<(string Name, double[] Values)> series, int bins = 30, HistNorm norm = HistNorm.Count)
    {
        var list = NotEmpty(series, nameof(series));
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var finite = list.SelectMany(s => s.Values ?? throw new ArgumentNullException(nameof(series))).Where(double.IsFinite).ToArray();
        if (finite.Length == 0) throw new ArgumentException("No finite values to bin.", nameof(series));
        var (min, max) = (finite.Min(), finite.Max());
        var size = max > min ? (max - min) / bins : 1;
        // The last edge a little past the maximum, so the largest value falls inside the last bin.
        var edges = (min, max + size * 1e-9 + (max > min ? 0 : size), size);
        var overlay = list.Length > 1;
        var traces = list.Select((s, i) => Trace.Histogram(s.Values, name: string.IsNullOrEmpty(s.Name) ? null : s.Name, bins: edges,
            histNorm: norm, color: Theme.Color(i), opacity: overlay ? 0.6 : null));
        var figure = new Figure(traces).WithBarMode(overlay ? BarMode.Overlay : BarMode.Group)
            .WithYAxis(norm switch
            {
                HistNorm.Count => "count",
                HistNorm.Percent => "percent",
                HistNorm.Probability => "probability",
                HistNorm.Density => "count per unit",
                _ => "density",
            })
            .WithLayout("bargap", 0.03);
        return overlay ? figure : figure.WithLegend(visible: false);
    }

    /// <summary>Box plots (median, quartiles, 1.5 × IQR whiskers) of several samples side by side, e.g. cross-validation scores per model.</summary>
    public static Figure Box(IEnumerable<(string Name, double[] Values)> groups, bool showPoints = true)
    {
        var list = NotEmpty(groups, nameof(groups));
        var traces = list.Select((g, i) => Trace.Box(g.Values ?? throw new ArgumentNullException(nameof(groups)), name: g.Name,
            points: showPoints ? BoxPoints.All : BoxPoints.Outliers, showMean: true, color: Theme.Color(i)).With("jitter", 0.3).With("pointpos", 0));
        return new Figure(traces).WithLegend(visible: false).WithXAxis(type: AxisType.Category);
    }
}
