using AiLab.Data;

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
        var table = Datasets.Co2Concentration();

        Assert.Equal(["Date", "CO2", "adjusted CO2"], table.ColumnNames);
        Assert.Equal(741, table.RowCount);
        Assert.Equal(new DateTime(1958, 3, 1), table.Dates("Date")[0]);
        Assert.Equal(new DateTime(2020, 4, 1), table.Dates("Date")[^1]);
        Assert.Equal(355.3109311740891, Mean(table.Numbers("CO2")), 1e-9);
    }

    [Fact]
    public void SeattleWeather_Loaded_FiveWeatherCategories()
    {
        var table = Datasets.SeattleWeather();

        Assert.Equal((1461, 6), (table.RowCount, table.ColumnCount));
        Assert.Equal(ColumnKind.Date, table["date"].Kind);
        Assert.Equal(["drizzle", "fog", "rain", "snow", "sun"], ((TextColumn)table["weather"]).Categories());
        Assert.Equal(16.43908281998631, Mean(table.Numbers("temp_max")), 1e-9);
    }

    [Fact]
    public void Penguins_Loaded_KeepsRealMissingValues()
    {
        var table = Datasets.Penguins();

        Assert.Equal((344, 7), (table.RowCount, table.ColumnCount));
        Assert.Equal([0, 0, 2, 2, 2, 2, 10], table.Columns.Select(column => column.MissingCount));
        Assert.True(double.IsNaN(table.Numbers("Beak Length (mm)")[3]));
        Assert.Null(table.Strings("Sex")[3]);
        Assert.Equal(152, table.Strings("Species").Count(s => s == "Adelie"));
    }

    [Fact]
    public void Cars_Loaded_KeepsRealMissingValuesAndModelYearDates()
    {
        var table = Datasets.Cars();

        Assert.Equal((406, 9), (table.RowCount, table.ColumnCount));
        Assert.Equal(8, table["Miles_per_Gallon"].MissingCount);
        Assert.Equal(6, table["Horsepower"].MissingCount);
        Assert.Equal(ColumnKind.Date, table["Year"].Kind);
        Assert.Equal(new DateTime(1970, 1, 1), table.Dates("Year")[0]);
        Assert.Equal(["Europe", "Japan", "USA"], ((TextColumn)table["Origin"]).Categories());
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
    public void Loaders_CalledTwice_ReturnIndependentArrays()
    {
        var first = Datasets.Iris();
        first.Features[0, 0] = -1;

        Assert.Equal(5.1, Datasets.Iris().Features[0, 0]);
    }

    private static double Mean(IEnumerable<double> values) => values.Average();
}

internal static class MatrixTestExtensions
{
    public static double[] GetRow(this double[,] matrix, int row) =>
        [.. Enumerable.Range(0, matrix.GetLength(1)).Select(j => matrix[row, j])];
}
