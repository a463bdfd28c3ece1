namespace AiLab.Data;

public sealed partial class Table
{
    /// <summary>
    /// One row of summary statistics per column, like pandas' <c>describe(include="all")</c> transposed:
    /// <c>column</c>, <c>type</c>, <c>count</c> (non-missing), <c>missing</c>; for numeric columns <c>mean</c>,
    /// <c>std</c> (sample, n − 1), <c>min</c>, <c>25%</c>, <c>50%</c>, <c>75%</c>, <c>max</c> (quantiles by linear
    /// interpolation, numpy's default); for text and date columns <c>unique</c>, <c>top</c> (most frequent,
    /// ties broken by first appearance) and <c>freq</c>. Statistics that do not apply are NaN / null.
    /// </summary>
    public Table Describe()
    {
        var rows = columns.Select(Summarise).ToArray();
        return new Table(
            new TextColumn("column", rows.Select(r => (string?)r.Column)),
            new TextColumn("type", rows.Select(r => (string?)r.Kind.ToString().ToLowerInvariant())),
            new NumericColumn("count", rows.Select(r => (double)r.Count)),
            new NumericColumn("missing", rows.Select(r => (double)r.Missing)),
            new NumericColumn("mean", rows.Select(r => r.Mean)),
            new NumericColumn("std", rows.Select(r => r.Std)),
            new NumericColumn("min", rows.Select(r => r.Quantiles[0])),
            new NumericColumn("25%", rows.Select(r => r.Quantiles[1])),
            new NumericColumn("50%", rows.Select(r => r.Quantiles[2])),
            new NumericColumn("75%", rows.Select(r => r.Quantiles[3])),
            new NumericColumn("max", rows.Select(r => r.Quantiles[4])),
            new NumericColumn("unique", rows.Select(r => r.Unique)),
            new TextColumn("top", rows.Select(r => r.Top)),
            new NumericColumn("freq", rows.Select(r => r.Frequency)));
    }

    private sealed record Summary(string Column, ColumnKind Kind, int Count, int Missing, double Mean, double Std,
        double[] Quantiles, double Unique, string? Top, double Frequency);

    private static Summary Summarise(Column column)
    {
        int missing = column.MissingCount;
        int count = column.Length - missing;
        double[] noQuantiles = [double.NaN, double.NaN, double.NaN, double.NaN, double.NaN];
        if (column is NumericColumn numeric)
        {
            double[] present = [.. numeric.ToArray().Where(v => !double.IsNaN(v)).Order()];
            double mean = count == 0 ? double.NaN : present.Average();
            double std = count < 2 ? double.NaN : Math.Sqrt(present.Sum(v => (v - mean) * (v - mean)) / (count - 1));
            double[] quantiles = count == 0 ? noQuantiles : [.. new[] { 0, 0.25, 0.5, 0.75, 1 }.Select(q => Quantile(present, q))];
            return new Summary(column.Name, column.Kind, count, missing, mean, std, quantiles, double.NaN, null, double.NaN);
        }
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        for (int row = 0; row < column.Length; row++)
        {
            if (column.IsMissing(row))
                continue;
            string value = column.Format(row);
            if (counts.TryAdd(value, 1))
                order.Add(value);
            else
                counts[value]++;
        }
        // MaxBy keeps the first of equal maxima, so ties go to the value seen first.
        string? top = order.Count == 0 ? null : order.MaxBy(value => counts[value]);
        return new Summary(column.Name, column.Kind, count, missing, double.NaN, double.NaN, noQuantiles,
            counts.Count, top, top is null ? double.NaN : counts[top]);
    }

    /// <summary>Quantile <paramref name="q"/> of sorted values, linear interpolation between closest ranks.</summary>
    private static double Quantile(double[] sorted, double q)
    {
        double position = q * (sorted.Length - 1);
        int lower = (int)Math.Floor(position);
        int upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}
