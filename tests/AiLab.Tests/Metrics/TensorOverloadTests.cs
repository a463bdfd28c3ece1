using AiLab.Metrics;
using TorchSharp;
using static TorchSharp.torch;
using static AiLab.Tests.Metrics.MetricsFixture;

namespace AiLab.Tests.Metrics;

/// <summary>The tensor overloads must give exactly what the array methods give on the same values.</summary>
public sealed class TensorOverloadTests
{
    private static (int[] Labels, double[] Scores) Binary(string name)
    {
        var c = Case("binary", name);
        return (Ints(c.GetProperty("y_true")), Doubles(c.GetProperty("y_score")));
    }

    [Fact]
    public void BinaryScoreMetrics_Int64LabelsAndFloat64Scores_EqualArrayResults()
    {
        var (y, s) = Binary("ties_rounded_n80");
        using var yt = torch.tensor(y.Select(v => (long)v).ToArray());
        using var st = torch.tensor(s);
        Assert.Equal(Classification.RocAuc(y, s), Classification.RocAuc(yt, st));
        Assert.Equal(Classification.RocCurve(y, s).Fpr, Classification.RocCurve(yt, st).Fpr);
        Assert.Equal(Classification.PrecisionRecallCurve(y, s).Precision, Classification.PrecisionRecallCurve(yt, st).Precision);
        Assert.Equal(Classification.AveragePrecision(y, s), Classification.AveragePrecision(yt, st));
        Assert.Equal(Classification.LogLoss(y, s), Classification.LogLoss(yt, st));
        Assert.Equal(Classification.BrierScoreLoss(y, s), Classification.BrierScoreLoss(yt, st));
        Assert.Equal(Classification.CalibrationCurve(y, s, 4).ProbTrue, Classification.CalibrationCurve(yt, st, 4).ProbTrue);
    }

    [Fact]
    public void LabelMetrics_BoolPredictionsAndFloatTargetsShapedNBy1_EqualArrayResults()
    {
        var (y, s) = Binary("random_n60");
        bool[] predicted = [.. s.Select(v => v >= 0.5)];
        int[] yPred = [.. predicted.Select(b => b ? 1 : 0)];
        using var yt = torch.tensor(y.Select(v => (float)v).ToArray(), [y.Length, 1]);
        using var pt = torch.tensor(predicted);
        Assert.Equal(Classification.Accuracy(y, yPred), Classification.Accuracy(yt, pt));
        Assert.Equal(Classification.F1(y, yPred), Classification.F1(yt, pt));
        Assert.Equal(Classification.Precision(y, yPred), Classification.Precision(yt, pt));
        Assert.Equal(Classification.Recall(y, yPred), Classification.Recall(yt, pt));
        Assert.Equal(Classification.ConfusionMatrix(y, yPred).Counts, Classification.ConfusionMatrix(yt, pt).Counts);
    }

    [Fact]
    public void MulticlassProbabilities_Float32Matrix_EqualArrayResultsOnSameValues()
    {
        var c = Case("multiclass_probabilities", "k4_n120");
        int[] y = Ints(c.GetProperty("y_true"));
        double[,] p = Matrix(c.GetProperty("y_prob"));
        using var yt = torch.tensor(y);
        using var pt = torch.tensor(p);
        Assert.Equal(Classification.RocAuc(y, p, Average.Weighted), Classification.RocAuc(yt, pt, Average.Weighted));
        Assert.Equal(Classification.LogLoss(y, p), Classification.LogLoss(yt, pt));
    }

    [Fact]
    public void RegressionMetrics_Float32Tensors_EqualArrayResultsOnRoundedValues()
    {
        var c = Case("regression", "random_n50");
        float[] y = [.. Doubles(c.GetProperty("y_true")).Select(v => (float)v)];
        float[] yPred = [.. Doubles(c.GetProperty("y_pred")).Select(v => (float)v)];
        double[] yd = [.. y.Select(v => (double)v)], pd = [.. yPred.Select(v => (double)v)];
        using var yt = torch.tensor(y);
        using var pt = torch.tensor(yPred);
        Assert.Equal(Regression.MeanSquaredError(yd, pd), Regression.MeanSquaredError(yt, pt));
        Assert.Equal(Regression.RootMeanSquaredError(yd, pd), Regression.RootMeanSquaredError(yt, pt));
        Assert.Equal(Regression.MeanAbsoluteError(yd, pd), Regression.MeanAbsoluteError(yt, pt));
        Assert.Equal(Regression.R2Score(yd, pd), Regression.R2Score(yt, pt));
    }

    [Fact]
    public void RankingDetectionClustering_Tensors_EqualArrayResults()
    {
        var retrieval = Case("retrieval", "rect_20x30");
        double[,] similarity = Matrix(retrieval.GetProperty("similarity"));
        int[] relevant = Ints(retrieval.GetProperty("relevant"));
        using var st = torch.tensor(similarity);
        using var rt = torch.tensor(relevant);
        Assert.Equal(Ranking.RecallAtK(similarity, relevant, 3), Ranking.RecallAtK(st, rt, 3));

        var square = Matrix(Case("retrieval", "square_12").GetProperty("similarity"));
        using var squareTensor = torch.tensor(square);
        Assert.Equal(Ranking.RecallAtK(square, 5), Ranking.RecallAtK(squareTensor, 5));

        var mask = Case("masks", "random_64");
        bool[] target = Bools(mask.GetProperty("target")), prediction = Bools(mask.GetProperty("prediction"));
        using var targetImage = torch.tensor(target, [8, 8]);
        using var predictionImage = torch.tensor(prediction.Select(b => b ? 1f : 0f).ToArray(), [8, 8]);
        Assert.Equal(Detection.Iou(target, prediction), Detection.Iou(targetImage, predictionImage));
        Assert.Equal(Detection.Dice(target, prediction), Detection.Dice(targetImage, predictionImage));

        var blobs = Case("silhouette", "blobs_45x3");
        double[,] x = Matrix(blobs.GetProperty("x"));
        int[] labels = Ints(blobs.GetProperty("labels"));
        using var xt = torch.tensor(x);
        using var lt = torch.tensor(labels);
        Assert.Equal(Clustering.SilhouetteScore(x, labels), Clustering.SilhouetteScore(xt, lt));
        Assert.Equal(1.0, Clustering.AdjustedRandScore(lt, lt));
    }

    [Fact]
    public void Labels_FractionalFloatTensor_ThrowsNamingElement()
    {
        using var y = torch.tensor(new[] { 0f, 1f, 0.5f });
        using var s = torch.tensor(new[] { 0.1, 0.2, 0.3 });
        var e = Assert.Throws<ArgumentException>(() => Classification.RocAuc(y, s));
        Assert.Equal("yTrue", e.ParamName);
        Assert.Contains("element 2", e.Message);
    }

    [Fact]
    public void BinaryScores_TwoColumnMatrix_ThrowsInsteadOfFlattening()
    {
        using var y = torch.tensor(new[] { 0, 1 });
        using var p = torch.tensor(new double[,] { { 0.8, 0.2 }, { 0.3, 0.7 } });
        var e = Assert.Throws<ArgumentException>(() => Classification.RocAuc(y, p));
        Assert.Equal("yScore", e.ParamName);
    }
}
