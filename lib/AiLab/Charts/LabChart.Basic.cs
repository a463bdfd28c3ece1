using System.Globalization;
using Plotly.NET;
using static AiLab.Charts.PlotlyObjects;

namespace AiLab.Charts;

public static partial class LabChart
{
    /// <summary>One line, with an optional shaded band between <paramref name="lower"/> and <paramref name="upper"/> (mean ± std, a confidence interval).</summary>
    public static GenericChart Line(double[] x, double[] y, string? name = null, double[]? lower = null, double[]? upper = null) =>
        Line([new LineSeries(name ?? "", x, y, lower, upper)]);

    /// <summary>
    /// Several lines on one axis, one colour each, each with an optional band (drawn under its line, same colour,
    /// translucent). Short series show their points.
    /// </summary>
    public static GenericChart Line(params IEnumerable<LineSeries> series)
    {
        var list = NotEmpty(series, nameof(series));
        var traces = new List<Trace>();
        for (var i = 0; i < list.Length; i++)
        {
            var s = list[i] ?? throw new ArgumentNullException(nameof(series), $"Series {i} is null.");
            ArgumentNullException.ThrowIfNull(s.X, nameof(series));
            ArgumentNullException.ThrowIfNull(s.Y, nameof(series));
            if (s.X.Length != s.Y.Length) throw new ArgumentException($"Series \"{s.Name}\": X has {s.X.Length} values but Y has {s.Y.Length}.", nameof(series));
            if ((s.Lower is null) != (s.Upper is null)) throw new ArgumentException($"Series \"{s.Name}\": a band needs both Lower and Upper.", nameof(series));
            RequireLength(s.Lower, s.Y.Length, nameof(LineSeries.Lower), "Y");
            RequireLength(s.Upper, s.Y.Length, nameof(LineSeries.Upper), "Y");
            var color = s.Color ?? ChartColors.Series(i);
            var named = !string.IsNullOrEmpty(s.Name);
            var group = named ? s.Name : $"series {i}";
            if (s.Lower is not null && s.Upper is not null)
            {
                // 'tonexty' fills down to the trace just before: the lower edge must come right before the upper one.
                traces.Add(Trace("scatter", ("x", s.X), ("y", Finite(s.Lower)), ("name", $"{group} lower"), ("mode", "lines"),
                    ("line", LineStyle(("color", color), ("width", 0))), ("showlegend", false), ("legendgroup", group), ("hoverinfo", "skip")));
                traces.Add(Trace("scatter", ("x", s.X), ("y", Finite(s.Upper)), ("name", $"{group} band"), ("mode", "lines"),
                    ("line", LineStyle(("color", color), ("width", 0))), ("fill", "tonexty"), ("fillcolor", ChartColors.WithAlpha(color, 0.2)),
                    ("showlegend", false), ("legendgroup", group), ("hoverinfo", "skip")));
            }
            traces.Add(Trace("scatter", ("x", s.X), ("y", Finite(s.Y)), ("name", named ? s.Name : null), ("mode", LineMode(s.Y.Length)),
                ("line", LineStyle(("color", color), ("dash", Dash(s.Dash)))), ("marker", Marker(("size", 6), ("color", color))),
                ("legendgroup", group), ("showlegend", named ? null : false)));
        }
        return Chart(traces, Layout());
    }

    /// <summary>
    /// Points (x, y): one colour, or one colour per group (<paramref name="groups"/>: cluster ids, classes — one legend
    /// entry each, titled <paramref name="name"/>), or coloured by a number (<paramref name="color"/>, with a colour bar
    /// titled <paramref name="colorTitle"/>); <paramref name="text"/> labels each point's hover.
    /// </summary>
    public static GenericChart Scatter(double[] x, double[] y, string? name = null, string[]? groups = null, double[]? color = null,
        string? colorTitle = null, string[]? text = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length != y.Length) throw new ArgumentException($"x has {x.Length} values but y has {y.Length}.", nameof(y));
        RequireLength(groups, x.Length, nameof(groups), "x");
        RequireLength(color, x.Length, nameof(color), "x");
        RequireLength(text, x.Length, nameof(text), "x");
        if (groups is not null && color is not null) throw new ArgumentException("Colour points by groups or by a number, not both.", nameof(color));
        // The secondary box names the group (or series); a lone unnamed series needs none.
        var extra = groups is null && name is null ? "<extra></extra>" : "<extra>%{fullData.name}</extra>";
        var hover = (text is null ? "" : "%{text}<br>") + "(%{x:.4g}, %{y:.4g})" + extra;
        if (groups is null)
        {
            var marker = color is null
                ? Marker(("size", 7), ("opacity", 0.8), ("color", ChartColors.Series(0)))
                : Marker(("size", 7), ("opacity", 0.8), ("color", color), ("colorscale", "Viridis"), ("showscale", true),
                    ("colorbar", ColorBar(("title", Title(colorTitle ?? "")))));
            return Chart([Trace("scatter", ("x", x), ("y", y), ("name", name), ("mode", "markers"), ("marker", marker), ("text", text), ("hovertemplate", hover))],
                Layout());
        }

        // One trace per group: numeric groups in numeric order, others in order of first appearance.
        var distinct = groups.Distinct().ToList();
        if (distinct.All(k => double.TryParse(k, CultureInfo.InvariantCulture, out _)))
            distinct = distinct.OrderBy(k => double.Parse(k, CultureInfo.InvariantCulture)).ToList();
        var traces = distinct.Select((key, i) =>
        {
            var members = Enumerable.Range(0, groups.Length).Where(p => groups[p] == key).ToArray();
            return (Trace)Trace("scatter", ("x", members.Select(p => x[p]).ToArray()), ("y", members.Select(p => y[p]).ToArray()), ("name", key),
                ("mode", "markers"), ("marker", Marker(("size", 7), ("opacity", 0.8), ("color", ChartColors.Series(i)))),
                ("text", text is null ? null : members.Select(p => text[p]).ToArray()), ("hovertemplate", hover));
        });
        return Chart(traces, Layout(("legend", name is null ? null : Legend(("title", Title(name))))));
    }

    /// <summary>Points coloured by integer groups (cluster ids, class labels), one legend entry per group.</summary>
    public static GenericChart Scatter(double[] x, double[] y, int[] groups, string? name = null, string[]? text = null)
    {
        ArgumentNullException.ThrowIfNull(groups);
        return Scatter(x, y, name, groups.Select(g => g.ToString(CultureInfo.InvariantCulture)).ToArray(), text: text);
    }

    /// <summary>Bars, one per category, with optional error bars and values written on them (<paramref name="valueFormat"/>, e.g. <c>"0.00"</c>).</summary>
    public static GenericChart Bar(string[] categories, double[] values, string? name = null, bool horizontal = false,
        double[]? errors = null, string? valueFormat = null) =>
        Bar(categories, [(name ?? "", values)], stacked: false, horizontal, errors is null ? null : [errors], valueFormat);

    /// <summary>
    /// Several series of bars over the same categories, grouped side by side (or <paramref name="stacked"/>).
    /// Horizontal bars list the first category on top.
    /// </summary>
    public static GenericChart Bar(string[] categories, IEnumerable<(string Name, double[] Values)> series, bool stacked = false,
        bool horizontal = false, IReadOnlyList<double[]>? errors = null, string? valueFormat = null)
    {
        ArgumentNullException.ThrowIfNull(categories);
        var list = NotEmpty(series, nameof(series));
        if (errors is not null && errors.Count != list.Length) throw new ArgumentException($"errors has {errors.Count} arrays but there are {list.Length} series.", nameof(errors));
        var traces = list.Select((s, i) =>
        {
            ArgumentNullException.ThrowIfNull(s.Values, nameof(series));
            RequireLength(s.Values, categories.Length, nameof(series), "categories");
            RequireLength(errors?[i], categories.Length, nameof(errors), "categories");
            var named = !string.IsNullOrEmpty(s.Name);
            var label = named ? s.Name + "<br>" : "";
            var error = errors?[i] is { } e ? new Plotly.NET.TraceObjects.Error().With(("type", "data"), ("array", e), ("visible", true)) : null;
            return (Trace)Trace("bar", ("x", horizontal ? s.Values : categories), ("y", horizontal ? categories : s.Values), ("name", named ? s.Name : null),
                ("orientation", horizontal ? "h" : null), ("marker", Marker(("color", ChartColors.Series(i)))),
                (horizontal ? "error_x" : "error_y", error),
                ("text", valueFormat is null ? null : s.Values.Select(v => Format(v, valueFormat)).ToArray()), ("textposition", valueFormat is null ? null : "auto"),
                ("hovertemplate", label + (horizontal ? "%{y}: %{x:.4g}" : "%{x}: %{y:.4g}") + "<extra></extra>"));
        });
        var layout = Layout(("barmode", stacked ? "stack" : "group"),
            ("showlegend", list.Length == 1 && string.IsNullOrEmpty(list[0].Name) ? false : null));
        if (horizontal)
            layout.With(("yaxis", Axis(("type", "category"), ("autorange", "reversed"), ("showgrid", false), ("automargin", true))),
                ("height", Math.Max(300, 120 + 28 * categories.Length * (stacked ? 1 : list.Length))));
        else
            layout.With(("xaxis", Axis(("type", "category"), ("showgrid", false))));
        return Chart(traces, layout);
    }
}
