using AiLab.Data;
using Microsoft.Data.Analysis;

namespace AiLab.Tests.Data;

public sealed class DatasetFromDataFrameTests
{
    private static readonly string[] Measurements = ["Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Body Mass (g)"];

    [Fact]
    public void ClassificationFromDataFrame_PenguinSpecies_CompleteRowsAndOrdinalClasses()
    {
        var penguins = Datasets.Penguins().DropNulls();

        var data = ClassificationDataset.FromDataFrame("penguins", penguins, "Species", Measurements);

        // 344 penguins, 10 with a null somewhere (all in Sex; 2 of them also lack every measurement), counted in Python.
        Assert.Equal(334, data.Count);
        Assert.Equal(["Adelie", "Chinstrap", "Gentoo"], data.ClassNames);
        Assert.Equal([146, 68, 120], data.ClassCounts());
        Assert.Equal(Measurements, data.FeatureNames);
        Assert.Equal([39.1, 18.7, 181, 3750], Enumerable.Range(0, 4).Select(j => data.Features[0, j]));
    }

    [Fact]
    public void ClassificationFromDataFrame_NoFeaturesNamed_TakesEveryNumericColumn()
    {
        var data = ClassificationDataset.FromDataFrame("penguins", Datasets.Penguins().DropNulls(), "Sex");

        Assert.Equal(Measurements, data.FeatureNames);
        Assert.Equal([".", "FEMALE", "MALE"], data.ClassNames);
        Assert.Equal([1, 165, 168], data.ClassCounts());
    }

    [Fact]
    public void ClassificationFromDataFrame_MissingValues_ThrowsSayingWhatToDo()
    {
        var error = Assert.Throws<ArgumentException>(() => ClassificationDataset.FromDataFrame("penguins", Datasets.Penguins(), "Species", Measurements));

        Assert.StartsWith("Column 'Beak Length (mm)' has 2 missing values: drop those rows first (frame.DropNulls())", error.Message);
    }

    [Fact]
    public void RegressionFromDataFrame_CarsMpg()
    {
        var cars = Datasets.Cars().DropNulls();

        var data = RegressionDataset.FromDataFrame("cars", cars, "Miles_per_Gallon", "Cylinders", "Horsepower", "Weight_in_lbs");

        Assert.Equal(392, data.Count); // auto-mpg's well-known 392 complete cars
        Assert.Equal("Miles_per_Gallon", data.TargetName);
        Assert.Equal(18.0, data.Targets[0]);
        Assert.Equal([8.0, 130, 3504], Enumerable.Range(0, 3).Select(j => data.Features[0, j]));
        Assert.Equal(cars["Miles_per_Gallon"].ToDoubleArray().Sum(), data.Targets.Sum(), 1e-9);
    }

    [Fact]
    public void RegressionFromDataFrame_TextTarget_ThrowsNamingColumn()
    {
        var error = Assert.Throws<InvalidOperationException>(() => RegressionDataset.FromDataFrame("cars", Datasets.Cars().DropNulls(), "Origin", "Cylinders"));

        Assert.Equal("Column 'Origin' holds String values, not numbers.", error.Message);
    }
}
