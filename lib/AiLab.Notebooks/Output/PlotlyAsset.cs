namespace AiLab.Notebooks.Output;

/// <summary>
/// plotly.js for the static pages: the bundle Plotly.NET embeds (the version its chart JSON targets, the same one the
/// library's saved charts share), written once into the output folder, so chart outputs — which draw with
/// <c>window.Plotly</c> when a page provides it — render offline.
/// </summary>
internal static class PlotlyAsset
{
    /// <summary>The file name in the output folder (the library's saved charts load the same file).</summary>
    public const string FileName = "plotly.min.js";

    // The same resource lib/AiLab/Charts/PlotlyJs.cs reads; the runner does not reference the library, and Plotly.NET
    // keeps its own reader (InternalUtils.getFullPlotlyJS) internal.
    private const string ResourceName = "Plotly.NET.plotly-" + Globals.PLOTLYJS_VERSION + ".min.js";

    /// <summary>The bundle's bytes, from the Plotly.NET assembly.</summary>
    public static byte[] Read()
    {
        using var stream = typeof(Plotly.NET.GenericChart).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Plotly.NET does not embed {ResourceName}.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    /// <summary>Writes plotly.js into <paramref name="outDir"/> unless an identical copy is there.</summary>
    public static void Publish(string outDir) => AtomicFile.WriteIfDifferent(Path.Combine(outDir, FileName), Read());
}
