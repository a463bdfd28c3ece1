using AiLab.Classic;
using static AiLab.Tests.Classic.EnsembleMembers;

namespace AiLab.Tests.Classic;

/// <summary>VotingClassifier against scikit-learn's on the same members and data, plus the definitions of both votes.</summary>
public sealed class VotingClassifierTests
{
    [Fact]
    public void Soft_MatchesSklearn()
    {
        var f = SklearnFixtures.Ensemble("voting");
        var voting = new VotingClassifier(All, Voting.Soft, weights: f.Vector("soft_weights")).Fit(f.Matrix("X"), f.Ints("y"));
        var xTest = f.Matrix("Xtest");
        // 1e-5: the logistic member matches scikit-learn's to L-BFGS tolerance; the tree and k-NN exactly.
        Approx.Equal(f.Matrix("soft_proba"), voting.PredictProba(xTest), 1e-5, "soft proba");
        Assert.Equal(f.Ints("soft_predict"), voting.Predict(xTest));
    }

    [Fact]
    public void Hard_MatchesSklearn_IncludingItsMembersAndTieBreaks()
    {
        var f = SklearnFixtures.Ensemble("voting");
        var voting = new VotingClassifier(All).Fit(f.Matrix("X"), f.Ints("y"));
        var xTest = f.Matrix("Xtest");
        var sklearnMembers = f.GetProperty("member_predict").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetInt32()).ToArray()).ToArray();
        for (int m = 0; m < 3; m++)
            Assert.Equal(sklearnMembers[m], voting.Estimators[m].Predict(xTest));
        // Three members, three classes: rows where all disagree go to the smallest label in both libraries.
        Assert.Contains(Enumerable.Range(0, xTest.GetLength(0)), i => sklearnMembers.Select(p => p[i]).Distinct().Count() == 3);
        Assert.Equal(f.Ints("hard_predict"), voting.Predict(xTest));
    }

    [Fact]
    public void SoftProbabilities_AreTheWeightedMeanOfTheMembers()
    {
        var f = SklearnFixtures.Ensemble("voting");
        double[] w = [2, 1, 1];
        var voting = new VotingClassifier(All, Voting.Soft, w).Fit(f.Matrix("X"), f.Ints("y"));
        var xTest = f.Matrix("Xtest");
        var members = voting.Estimators.Select(e => e.PredictProba(xTest)).ToArray();
        var proba = voting.PredictProba(xTest);
        for (int i = 0; i < xTest.GetLength(0); i++)
            for (int k = 0; k < 3; k++)
                Approx.Equal((w[0] * members[0][i, k] + w[1] * members[1][i, k] + w[2] * members[2][i, k]) / 4, proba[i, k], 1e-15, $"p[{i},{k}]");
    }

    [Fact]
    public void Hard_AMemberOutweighingTheOthersCombined_DecidesEveryRow()
    {
        var f = SklearnFixtures.Ensemble("voting");
        var voting = new VotingClassifier(All, Voting.Hard, weights: [1, 1, 2.5]).Fit(f.Matrix("X"), f.Ints("y"));
        var xTest = f.Matrix("Xtest");
        Assert.Equal(voting.NamedEstimators["lr"].Predict(xTest), voting.Predict(xTest));
        Assert.NotEqual(voting.NamedEstimators["tree"].Predict(xTest), voting.Predict(xTest));
    }

    [Fact]
    public void BadInput_Throws()
    {
        Assert.Equal("estimators", Assert.Throws<ArgumentException>(() => new VotingClassifier([])).ParamName);
        Assert.Equal("estimators", Assert.Throws<ArgumentException>(() => new VotingClassifier([("a", Tree), ("a", Knn)])).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => new VotingClassifier(All, Voting.Soft, [1.0, 2.0])).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => new VotingClassifier(All, Voting.Soft, [1.0, -1.0, 1.0])).ParamName);
        var f = SklearnFixtures.Ensemble("voting");
        var hard = new VotingClassifier(All).Fit(f.Matrix("X"), f.Ints("y"));
        Assert.Throws<InvalidOperationException>(() => hard.PredictProba(f.Matrix("Xtest")));
        Assert.Throws<InvalidOperationException>(() => new VotingClassifier(All).Predict(f.Matrix("Xtest")));
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => new VotingClassifier(All).Fit(f.Matrix("X"), [0, 1])).ParamName);
    }
}
