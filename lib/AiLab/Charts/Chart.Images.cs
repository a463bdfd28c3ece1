namespace AiLab.Charts;

public static partial class Chart
{
    /// <summary>
    /// Grayscale images in a grid with optional captions above each: digits, generated samples, masks and
    /// predictions. One heatmap draws all tiles (fast for hundreds of images); pixels stay square.
    /// All images share one intensity range (<paramref name="vmin"/>…<paramref name="vmax"/>, by default the data's).
    /// </summary>
    /// <param name="images">Images [row, column], all the same size.</param>
    /// <param name="captions">One caption per image (label, prediction, score).</param>
    /// <param name="columns">Images per row.</param>
    /// <param name="colorscale">Intensity → colour; <see cref="Colorscale.Gray"/> (0 black, 1 white) when null.</param>
    /// <param name="vmin">Intensity drawn as the bottom of the scale.</param>
    /// <param name="vmax">Intensity drawn as the top of the scale.</param>
    /// <param name="tileSize">Size in pixels of each image's longer side on screen.</param>
    public static Figure ImageGrid(IReadOnlyList<double[,]> images, string[]? captions = null, int columns = 8,
        Colorscale? colorscale = null, double? vmin = null, double? vmax = null, int tileSize = 96)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Count == 0) throw new ArgumentException("No images.", nameof(images));
        RequireLength(captions, images.Count, nameof(captions), "images");
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(tileSize, 8);
        var (height, width) = (images[0].GetLength(0), images[0].GetLength(1));
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

        // NaN between tiles draws as background: one trace, many images.
        var mosaic = new double[mosaicHeight, mosaicWidth];
        for (var r = 0; r < mosaicHeight; r++)
            for (var c = 0; c < mosaicWidth; c++) mosaic[r, c] = double.NaN;
        for (var i = 0; i < images.Count; i++)
        {
            var (top, left) = (i / columns * pitchY + captionBand, i % columns * pitchX);
            for (var r = 0; r < height; r++)
                for (var c = 0; c < width; c++) mosaic[top + r, left + c] = images[i][r, c];
        }
        var finite = images.SelectMany(image => image.Cast<double>()).Where(double.IsFinite).DefaultIfEmpty(0).ToArray();
        var figure = new Figure(Trace.Heatmap(mosaic, colorscale: colorscale ?? Colorscale.Gray, zMin: vmin ?? finite.Min(), zMax: vmax ?? finite.Max(),
            showScale: false, hoverTemplate: "%{z:.3g}<extra></extra>"));
        for (var i = 0; captions is not null && i < images.Count; i++)
        {
            // Centred over its image, in the band above it.
            var (top, left) = (i / columns * pitchY + captionBand, i % columns * pitchX);
            figure = figure.WithAnnotation(left + (width - 1) / 2.0, top - 0.5 - captionBand / 2.0, captions[i], yAnchor: "middle", fontSize: 12);
        }
        var hidden = new { showgrid = false, zeroline = false, showline = false, showticklabels = false, ticks = "", constrain = "domain" };
        const int margin = 10, titleBand = 50;
        return figure
            .WithLayout("xaxis", hidden).WithLayout("yaxis", hidden)
            .WithLayout("xaxis.range", new[] { -0.5, mosaicWidth - 0.5 })
            .WithLayout("yaxis.range", new[] { mosaicHeight - 0.5, -0.5 })
            .WithLayout("yaxis.scaleanchor", "x")
            .WithLayout("margin", new { l = margin, r = margin, t = titleBand, b = margin })
            .WithSize((int)Math.Ceiling(mosaicWidth * pixelsPerUnit) + 2 * margin, (int)Math.Ceiling(mosaicHeight * pixelsPerUnit) + margin + titleBand);
    }

    /// <summary>
    /// As <see cref="ImageGrid(IReadOnlyList{double[,]}, string[], int, Colorscale, double?, double?, int)"/>, from
    /// flat row-major pixels of n images of <paramref name="height"/> × <paramref name="width"/> (a tensor's data, or
    /// rows of 64 pixels from the digits dataset).
    /// </summary>
    public static Figure ImageGrid(IReadOnlyList<double> pixels, int height, int width, string[]? captions = null, int columns = 8,
        Colorscale? colorscale = null, double? vmin = null, double? vmax = null, int tileSize = 96)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        if (pixels.Count == 0 || pixels.Count % (height * width) != 0)
            throw new ArgumentException($"pixels has {pixels.Count} values, not a positive multiple of height × width = {height * width}.", nameof(pixels));
        var all = pixels as double[] ?? pixels.ToArray();
        var images = new double[all.Length / (height * width)][,];
        for (var i = 0; i < images.Length; i++)
            images[i] = Values2D.FromFlat(new ArraySegment<double>(all, i * height * width, height * width), height, width).ToArray();
        return ImageGrid(images, captions, columns, colorscale, vmin, vmax, tileSize);
    }

    /// <summary>
    /// An image with bounding boxes: ground truth dashed, predictions solid and coloured by label, each tagged with
    /// its label and score. Box corners are in pixels with (0, 0) the image's top-left corner and
    /// (width, height) its bottom-right (torchvision's x1, y1, x2, y2).
    /// </summary>
    /// <param name="image">Grayscale image [row, column] (an array or a 2-D tensor).</param>
    /// <param name="boxes">Boxes to draw.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="colorscale">Intensity → colour; <see cref="Colorscale.GrayInverted"/> (dark ink on white) when null.</param>
    /// <param name="size">On-screen size in pixels of the image's longer side.</param>
    public static Figure ImageWithBoxes(Values2D image, IEnumerable<BoundingBox> boxes, string? title = null,
        Colorscale? colorscale = null, int size = 480)
    {
        var list = (boxes ?? throw new ArgumentNullException(nameof(boxes))).ToArray();
        var (height, width) = (image.Rows, image.Columns);
        if (height == 0 || width == 0) throw new ArgumentException("The image is empty.", nameof(image));
        var labels = list.Where(b => !b.IsGroundTruth).Select(b => b.Label ?? "").Distinct().ToList();
        var figure = new Figure(Trace.Heatmap(image, colorscale: colorscale ?? Colorscale.GrayInverted, showScale: false,
            hoverTemplate: "x %{x}, y %{y}: %{z:.3g}<extra></extra>"));
        var legendShown = new HashSet<string>();
        for (var i = 0; i < list.Length; i++)
        {
            var box = list[i];
            if (!(box.X1 > box.X0 && box.Y1 > box.Y0))
                throw new ArgumentException($"Box {i} has corners ({box.X0}, {box.Y0}) and ({box.X1}, {box.Y1}); it needs X1 > X0 and Y1 > Y0.", nameof(boxes));
            var color = box.IsGroundTruth ? "#59a14f" : Theme.Color(2 + labels.IndexOf(box.Label ?? ""));
            var kind = box.IsGroundTruth ? "ground truth" : "prediction";
            // Pixel centres are at integers in the heatmap, so pixel edges sit half a unit before them.
            figure = figure.WithRectangle(box.X0 - 0.5, box.Y0 - 0.5, box.X1 - 0.5, box.Y1 - 0.5, lineColor: color,
                dash: box.IsGroundTruth ? Dash.Dash : Dash.Solid, width: 2.5);
            var shape = $"layout.shapes[{i}]";
            figure = figure.With($"{shape}.name", kind).With($"{shape}.legendgroup", kind).With($"{shape}.showlegend", legendShown.Add(kind));
            var tag = string.Join(" ", new[] { box.Label, box.Score is { } s ? Format(s, "0.00") : null }.Where(t => !string.IsNullOrEmpty(t)));
            if (tag.Length > 0)
                figure = figure.WithAnnotation(box.X0 - 0.5, box.IsGroundTruth ? box.Y1 - 0.5 : box.Y0 - 0.5, tag,
                    xAnchor: "left", yAnchor: box.IsGroundTruth ? "top" : "bottom", fontSize: 11, color: "#ffffff", backgroundColor: color);
        }
        var scale = (double)size / Math.Max(height, width);
        var hidden = new { showgrid = false, zeroline = false, showline = false, constrain = "domain" };
        figure = figure
            .WithLayout("xaxis", hidden).WithLayout("yaxis", hidden)
            .WithLayout("xaxis.range", new[] { -0.5, width - 0.5 })
            .WithLayout("yaxis.range", new[] { height - 0.5, -0.5 })
            .WithLayout("yaxis.scaleanchor", "x")
            .WithLegend(LegendPosition.Bottom)
            .WithSize((int)Math.Ceiling(width * scale) + 100, (int)Math.Ceiling(height * scale) + 160);
        return title is null ? figure : figure.WithTitle(title);
    }
}
