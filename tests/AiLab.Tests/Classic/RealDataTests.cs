using AiLab.Classic;
using AiLab.Data;

namespace AiLab.Tests.Classic;

/// <summary>
/// The estimators on the notebooks' real data sets, with the thresholds the notebooks rely on. Scores
/// (ARI, ROC AUC) are computed here by short independent helpers.
/// </summary>
public sealed class RealDataTests
{
    [Fact]
    public void LogisticRegression_BreastCancerStandardized_ReachesNotebookAccuracy()
    {
        var data = Datasets.BreastCancer();
        var split = DataSplit.TrainTest(data.Labels.Length, testSize: 0.25, seed: 0, stratify: data.Labels);
        var scaler = new StandardScaler().Fit(data.Features.TakeRows(split.Train));
        var xTrain = scaler.Transform(data.Features.TakeRows(split.Train));
        var xTest = scaler.Transform(data.Features.TakeRows(split.Test));
        var model = new LogisticRegression().Fit(xTrain, data.Labels.TakeRows(split.Train));
        Assert.True(model.Converged);
        var yTest = data.Labels.TakeRows(split.Test);
        Assert.True(model.Score(xTest, yTest) >= 0.95, $"accuracy {model.Score(xTest, yTest)}");
        var p = model.PredictProba(xTest);
        Assert.True(RocAuc(yTest, Enumerable.Range(0, yTest.Length).Select(i => p[i, 1]).ToArray()) >= 0.97);
    }

    [Fact]
    public void KMeans_IrisStandardized_AgreesWithSpeciesAboveAri06()
    {
        var data = Datasets.Iris();
        var x = new StandardScaler().FitTransform(data.Features);
        var labels = new KMeans(nClusters: 3, seed: 0).FitPredict(x);
        double ari = AdjustedRandIndex(data.Labels, labels);
        Assert.True(ari >= 0.6, $"ARI {ari}");
    }

    [Fact]
    public void KNeighborsClassifier_Digits_ReachesNinetySixPercent()
    {
        var data = Datasets.Digits();
        var x = Flatten(data.Images);
        var split = DataSplit.TrainTest(data.Count, testSize: 0.25, seed: 0, stratify: data.Labels);
        var knn = new KNeighborsClassifier(nNeighbors: 3).Fit(x.TakeRows(split.Train), data.Labels.TakeRows(split.Train));
        double accuracy = knn.Score(x.TakeRows(split.Test), data.Labels.TakeRows(split.Test));
        Assert.True(accuracy >= 0.96, $"accuracy {accuracy}");
    }

    [Fact]
    public void IsolationForest_BreastCancerTrainedOnBenign_RanksMalignantHigher()
    {
        var data = Datasets.BreastCancer();
        int benign = data.ClassNames.ToList().IndexOf("benign");
        Assert.True(benign >= 0, "class names: " + string.Join(", ", data.ClassNames));
        var benignRows = Enumerable.Range(0, data.Labels.Length).Where(i => data.Labels[i] == benign).ToArray();
        var train = benignRows.Where((_, k) => k % 2 == 0).ToArray();
        var test = Enumerable.Range(0, data.Labels.Length).Except(train).ToArray();
        var scaler = new StandardScaler().Fit(data.Features.TakeRows(train));
        var forest = new IsolationForest(seed: 0).Fit(scaler.Transform(data.Features.TakeRows(train)));
        var scores = forest.AnomalyScore(scaler.Transform(data.Features.TakeRows(test)));
        var isMalignant = test.Select(i => data.Labels[i] == benign ? 0 : 1).ToArray();
        double auc = RocAuc(isMalignant, scores);
        Assert.True(auc >= 0.85, $"anomaly ROC AUC {auc}");
    }

    private static double[,] Flatten(double[,,,] images)
    {
        int n = images.GetLength(0), d = images.Length / n;
        var x = new double[n, d];
        Buffer.BlockCopy(images, 0, x, 0, images.Length * sizeof(double));
        return x;
    }

    /// <summary>P(score of a random positive &gt; score of a random negative), ties counting ½ (Mann–Whitney).</summary>
    private static double RocAuc(int[] y, double[] score)
    {
        double wins = 0;
        int pairs = 0;
        for (int i = 0; i < y.Length; i++)
            for (int j = 0; j < y.Length; j++)
                if (y[i] == 1 && y[j] == 0)
                {
                    pairs++;
                    wins += score[i] > score[j] ? 1 : score[i] == score[j] ? 0.5 : 0;
                }
        return wins / pairs;
    }

    /// <summary>Hubert–Arabie adjusted Rand index from the contingency table.</summary>
    private static double AdjustedRandIndex(int[] a, int[] b)
    {
        static double Pairs(double n) => n * (n - 1) / 2;
        var cells = a.Zip(b).GroupBy(t => t).Sum(g => Pairs(g.Count()));
        var rows = a.GroupBy(v => v).Sum(g => Pairs(g.Count()));
        var columns = b.GroupBy(v => v).Sum(g => Pairs(g.Count()));
        double expected = rows * columns / Pairs(a.Length);
        double max = (rows + columns) / 2;
        return (cells - expected) / (max - expected);
    }
}
