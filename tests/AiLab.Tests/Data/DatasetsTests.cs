using System.Text.RegularExpressions;
using AiLab.Data;
using Microsoft.Data.Analysis;

namespace AiLab.Tests.Data;

/// <summary>Known values of the datasets, from scikit-learn 1.2.1 and numpy on the same files.</summary>
public sealed class DatasetsTests
{
    [Fact]
    public void BreastCancer_Loaded_MatchesScikitLearn()
    {
        var data = Datasets.BreastCancer();

        Assert.Equal((569, 30), (data.Count, data.FeatureCount));
        Assert.Equal(["malignant", "benign"], data.ClassNames);
        Assert.Equal([212, 357], data.ClassCounts());
        Assert.Equal("mean radius", data.FeatureNames[0]);
        Assert.Equal("worst fractal dimension", data.FeatureNames[29]);
        Assert.Equal([17.99, 10.38, 122.8], [data.Features[0, 0], data.Features[0, 1], data.Features[0, 2]]);
        Assert.Equal(0.07039, data.Features[568, 29]);
        // load_breast_cancer().data.mean(axis=0)[:3]
        Assert.Equal(14.12729174, Mean(data.Features.GetColumn(0)), 1e-8);
        Assert.Equal(91.96903339, Mean(data.Features.GetColumn(2)), 1e-8);
    }

    [Fact]
    public void Iris_Loaded_ThreeBalancedClasses()
    {
        var data = Datasets.Iris();

        Assert.Equal((150, 4), (data.Count, data.FeatureCount));
        Assert.Equal(["setosa", "versicolor", "virginica"], data.ClassNames);
        Assert.Equal([50, 50, 50], data.ClassCounts());
        Assert.Equal(5.84333333, Mean(data.Features.GetColumn(0)), 1e-8);
        Assert.Equal(1.19933333, Mean(data.Features.GetColumn(3)), 1e-8);
    }

    [Fact]
    public void Wine_Loaded_MatchesScikitLearn()
    {
        var data = Datasets.Wine();

        Assert.Equal((178, 13), (data.Count, data.FeatureCount));
        Assert.Equal([59, 71, 48], data.ClassCounts());
        Assert.Equal("od280/od315_of_diluted_wines", data.FeatureNames[11]);
        Assert.Equal(13.00061798, Mean(data.Features.GetColumn(0)), 1e-8);
        Assert.Equal(746.89325843, Mean(data.Features.GetColumn(12)), 1e-8);
    }

    [Fact]
    public void Digits_Loaded_ImagesScaledToUnitIntervalWithScikitLearnCounts()
    {
        var data = Datasets.Digits();

        Assert.Equal((1797, 1, 8, 8), (data.Count, data.Channels, data.Height, data.Width));
        Assert.Equal([178, 182, 177, 183, 181, 182, 181, 179, 174, 180], data.ClassCounts());
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], data.Labels[..10]);
        // load_digits().images[0] row 1 is [0, 0, 13, 15, 10, 15, 5, 0].
        Assert.Equal([0, 0, 13 / 16.0, 15 / 16.0, 10 / 16.0, 15 / 16.0, 5 / 16.0, 0], data.Image(0).GetRow(1));
        double total = 0, max = 0;
        foreach (double pixel in data.Images)
        {
            Assert.InRange(pixel, 0, 1);
            total += pixel;
            max = Math.Max(max, pixel);
        }
        Assert.Equal(561718 / 16.0, total, 1e-6); // load_digits().data.sum()
        Assert.Equal(1.0, max);
    }

    [Fact]
    public void Digits_Flatten_GivesScikitLearnFeatureLayoutAndNames()
    {
        var images = Datasets.Digits();
        var flat = images.Flatten();

        Assert.Equal((1797, 64), (flat.Count, flat.FeatureCount));
        Assert.Equal("pixel_0_0", flat.FeatureNames[0]);
        Assert.Equal("pixel_1_2", flat.FeatureNames[10]);
        Assert.Equal(images.Images[5, 0, 1, 2], flat.Features[5, 10]);
        Assert.Equal(images.Labels, flat.Labels);
    }

    [Fact]
    public void Diabetes_Loaded_UnscaledAsScikitLearnScaledFalse()
    {
        var data = Datasets.Diabetes();

        Assert.Equal((442, 10), (data.Count, data.FeatureCount));
        Assert.Equal(["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"], data.FeatureNames);
        Assert.Equal([59, 2, 32.1, 101, 157, 93.2, 38, 4, 4.8598, 87], data.Features.TakeRows([0]).GetRow(0));
        Assert.Equal([151.0, 75, 141], data.Targets[..3]);
        Assert.Equal(67243.0, data.Targets.Sum());
        Assert.Equal((25.0, 346.0), (data.Targets.Min(), data.Targets.Max()));
    }

    [Fact]
    public void Co2Concentration_Loaded_MonthlyDatesAndNumbers()
    {
        var frame = Datasets.Co2Concentration();

        Assert.Equal(["Date", "CO2", "adjusted CO2"], frame.Columns.Select(column => column.Name));
        Assert.Equal([typeof(DateTime), typeof(double), typeof(double)], frame.Columns.Select(column => column.DataType));
        Assert.Equal(741, frame.Rows.Count);
        Assert.Equal(new DateTime(1958, 3, 1), frame["Date"][0]);
        Assert.Equal(new DateTime(2020, 4, 1), frame["Date"][740]);
        Assert.Equal(416.18, frame["CO2"][740]); // the file's last line: 2020-04-01,416.18,413.35
        Assert.Equal(413.35, frame["adjusted CO2"][740]);
        Assert.Equal(355.3109311740891, Mean(frame["CO2"].ToDoubleArray()), 1e-9);
        Assert.All(frame.Columns, column => Assert.Equal(0, column.NullCount));
    }

    [Fact]
    public void SeattleWeather_Loaded_FiveWeatherCategories()
    {
        var frame = Datasets.SeattleWeather();

        Assert.Equal((1461L, 6), (frame.Rows.Count, frame.Columns.Count));
        Assert.Equal([typeof(DateTime), typeof(double), typeof(double), typeof(double), typeof(double), typeof(string)],
            frame.Columns.Select(column => column.DataType));
        // The file's second line: 2012-01-01,0.0,12.8,5.0,4.7,drizzle
        Assert.Equal(new object[] { new DateTime(2012, 1, 1), 0.0, 12.8, 5.0, 4.7, "drizzle" }, frame.Rows[0]);
        Assert.Equal(["drizzle", "fog", "rain", "snow", "sun"], frame["weather"].ToStringArray().Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(16.43908281998631, Mean(frame["temp_max"].ToDoubleArray()), 1e-9);
    }

    [Fact]
    public void Penguins_Loaded_KeepsRealMissingValuesAsNulls()
    {
        var frame = Datasets.Penguins();

        Assert.Equal((344L, 7), (frame.Rows.Count, frame.Columns.Count));
        Assert.Equal([typeof(string), typeof(string), typeof(double), typeof(double), typeof(double), typeof(double), typeof(string)],
            frame.Columns.Select(column => column.DataType));
        Assert.Equal(new object[] { "Adelie", "Torgersen", 39.1, 18.7, 181.0, 3750.0, "MALE" }, frame.Rows[0]);
        Assert.Null(frame["Beak Length (mm)"][3]);
        Assert.Null(frame["Sex"][3]);
        Assert.Equal(152, frame["Species"].ToStringArray().Count(s => s == "Adelie"));
        Assert.Equal(MissingCountsInJson("vega/penguins.json", frame), frame.Columns.Select(column => column.NullCount));
        Assert.Equal([0L, 0, 2, 2, 2, 2, 10], frame.Columns.Select(column => column.NullCount));
    }

    [Fact]
    public void Cars_Loaded_KeepsRealMissingValuesAndModelYearDates()
    {
        var frame = Datasets.Cars();

        Assert.Equal((406L, 9), (frame.Rows.Count, frame.Columns.Count));
        Assert.Equal(MissingCountsInJson("vega/cars.json", frame), frame.Columns.Select(column => column.NullCount));
        Assert.Equal(8, frame["Miles_per_Gallon"].NullCount);
        Assert.Equal(6, frame["Horsepower"].NullCount);
        Assert.Equal(typeof(DateTime), frame["Year"].DataType);
        Assert.Equal(new object[] { "chevrolet chevelle malibu", 18.0, 8.0, 307.0, 130.0, 3504.0, 12.0, new DateTime(1970, 1, 1), "USA" }, frame.Rows[0]);
        Assert.Equal(["Europe", "Japan", "USA"], frame["Origin"].ToStringArray().Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SpamAssassin_Loaded_BalancedWithoutMailHeaders()
    {
        var data = Datasets.SpamAssassin();

        Assert.Equal(1500, data.Count);
        Assert.Equal(["ham", "spam"], data.ClassNames);
        Assert.Equal([750, 750], data.ClassCounts());
        Assert.All(data.Texts, text => Assert.DoesNotContain("\nReceived: ", text));
        Assert.All(data.Texts, text => Assert.InRange(text.Length, 20, 10_000 + 2 + 1000));
        Assert.StartsWith("[IRR] Klez: The Virus That  Won't Die\n\nKlez: The Virus That Won't Die", data.Texts[0]);
    }

    [Fact]
    public void FirstNames_Loaded_CountsOfBothListsAndTheirUnion()
    {
        string[] female = Datasets.FemaleFirstNames(), male = Datasets.MaleFirstNames(), all = Datasets.FirstNames();

        Assert.Equal(4951, female.Length);
        Assert.Equal(3898, male.Length);
        Assert.Equal("Aaren", female[0]);
        Assert.Equal(female.Union(male).Count(), all.Length);
        Assert.True(all.Order(StringComparer.Ordinal).SequenceEqual(all));
    }

    [Fact]
    public void ToDataFrame_Iris_FeatureColumnsThenClassNames()
    {
        var iris = Datasets.Iris();

        var frame = iris.ToDataFrame();

        Assert.Equal([.. iris.FeatureNames, "target"], frame.Columns.Select(column => column.Name));
        Assert.Equal([typeof(double), typeof(double), typeof(double), typeof(double), typeof(string)], frame.Columns.Select(column => column.DataType));
        Assert.Equal(new object[] { 5.1, 3.5, 1.4, 0.2, "setosa" }, frame.Rows[0]); // the first line of iris.csv
        Assert.Equal(50, frame["target"].ToStringArray().Count(name => name == "virginica"));
        Assert.Equal(iris.Features.GetColumn(3), frame["petal width (cm)"].ToDoubleArray());
    }

    [Fact]
    public void ToDataFrame_Diabetes_FeaturesAndNumericTarget()
    {
        var frame = Datasets.Diabetes().ToDataFrame();

        Assert.Equal((442L, 11), (frame.Rows.Count, frame.Columns.Count));
        Assert.Equal("progression", frame.Columns[10].Name);
        Assert.Equal(67243.0, frame["progression"].ToDoubleArray().Sum());
        Assert.Equal(32.1, frame["bmi"][0]);
    }

    [Fact]
    public void ToDataFrame_Digits_SixtyFourPixelColumnsAndDigitNames()
    {
        var digits = Datasets.Digits();

        var frame = digits.ToDataFrame();

        Assert.Equal((1797L, 65), (frame.Rows.Count, frame.Columns.Count));
        Assert.Equal(("pixel_0_0", "pixel_7_7", "target"), (frame.Columns[0].Name, frame.Columns[63].Name, frame.Columns[64].Name));
        Assert.Equal(13 / 16.0, frame["pixel_1_2"][0]); // load_digits().images[0][1][2] is 13
        Assert.Equal(["0", "1", "2"], (IEnumerable<string?>)frame["target"].ToStringArray()[..3]);
    }

    [Fact]
    public void ToDataFrame_SpamAssassin_TextAndClassName()
    {
        var spam = Datasets.SpamAssassin();

        var frame = spam.ToDataFrame();

        Assert.Equal(["text", "target"], frame.Columns.Select(column => column.Name));
        Assert.Equal(spam.Texts[0], frame["text"][0]);
        Assert.Equal(750, frame["target"].ToStringArray().Count(name => name == "spam"));
    }

    [Fact]
    public void Loaders_CalledTwice_ReturnIndependentArrays()
    {
        var first = Datasets.Iris();
        first.Features[0, 0] = -1;

        Assert.Equal(5.1, Datasets.Iris().Features[0, 0]);
    }

    private static double Mean(IEnumerable<double> values) => values.Average();

    /// <summary>
    /// Nulls per column counted from the raw JSON text, independently of the loader: records without the key plus
    /// records whose value is the literal <c>null</c>.
    /// </summary>
    private static long[] MissingCountsInJson(string file, DataFrame frame)
    {
        string text = DataFolder.Locate().ReadVerifiedText(file);
        int records = Regex.Count(text, @"\{");
        return [.. frame.Columns.Select(column =>
        {
            string key = Regex.Escape($"\"{column.Name}\"");
            return (long)(records - Regex.Count(text, key + @"\s*:") + Regex.Count(text, key + @"\s*:\s*null\b"));
        })];
    }
}

internal static class MatrixTestExtensions
{
    public static double[] GetRow(this double[,] matrix, int row) =>
        [.. Enumerable.Range(0, matrix.GetLength(1)).Select(j => matrix[row, j])];
}
