using DynamicObj;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using Plotly.NET.TraceObjects;

namespace AiLab.Charts;

/// <summary>
/// Plotly.NET's own trace and layout objects, filled property by property with plotly.js names. The objects are
/// the typed ones (<see cref="Line"/>, <see cref="Marker"/>, <see cref="LinearAxis"/>…) so Plotly.NET's styling
/// functions (<c>WithXAxisStyle</c>, <c>WithLineStyle</c>…) merge into them instead of replacing them.
/// </summary>
internal static class PlotlyObjects
{
    /// <summary>Sets each (name, value) whose value is not null.</summary>
    public static T With<T>(this T target, params (string Name, object? Value)[] properties) where T : DynamicObj.DynamicObj
    {
        foreach (var (name, value) in properties)
            if (value is not null) target.SetProperty(name, value);
        return target;
    }

    public static Trace2D Trace(string type, params (string Name, object? Value)[] properties) => new Trace2D(type).With(properties);

    public static Line LineStyle(params (string Name, object? Value)[] properties) => new Line().With(properties);

    public static Marker Marker(params (string Name, object? Value)[] properties) => new Marker().With(properties);

    public static ColorBar ColorBar(params (string Name, object? Value)[] properties) => new ColorBar().With(properties);

    public static Title Title(string? text, params (string Name, object? Value)[] properties) => new Title().With([("text", text), .. properties]);

    public static LinearAxis Axis(params (string Name, object? Value)[] properties) => new LinearAxis().With(properties);

    public static Legend Legend(params (string Name, object? Value)[] properties) => new Legend().With(properties);

    public static Font Font(params (string Name, object? Value)[] properties) => new Font().With(properties);

    public static Shape Shape(params (string Name, object? Value)[] properties) => new Shape().With(properties);

    public static Annotation Annotation(params (string Name, object? Value)[] properties) => new Annotation().With(properties);

    public static Layout Layout(params (string Name, object? Value)[] properties) => new Layout().With(properties);

    /// <summary>A chart of these traces with this layout, over Plotly.NET's default template (so it looks like Plotly.NET's own charts).</summary>
    public static GenericChart Chart(IEnumerable<Trace> traces, Layout layout) =>
        GenericChart.addLayout(layout, GenericChart.ofTraceObjects(true, traces.ToArray()));

    /// <summary>A colour scale as plotly.js reads it (a name or [[position, colour], …]).</summary>
    public static object? Scale(StyleParam.Colorscale? colorscale) => colorscale?.Convert();

    /// <summary>A dash pattern as plotly.js reads it ("dash", "dot", …).</summary>
    public static object? Dash(StyleParam.DrawingStyle? dash) => dash?.Convert();

    /// <summary>A matrix as rows of nullable numbers: non-finite cells become null (JSON has no NaN; plotly.js leaves null cells empty).</summary>
    public static double?[][] Rows(double[,] matrix)
    {
        var rows = new double?[matrix.GetLength(0)][];
        for (var r = 0; r < rows.Length; r++)
        {
            rows[r] = new double?[matrix.GetLength(1)];
            for (var c = 0; c < rows[r].Length; c++) rows[r][c] = double.IsFinite(matrix[r, c]) ? matrix[r, c] : null;
        }
        return rows;
    }

    /// <summary>A vector with non-finite values as null (a gap in a line).</summary>
    public static double?[] Finite(IEnumerable<double> values) => values.Select(v => double.IsFinite(v) ? v : (double?)null).ToArray();

    public static string[][] Rows(string[,] matrix)
    {
        var rows = new string[matrix.GetLength(0)][];
        for (var r = 0; r < rows.Length; r++)
        {
            rows[r] = new string[matrix.GetLength(1)];
            for (var c = 0; c < rows[r].Length; c++) rows[r][c] = matrix[r, c];
        }
        return rows;
    }
}
