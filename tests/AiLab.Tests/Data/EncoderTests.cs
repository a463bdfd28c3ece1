using AiLab.Data;

namespace AiLab.Tests.Data;

public sealed class EncoderTests
{
    [Fact]
    public void OneHotEncoder_FitOnTrain_OrdinalCategoryColumns()
    {
        var encoder = new OneHotEncoder().Fit(["Torgersen", "Biscoe", "Dream", "Biscoe", null]);

        Assert.Equal(["Biscoe", "Dream", "Torgersen"], encoder.Categories);
        Assert.Equal(new double[,] { { 0, 0, 1 }, { 1, 0, 0 } }, encoder.Transform(["Torgersen", "Biscoe"]));
        Assert.Equal(["Island=Biscoe", "Island=Dream", "Island=Torgersen"], encoder.FeatureNames("Island"));
    }

    [Fact]
    public void OneHotEncoder_UnknownCategory_ThrowsUnlessIgnored()
    {
        var strict = new OneHotEncoder().Fit(["a", "b"]);
        var lenient = new OneHotEncoder(ignoreUnknown: true).Fit(["a", "b"]);

        var error = Assert.Throws<ArgumentException>(() => strict.Transform(["a", "c"]));
        Assert.Contains("values[1] = 'c'", error.Message);
        Assert.Throws<ArgumentException>(() => strict.Transform([null]));
        Assert.Equal(new double[,] { { 0, 0 }, { 0, 1 }, { 0, 0 } }, lenient.Transform(["c", "b", null]));
    }

    [Fact]
    public void OneHotEncoder_NotFitted_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new OneHotEncoder().Transform(["a"]));
    }

    [Fact]
    public void LabelEncoder_Penguins_SpeciesToCodesAndBack()
    {
        var species = Datasets.Penguins()["Species"].ToStringArray();
        var encoder = new LabelEncoder();

        int[] codes = encoder.FitTransform(species);

        Assert.Equal(["Adelie", "Chinstrap", "Gentoo"], encoder.Classes);
        Assert.Equal([152, 68, 124], Enumerable.Range(0, 3).Select(c => codes.Count(code => code == c)));
        Assert.Equal(species, encoder.InverseTransform(codes));
    }

    [Fact]
    public void LabelEncoder_MissingOrUnknown_Throws()
    {
        Assert.Throws<ArgumentException>(() => new LabelEncoder().Fit(["a", null]));
        var error = Assert.Throws<ArgumentException>(() => new LabelEncoder().Fit(["a"]).Transform(["b"]));
        Assert.Contains("'b'", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LabelEncoder().Fit(["a"]).InverseTransform([1]));
    }
}
