using Plotly.NET;
using Plotly.NET.LayoutObjects;
using static AiLab.Charts.PlotlyObjects;

namespace AiLab.Charts;

public static partial class LabChart
{
    /// <summary>
    /// Grayscale images in a grid with optional captions above each: digits, generated samples, masks and
    /// predictions. One heatmap draws all tiles (fast for hundreds of images; empty cells between tiles); pixels
    /// stay square. All images share one intensity range (<paramref name="vmin"/>…<paramref name="vmax"/>, by
    /// default the data's).
    /// </summary>
    /// <param name="images">Images [row, column], all the same size.</param>
    /// <param name="captions">One caption per image (label, prediction, score).</param>
    /// <param name="columns">Images per row.</param>
    /// <param name="colorscale">Intensity → colour; <see cref="LabColorscales.Gray"/> (0 black, 1 white) when null.</param>
    /// <param name="vmin">Intensity drawn as the bottom of the scale.</param>
    /// <param name="vmax">Intensity drawn as the top of the scale.</param>
    /// <param name="tileSize">Size in pixels of each image's longer side on screen.</param>
    public static GenericChart ImageGrid(IReadOnlyList<double[,]> images, string[]? captions = null, int columns = 8,
        StyleParam.Colorscale? colorscale = null, double? vmin = null, double? vmax = null, int tileSize = 96)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Count == 0) throw new ArgumentException("No images.", nameof(images));
        RequireLength(captions, images.Count, nameof(captions), "images");
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(tileSize, 8);
        var (height, width) = (images[0]?.GetLength(0) ?? 0, images[0]?.GetLength(1) ?? 0);
        for (var i = 0; i < images.Count; i++)
            if (images[i] is null || images[i].GetLength(0) != height || images[i].GetLength(1) != width)
                throw new ArgumentException($"images[{i}] is {images[i]?.GetLength(0)}×{images[i]?.GetLength(1)} but images[0] is {height}×{width}; all must match.", nameof(images));
        if (height == 0 || width == 0) throw new ArgumentException("The images are empty.", nameof(images));

        columns = Math.Min(columns, images.Count);
        var rows = (images.Count + columns - 1) / columns;
        var pixelsPerUnit = (double)tileSize / Math.Max(height, width);
        var gap = Math.Max(1, (int)Math.Round(0.08 * Math.Max(height, width)));
        var captionBand = captions is null ? 0 : (int)Math.Ceiling(18 / pixelsPerUnit);
        var (pitchX, pitchY) = (width + gap, captionBand + height + gap);
        var (mosaicWidth, mosaicHeight) = (columns * pitchX - gap, rows * pitchY - gap);

        // Null between tiles draws as background: one trace, many images.
        var mosaic = new double?[mosaicHeight][];
        for (var r = 0; r < mosaicHeight; r++) mosaic[r] = new double?[mosaicWidth];
        for (var i = 0; i < images.Count; i++)
        {
            var (top, left) = (i / columns * pitchY + captionBand, i % columns * pitchX);
            for (var r = 0; r < height; r++)
                for (var c = 0; c < width; c++)
                    mosaic[top + r][left + c] = double.IsFinite(images[i][r, c]) ? images[i][r, c] : null;
        }
        var finite = images.SelectMany(image => image.Cast<double>()).Where(double.IsFinite).DefaultIfEmpty(0).ToArray();
        var heatmap = Trace("heatmap", ("z", mosaic), ("colorscale", Scale(colorscale ?? LabColorscales.Gray)),
            ("zmin", vmin ?? finite.Min()), ("zmax", vmax ?? finite.Max()), ("showscale", false), ("hoverongaps", false),
            ("hovertemplate", "%{z:.3g}<extra></extra>"));
        // Each caption centred over its image, in the band above it.
        var annotations = captions?.Select((caption, i) => Annotation(
            ("x", i % columns * pitchX + (width - 1) / 2.0), ("y", i / columns * pitchY - 0.5 + captionBand / 2.0),
            ("xref", "x"), ("yref", "y"), ("text", caption), ("showarrow", false), ("yanchor", "middle"), ("font", Font(("size", 12))))).ToArray();
        const int margin = 10, titleBand = 50;
        return Chart([heatmap], Layout(
            ("xaxis", HiddenAxis(("range", new[] { -0.5, mosaicWidth - 0.5 }))),
            ("yaxis", HiddenAxis(("range", new[] { mosaicHeight - 0.5, -0.5 }), ("scaleanchor", "x"))),
            // White behind cells and between tiles, not the template's grey plot area.
            ("plot_bgcolor", "#ffffff"),
            ("annotations", annotations),
            ("margin", new Margin().With(("l", margin), ("r", margin), ("t", titleBand), ("b", margin))),
            ("width", (int)Math.Ceiling(mosaicWidth * pixelsPerUnit) + 2 * margin),
            ("height", (int)Math.Ceiling(mosaicHeight * pixelsPerUnit) + margin + titleBand)));
    }

    /// <summary>
    /// As <see cref="ImageGrid(IReadOnlyList{double[,]}, string[], int, StyleParam.Colorscale, double?, double?, int)"/>,
    /// from flat row-major pixels of n images of <paramref name="height"/> × <paramref name="width"/> (rows of 64
    /// pixels from the digits dataset, say).
    /// </summary>
    public static GenericChart ImageGrid(IReadOnlyList<double> pixels, int height, int width, string[]? captions = null, int columns = 8,
        StyleParam.Colorscale? colorscale = null, double? vmin = null, double? vmax = null, int tileSize = 96)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        if (pixels.Count == 0 || pixels.Count % (height * width) != 0)
            throw new ArgumentException($"pixels has {pixels.Count} values, not a positive multiple of height × width = {height * width}.", nameof(pixels));
        var images = new double[pixels.Count / (height * width)][,];
        for (var i = 0; i < images.Length; i++)
        {
            images[i] = new double[height, width];
            for (var r = 0; r < height; r++)
                for (var c = 0; c < width; c++) images[i][r, c] = pixels[(i * height + r) * width + c];
        }
        return ImageGrid(images, captions, columns, colorscale, vmin, vmax, tileSize);
    }

    /// <summary>
    /// An image with bounding boxes: ground truth dashed green, predictions solid and coloured by label, each tagged
    /// with its label and score. Box corners are in pixels with (0, 0) the image's top-left corner and
    /// (width, height) its bottom-right (torchvision's x1, y1, x2, y2).
    /// </summary>
    /// <param name="image">Grayscale image [row, column].</param>
    /// <param name="boxes">Boxes to draw.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="colorscale">Intensity → colour; <see cref="LabColorscales.GrayInverted"/> (dark ink on white) when null.</param>
    /// <param name="size">On-screen size in pixels of the image's longer side.</param>
    public static GenericChart ImageWithBoxes(double[,] image, IEnumerable<BoundingBox> boxes, string? title = null,
        StyleParam.Colorscale? colorscale = null, int size = 480)
    {
        ArgumentNullException.ThrowIfNull(image);
        var list = (boxes ?? throw new ArgumentNullException(nameof(boxes))).ToArray();
        var (height, width) = (image.GetLength(0), image.GetLength(1));
        if (height == 0 || width == 0) throw new ArgumentException("The image is empty.", nameof(image));
        var labels = list.Where(b => !b.IsGroundTruth).Select(b => b.Label ?? "").Distinct().ToList();
        var shapes = new List<Shape>();
        var annotations = new List<Annotation>();
        for (var i = 0; i < list.Length; i++)
        {
            var box = list[i];
            if (!(box.X1 > box.X0 && box.Y1 > box.Y0))
                throw new ArgumentException($"Box {i} has corners ({box.X0}, {box.Y0}) and ({box.X1}, {box.Y1}); it needs X1 > X0 and Y1 > Y0.", nameof(boxes));
            var color = box.IsGroundTruth ? "#59a14f" : ChartColors.Series(2 + labels.IndexOf(box.Label ?? ""));
            // Pixel centres are at integers in the heatmap, so pixel edges sit half a unit before them.
            shapes.Add(Shape(("type", "rect"), ("xref", "x"), ("yref", "y"), ("x0", box.X0 - 0.5), ("y0", box.Y0 - 0.5), ("x1", box.X1 - 0.5), ("y1", box.Y1 - 0.5),
                ("name", box.IsGroundTruth ? "ground truth" : "prediction"),
                ("line", LineStyle(("color", color), ("width", 2.5), ("dash", box.IsGroundTruth ? "dash" : "solid")))));
            var tag = string.Join(" ", new[] { box.Label, box.Score is { } s ? Format(s, "0.00") : null }.Where(t => !string.IsNullOrEmpty(t)));
            if (tag.Length > 0)
                annotations.Add(Annotation(("x", box.X0 - 0.5), ("y", box.IsGroundTruth ? box.Y1 - 0.5 : box.Y0 - 0.5), ("xref", "x"), ("yref", "y"),
                    ("text", tag), ("showarrow", false), ("xanchor", "left"), ("yanchor", box.IsGroundTruth ? "top" : "bottom"),
                    ("font", Font(("size", 11), ("color", "#ffffff"))), ("bgcolor", color)));
        }
        var heatmap = Trace("heatmap", ("z", Rows(image)), ("colorscale", Scale(colorscale ?? LabColorscales.GrayInverted)), ("showscale", false),
            ("hovertemplate", "x %{x}, y %{y}: %{z:.3g}<extra></extra>"));
        var scale = (double)size / Math.Max(height, width);
        return Chart([heatmap], Layout(
            ("title", title is null ? null : Title(title)),
            ("xaxis", HiddenAxis(("range", new[] { -0.5, width - 0.5 }))),
            ("yaxis", HiddenAxis(("range", new[] { height - 0.5, -0.5 }), ("scaleanchor", "x"))),
            // White behind cells and between tiles, not the template's grey plot area.
            ("plot_bgcolor", "#ffffff"),
            ("shapes", shapes.ToArray()), ("annotations", annotations.ToArray()),
            ("width", (int)Math.Ceiling(width * scale) + 100), ("height", (int)Math.Ceiling(height * scale) + 160)));
    }

    /// <summary>An axis with no grid, ticks or line, constrained to its data (images).</summary>
    private static LinearAxis HiddenAxis(params (string Name, object? Value)[] properties) =>
        Axis([("showgrid", false), ("zeroline", false), ("showline", false), ("showticklabels", false), ("ticks", ""), ("constrain", "domain"), .. properties]);
}
