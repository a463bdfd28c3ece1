using System.Text.Json.Serialization;

namespace AiLab.Charts;

// plotly.js enumerated attribute values. Each member's JSON spelling is given once, here, by its
// JsonStringEnumMemberName (PlotlyJson.EnumName reads it); members without one are written in lower case.

/// <summary>How a scatter trace draws its points (<c>mode</c>); combine with <c>|</c>.</summary>
[Flags]
public enum ScatterMode
{
    /// <summary>Nothing drawn (useful for an invisible band edge).</summary>
    None = 0,
    /// <summary>Lines between points.</summary>
    Lines = 1,
    /// <summary>A marker at each point.</summary>
    Markers = 2,
    /// <summary>The point's text next to it.</summary>
    Text = 4,
}

/// <summary>Line dash pattern (<c>line.dash</c>).</summary>
public enum Dash
{
    /// <summary>Continuous.</summary>
    Solid,
    /// <summary>Dotted.</summary>
    Dot,
    /// <summary>Dashed.</summary>
    Dash,
    /// <summary>Long dashes.</summary>
    [JsonStringEnumMemberName("longdash")] LongDash,
    /// <summary>Dash, dot.</summary>
    [JsonStringEnumMemberName("dashdot")] DashDot,
}

/// <summary>Area filled by a scatter trace (<c>fill</c>).</summary>
public enum Fill
{
    /// <summary>No fill.</summary>
    None,
    /// <summary>Down to y = 0.</summary>
    [JsonStringEnumMemberName("tozeroy")] ToZeroY,
    /// <summary>Across to x = 0.</summary>
    [JsonStringEnumMemberName("tozerox")] ToZeroX,
    /// <summary>Down to the previous trace (bands: lower edge first, then the upper edge with this fill).</summary>
    [JsonStringEnumMemberName("tonexty")] ToNextY,
    /// <summary>Across to the previous trace.</summary>
    [JsonStringEnumMemberName("tonextx")] ToNextX,
    /// <summary>The closed shape traced by the points.</summary>
    [JsonStringEnumMemberName("toself")] ToSelf,
}

/// <summary>Axis scale (<c>xaxis.type</c>).</summary>
public enum AxisType
{
    /// <summary>Let plotly.js infer it from the data.</summary>
    [JsonStringEnumMemberName("-")] Auto,
    /// <summary>Linear numbers.</summary>
    Linear,
    /// <summary>Base-10 logarithmic.</summary>
    Log,
    /// <summary>Dates.</summary>
    Date,
    /// <summary>Categories in order of appearance.</summary>
    Category,
}

/// <summary>How bars of several traces at one category share it (<c>layout.barmode</c>).</summary>
public enum BarMode
{
    /// <summary>Side by side.</summary>
    Group,
    /// <summary>On top of each other (negative values go down from zero).</summary>
    [JsonStringEnumMemberName("relative")] Stack,
    /// <summary>Drawn over each other; give them opacity.</summary>
    Overlay,
}

/// <summary>Direction of bars and boxes (<c>orientation</c>).</summary>
public enum Orientation
{
    /// <summary>Vertical: categories on x.</summary>
    [JsonStringEnumMemberName("v")] Vertical,
    /// <summary>Horizontal: categories on y.</summary>
    [JsonStringEnumMemberName("h")] Horizontal,
}

/// <summary>What a histogram's bar heights mean (<c>histnorm</c>).</summary>
public enum HistNorm
{
    /// <summary>Counts.</summary>
    [JsonStringEnumMemberName("")] Count,
    /// <summary>Fraction of all samples.</summary>
    Probability,
    /// <summary>Percentage of all samples.</summary>
    Percent,
    /// <summary>Count divided by bin width.</summary>
    Density,
    /// <summary>Probability divided by bin width: integrates to 1.</summary>
    [JsonStringEnumMemberName("probability density")] ProbabilityDensity,
}

/// <summary>Which points a box plot also draws (<c>boxpoints</c>); pass <c>null</c> for none.</summary>
public enum BoxPoints
{
    /// <summary>Only points beyond the whiskers.</summary>
    Outliers,
    /// <summary>Every sample, jittered beside the box.</summary>
    All,
    /// <summary>Outliers, and points beyond 4 × IQR drawn differently.</summary>
    [JsonStringEnumMemberName("suspectedoutliers")] SuspectedOutliers,
}

/// <summary>Where the legend sits. Inside positions overlay the plot area in a corner.</summary>
public enum LegendPosition
{
    /// <summary>Outside, right of the plot (plotly's default).</summary>
    Right,
    /// <summary>Outside, in a row below the plot.</summary>
    Bottom,
    /// <summary>Outside, in a row above the plot.</summary>
    Top,
    /// <summary>Inside, top-right corner.</summary>
    TopRight,
    /// <summary>Inside, top-left corner.</summary>
    TopLeft,
    /// <summary>Inside, bottom-right corner.</summary>
    BottomRight,
    /// <summary>Inside, bottom-left corner.</summary>
    BottomLeft,
}
