using System.Text.Json;
using AiLab.Data;
using static AiLab.Tests.Data.TextFixtures;

namespace AiLab.Tests.Data;

/// <summary>CrossValidation.TimeSeriesSplit against scikit-learn 1.2.1's TimeSeriesSplit (Fixtures/make_text_fixtures.py).</summary>
public sealed class TimeSeriesSplitTests
{
    public static TheoryData<int> Cases => Indices("time_series_split");

    public static TheoryData<int> ErrorCases => Indices("time_series_split_errors");

    private static TheoryData<int> Indices(string section)
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Section(section).GetArrayLength(); i++)
            data.Add(i);
        return data;
    }

    private static IReadOnlyList<Fold> Split(JsonElement c)
    {
        var p = c.GetProperty("params");
        return CrossValidation.TimeSeriesSplit(c.GetProperty("n_samples").GetInt32(), OptionalInt(p, "n_splits") ?? 5,
            OptionalInt(p, "test_size"), OptionalInt(p, "gap") ?? 0, OptionalInt(p, "max_train_size"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TimeSeriesSplit_MatchesSklearn(int index)
    {
        var c = Section("time_series_split")[index];

        var folds = Split(c);

        var expected = c.GetProperty("folds").EnumerateArray().ToArray();
        Assert.Equal(expected.Length, folds.Count);
        for (int k = 0; k < folds.Count; k++)
        {
            Assert.Equal(k, folds[k].Index);
            Assert.Equal(Ints(expected[k].GetProperty("train")), folds[k].Train);
            Assert.Equal(Ints(expected[k].GetProperty("test")), folds[k].Validation);
            Assert.True(folds[k].Train.Max() < folds[k].Validation.Min(), $"fold {k}: training must precede the test block.");
        }
    }

    [Theory]
    [MemberData(nameof(ErrorCases))]
    public void TimeSeriesSplit_RejectsWhatSklearnRejects(int index)
    {
        var c = Section("time_series_split_errors")[index];

        var e = Assert.ThrowsAny<ArgumentException>(() => Split(c));

        Assert.Equal("splits", e.ParamName);
        string sklearn = c.GetProperty("error").GetString()!;
        Assert.Contains(sklearn.StartsWith("Cannot") ? "Cannot have number of folds" : "Too many splits", e.Message);
    }

    [Fact]
    public void TimeSeriesSplit_GapAndWindow_HandCase()
    {
        // 10 samples, 3 splits of 2: tests [4,5], [6,7], [8,9]; gap 1 drops the sample just before each; window 2.
        var folds = CrossValidation.TimeSeriesSplit(10, splits: 3, testSize: 2, gap: 1, maxTrainSize: 2);

        Assert.Equal([[1, 2], [3, 4], [5, 6]], folds.Select(f => f.Train));
        Assert.Equal([[4, 5], [6, 7], [8, 9]], folds.Select(f => f.Validation));
    }

    [Fact]
    public void TimeSeriesSplit_BadArguments_NameTheArgument()
    {
        Assert.Equal("splits", Assert.Throws<ArgumentOutOfRangeException>(() => CrossValidation.TimeSeriesSplit(10, splits: 1)).ParamName);
        Assert.Equal("gap", Assert.Throws<ArgumentOutOfRangeException>(() => CrossValidation.TimeSeriesSplit(10, gap: -1)).ParamName);
        Assert.Equal("testSize", Assert.Throws<ArgumentOutOfRangeException>(() => CrossValidation.TimeSeriesSplit(10, testSize: 0)).ParamName);
        Assert.Equal("maxTrainSize", Assert.Throws<ArgumentOutOfRangeException>(() => CrossValidation.TimeSeriesSplit(10, maxTrainSize: 0)).ParamName);
    }
}
