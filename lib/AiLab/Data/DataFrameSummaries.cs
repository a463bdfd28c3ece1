using Microsoft.Data.Analysis;

namespace AiLab.Data;

/// <summary>
/// The summaries a notebook shows a reader that <see cref="DataFrame"/> lacks or gets wrong: missing values per
/// column, and pandas' <c>describe()</c>.
/// </summary>
/// <remarks>
/// Why not <see cref="DataFrame.Description"/>: in Microsoft.Data.Analysis 0.23.1 its "Mean" divides the sum by
/// the column's length <i>including</i> nulls (penguins' body mass: 4177.3 instead of 4201.8), in float32, and it
/// has no spread or quartiles. <see cref="DataFrame.Info"/> is fine and complements these.
/// </remarks>
public static class DataFrameSummaries
{
    private static readonly string[] Statistics = ["count", "mean", "std", "min", "25%", "50%", "75%", "max"];

    /// <summary>
    /// One row per column of <paramref name="frame"/>, in order: <c>Column</c> (its name) and <c>Missing</c>
    /// (its number of nulls).
    /// </summary>
    public static DataFrame MissingValues(this DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return new DataFrame(
            new StringDataFrameColumn("Column", frame.Columns.Select(column => column.Name)),
            new Int64DataFrameColumn("Missing", frame.Columns.Select(column => column.NullCount)));
    }

    /// <summary>
    /// pandas' <c>describe()</c>: a first column <c>Description</c> naming the statistics count (non-missing values),
    /// mean, std (sample, n − 1), min, 25%, 50%, 75%, max (quantiles by linear interpolation, numpy's default), then
    /// one double column per numeric column of <paramref name="frame"/>, computed over its non-missing values.
    /// Statistics of too few values (a mean of none, a std of one) are NaN. Non-numeric columns are left out, as
    /// pandas does; <c>column.ValueCounts()</c> summarises those.
    /// </summary>
    public static DataFrame Describe(this DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var columns = new List<DataFrameColumn> { new StringDataFrameColumn("Description", Statistics) };
        foreach (var column in frame.Columns.Where(column => column.IsNumericColumn()))
            columns.Add(new DoubleDataFrameColumn(column.Name, Summarise(column.ToDoubleArray())));
        return new DataFrame(columns);
    }

    private static double[] Summarise(double[] values)
    {
        double[] present = [.. values.Where(value => !double.IsNaN(value)).Order()];
        int count = present.Length;
        double mean = count == 0 ? double.NaN : present.Average();
        double std = count < 2 ? double.NaN : Math.Sqrt(present.Sum(v => (v - mean) * (v - mean)) / (count - 1));
        return [count, mean, std, .. new[] { 0, 0.25, 0.5, 0.75, 1 }.Select(q => count == 0 ? double.NaN : Metrics.Statistics.QuantileOfSorted(present, q))];
    }
}
