using System.Text.Json.Nodes;

namespace AiLab.Charts;

public sealed partial class Figure
{
    /// <summary>
    /// Arranges single-plot figures in a grid, left to right then top to bottom, each on its own axes: panel k's
    /// traces, axis settings, shapes and annotations move to axes x<sub>k</sub>/y<sub>k</sub>, its title becomes a
    /// caption above it, colour bars sit beside their panel, and a legend entry repeated across panels (same
    /// trace name) appears once and toggles all of them.
    /// </summary>
    /// <param name="panels">Figures that each use only the primary axes (x, y).</param>
    /// <param name="columns">Panels per row.</param>
    /// <param name="title">Title of the whole figure.</param>
    /// <param name="panelHeight">Height of one row of panels in pixels (sets the figure height).</param>
    public static Figure Subplots(IReadOnlyList<Figure> panels, int columns = 2, string? title = null, int panelHeight = 320)
    {
        ArgumentNullException.ThrowIfNull(panels);
        if (panels.Count == 0) throw new ArgumentException("Subplots needs at least one panel.", nameof(panels));
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(panelHeight, 50);
        columns = Math.Min(columns, panels.Count);
        var rows = (panels.Count + columns - 1) / columns;
        // Colour bars sit in the gap beside their panel, so they need a wider one.
        var horizontalGap = panels.Any(HasColorbar) ? 0.2 : 0.08;
        const double verticalGap = 0.12;
        var width = (1 - (columns - 1) * horizontalGap) / columns;
        var height = (1 - (rows - 1) * verticalGap) / rows;

        var layout = new JsonObject { ["template"] = Theme.Template() };
        var traces = new List<Trace>();
        var legendNames = new HashSet<string>();
        for (var k = 0; k < panels.Count; k++)
        {
            var panel = panels[k] ?? throw new ArgumentNullException(nameof(panels), $"Panel {k} is null.");
            var (row, column) = (k / columns, k % columns);
            double[] xDomain = [column * (width + horizontalGap), column * (width + horizontalGap) + width];
            double[] yDomain = [1 - row * (height + verticalGap) - height, 1 - row * (height + verticalGap)];
            var axes = new AxisMap(k + 1);

            foreach (var trace in panel.traces)
                traces.Add(MoveTrace(trace, k, axes, xDomain, yDomain, legendNames));
            foreach (var letter in "xy")
            {
                var axis = panel.layout[AxisKey(letter, 1)] is JsonObject a ? (JsonObject)a.DeepClone() : [];
                axis["domain"] = PlotlyJson.ToNode(letter == 'x' ? xDomain : yDomain);
                axis["anchor"] = letter == 'x' ? axes.Y : axes.X;
                if (axis["scaleanchor"] is JsonValue anchor) axis["scaleanchor"] = axes.Map((string?)anchor ?? "");
                layout[AxisKey(letter, k + 1)] = axis;
            }
            foreach (var key in new[] { "shapes", "annotations" })
                foreach (var item in panel.layout[key] as JsonArray ?? [])
                    AppendMoved(layout, key, (JsonObject)item!.DeepClone(), axes);
            if (panel.Title is { } caption)
                AppendMoved(layout, "annotations", new JsonObject
                {
                    ["text"] = caption, ["showarrow"] = false, ["xref"] = "paper", ["yref"] = "paper",
                    ["x"] = 0.5, ["y"] = 1, ["xanchor"] = "center", ["yanchor"] = "bottom", ["yshift"] = 4,
                    ["font"] = new JsonObject { ["size"] = 14 },
                }, axes);
            if (panel.layout["barmode"] is { } barmode) layout["barmode"] ??= barmode.DeepClone();
        }
        layout["height"] = rows * panelHeight + 110;
        if (title is not null) PlotlyJson.Set(layout, "title.text", title);
        return FromParts(traces, layout, DefaultConfig());
    }

    private static Trace MoveTrace(Trace trace, int k, AxisMap axes, double[] xDomain, double[] yDomain, HashSet<string> legendNames)
    {
        var json = (JsonObject)trace.Json.DeepClone();
        foreach (var (key, primary) in new[] { ("xaxis", "x"), ("yaxis", "y") })
        {
            var current = (string?)json[key] ?? primary;
            if (current != primary)
                throw new ArgumentException($"Panel {k} has a trace on axis {current}: subplots cannot be nested; give each panel only the primary axes.", "panels");
            json[key] = primary == "x" ? axes.X : axes.Y;
        }
        // A colour bar beside its own panel instead of all of them stacked at the figure's right edge.
        if (ColorbarPath(json) is { } colorbar)
            PlotlyJson.SetAll(json, [
                ($"{colorbar}.x", xDomain[1] + 0.01), ($"{colorbar}.xanchor", "left"),
                ($"{colorbar}.y", (yDomain[0] + yDomain[1]) / 2), ($"{colorbar}.yanchor", "middle"),
                ($"{colorbar}.len", yDomain[1] - yDomain[0]), ($"{colorbar}.thickness", 10)]);
        if ((string?)json["name"] is { } name && (bool?)json["showlegend"] != false)
        {
            json["legendgroup"] ??= name;
            if (!legendNames.Add(name)) json["showlegend"] = false;
        }
        return Trace.Wrap(json);
    }

    private static bool HasColorbar(Figure? panel) => panel is not null && panel.traces.Any(t => ColorbarPath(t.Json) is not null);

    /// <summary>Where a trace keeps its colour bar (<c>colorbar</c> or <c>marker.colorbar</c>), or null when it shows none.</summary>
    private static string? ColorbarPath(JsonObject trace)
    {
        if ((string?)trace["type"] is "heatmap" or "contour" or "histogram2d")
            return PlotlyJson.Get(trace, "showscale") is JsonValue scale && (bool?)scale == false ? null : "colorbar";
        return PlotlyJson.Get(trace, "marker.showscale") is JsonValue shown && (bool?)shown == true ? "marker.colorbar" : null;
    }

    private static void AppendMoved(JsonObject layout, string key, JsonObject item, AxisMap axes)
    {
        foreach (var reference in new[] { "xref", "yref" })
        {
            var letter = reference[0];
            var current = (string?)item[reference] ?? letter.ToString(); // plotly's default: data coordinates
            // The panel's whole-figure ("paper") coordinates become its own plot area ("x2 domain").
            item[reference] = current == "paper" ? $"{axes.Map(letter.ToString())} domain" : axes.Map(current);
        }
        if (layout[key] is not JsonArray array)
        {
            array = [];
            layout[key] = array;
        }
        array.Add(item);
    }

    /// <summary>Renames the primary axes of panel <c>k</c> (x, y) to x<sub>k</sub>, y<sub>k</sub>.</summary>
    private readonly record struct AxisMap(int Index)
    {
        public string X => Index == 1 ? "x" : $"x{Index}";

        public string Y => Index == 1 ? "y" : $"y{Index}";

        /// <summary>"x" → X, "y domain" → "Y domain"; anything else unchanged.</summary>
        public string Map(string reference) => reference switch
        {
            "x" => X,
            "y" => Y,
            "x domain" => $"{X} domain",
            "y domain" => $"{Y} domain",
            _ => reference,
        };
    }
}
