namespace AiLab.Charts;

/// <summary>
/// Vertical offsets that spread a row of points into a swarm showing their density, as SHAP's beeswarm does:
/// values are binned (100 bins over the row's range) and the points of one bin stack 0, +1, −1, +2, −2, …
/// Deterministic: ties in a bin keep input order.
/// </summary>
internal static class BeeswarmLayout
{
    /// <summary>Offsets for <paramref name="values"/>, scaled so a row never spreads beyond ±<paramref name="halfHeight"/>.</summary>
    public static double[] Offsets(double[] values, double halfHeight = 0.4, int bins = 100)
    {
        var n = values.Length;
        var offsets = new double[n];
        if (n == 0) return offsets;
        var finite = values.Where(double.IsFinite).DefaultIfEmpty(0).ToArray();
        var (min, max) = (finite.Min(), finite.Max());
        var bin = values.Select(v => double.IsFinite(v) ? Math.Round(bins * (v - min) / (max - min + 1e-8)) : -1).ToArray();
        var order = Enumerable.Range(0, n).OrderBy(i => bin[i]).ThenBy(i => i).ToArray();
        var layer = 0;
        var lastBin = double.NaN;
        foreach (var i in order)
        {
            if (bin[i] != lastBin) layer = 0;
            offsets[i] = Math.Ceiling(layer / 2.0) * (layer % 2 == 1 ? 1 : -1);
            layer++;
            lastBin = bin[i];
        }
        // SHAP scales by 0.9 × row height / (largest stack + 1): sparse rows stay thin, dense rows fill the band.
        var scale = 0.9 * halfHeight / (offsets.Max(Math.Abs) + 1);
        for (var i = 0; i < n; i++) offsets[i] *= scale;
        return offsets;
    }
}
