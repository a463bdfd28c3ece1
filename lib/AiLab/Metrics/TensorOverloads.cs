using TorchSharp;
using static TorchSharp.torch;
using static AiLab.Metrics.TensorArrays;

// Thin tensor overloads: each copies its tensors to arrays (detached, on the CPU; see TensorArrays) and calls the
// array method of the same name, whose documentation defines the metric. Labels may be integer, bool or whole-valued
// floating tensors of shape (n) or (n, 1).

namespace AiLab.Metrics;

public static partial class Classification
{
    /// <summary>Tensor form of <see cref="ConfusionMatrix(ReadOnlySpan{int}, ReadOnlySpan{int}, int[])"/>.</summary>
    /// <param name="yTrue">True labels, shape (n).</param>
    /// <param name="yPred">Predicted labels, shape (n).</param>
    /// <param name="labels">Optional classes and their order.</param>
    public static ConfusionMatrixResult ConfusionMatrix(Tensor yTrue, Tensor yPred, int[]? labels = null) =>
        ConfusionMatrix(Labels(yTrue, nameof(yTrue)), Labels(yPred, nameof(yPred)), labels);

    /// <summary>
    /// Tensor form of <see cref="HammingLoss(ReadOnlySpan{int}, ReadOnlySpan{int})"/> for labels of shape (n), and of
    /// <see cref="HammingLoss(int[,], int[,])"/> for 0/1 indicator matrices of shape (n, L) (e.g. thresholded sigmoids).
    /// </summary>
    /// <param name="yTrue">True labels (n) or indicators (n, L).</param>
    /// <param name="yPred">Predicted labels or indicators, same shape.</param>
    public static double HammingLoss(Tensor yTrue, Tensor yPred) =>
        IsVector(yTrue, nameof(yTrue))
            ? HammingLoss(Labels(yTrue, nameof(yTrue)), Labels(yPred, nameof(yPred)))
            : HammingLoss(IndicatorMatrix(yTrue, nameof(yTrue)), IndicatorMatrix(yPred, nameof(yPred)));

    /// <summary>Tensor form of <see cref="Accuracy(ReadOnlySpan{int}, ReadOnlySpan{int})"/>.</summary>
    /// <param name="yTrue">True labels, shape (n).</param>
    /// <param name="yPred">Predicted labels, shape (n).</param>
    public static double Accuracy(Tensor yTrue, Tensor yPred) =>
        Accuracy(Labels(yTrue, nameof(yTrue)), Labels(yPred, nameof(yPred)));

    /// <summary>
    /// Tensor form of <see cref="Precision(ReadOnlySpan{int}, ReadOnlySpan{int}, Average, int, int[], double)"/>; given
    /// (n, L) 0/1 indicator matrices it is the multilabel <see cref="Precision(int[,], int[,], Average, double)"/>
    /// (scikit-learn tells the two apart by shape too; <paramref name="posLabel"/> and <paramref name="labels"/> then do not apply).
    /// </summary>
    /// <param name="yTrue">True labels, shape (n), or indicators, shape (n, L).</param>
    /// <param name="yPred">Predicted labels or indicators, same shape.</param>
    /// <param name="average">How classes are combined.</param>
    /// <param name="posLabel">The positive class for <see cref="Average.Binary"/>.</param>
    /// <param name="labels">Classes to include for the other averages.</param>
    /// <param name="zeroDivision">Value of a 0/0 ratio: 0 or 1.</param>
    public static double Precision(Tensor yTrue, Tensor yPred, Average average = Average.Binary, int posLabel = 1, int[]? labels = null, double zeroDivision = 0.0) =>
        IsVector(yTrue, nameof(yTrue))
            ? Precision(Labels(yTrue, nameof(yTrue)), Labels(yPred, nameof(yPred)), average, posLabel, labels, zeroDivision)
            : Precision(IndicatorMatrix(yTrue, nameof(yTrue)), IndicatorMatrix(yPred, nameof(yPred)), average, zeroDivision);

    /// <summary>
    /// Tensor form of <see cref="Recall(ReadOnlySpan{int}, ReadOnlySpan{int}, Average, int, int[], double)"/>; given
    /// (n, L) 0/1 indicator matrices it is the multilabel <see cref="Recall(int[,], int[,], Average, double)"/>
    /// (scikit-learn tells the two apart by shape too; <paramref name="posLabel"/> and <paramref name="labels"/> then do not apply).
    /// </summary>
    /// <param name="yTrue">True labels, shape (n), or indicators, shape (n, L).</param>
    /// <param name="yPred">Predicted labels or indicators, same shape.</param>
    /// <param name="average">How classes are combined.</param>
    /// <param name="posLabel">The positive class for <see cref="Average.Binary"/>.</param>
    /// <param name="labels">Classes to include for the other averages.</param>
    /// <param name="zeroDivision">Value of a 0/0 ratio: 0 or 1.</param>
    public static double Recall(Tensor yTrue, Tensor yPred, Average average = Average.Binary, int posLabel = 1, int[]? labels = null, double zeroDivision = 0.0) =>
        IsVector(yTrue, nameof(yTrue))
            ? Recall(Labels(yTrue, nameof(yTrue)), Labels(yPred, nameof(yPred)), average, posLabel, labels, zeroDivision)
            : Recall(IndicatorMatrix(yTrue, nameof(yTrue)), IndicatorMatrix(yPred, nameof(yPred)), average, zeroDivision);

    /// <summary>
    /// Tensor form of <see cref="F1(ReadOnlySpan{int}, ReadOnlySpan{int}, Average, int, int[], double)"/>; given
    /// (n, L) 0/1 indicator matrices it is the multilabel <see cref="F1(int[,], int[,], Average, double)"/>
    /// (scikit-learn tells the two apart by shape too; <paramref name="posLabel"/> and <paramref name="labels"/> then do not apply).
    /// </summary>
    /// <param name="yTrue">True labels, shape (n), or indicators, shape (n, L).</param>
    /// <param name="yPred">Predicted labels or indicators, same shape.</param>
    /// <param name="average">How classes are combined.</param>
    /// <param name="posLabel">The positive class for <see cref="Average.Binary"/>.</param>
    /// <param name="labels">Classes to include for the other averages.</param>
    /// <param name="zeroDivision">Value of a 0/0 ratio: 0 or 1.</param>
    public static double F1(Tensor yTrue, Tensor yPred, Average average = Average.Binary, int posLabel = 1, int[]? labels = null, double zeroDivision = 0.0) =>
        IsVector(yTrue, nameof(yTrue))
            ? F1(Labels(yTrue, nameof(yTrue)), Labels(yPred, nameof(yPred)), average, posLabel, labels, zeroDivision)
            : F1(IndicatorMatrix(yTrue, nameof(yTrue)), IndicatorMatrix(yPred, nameof(yPred)), average, zeroDivision);

    /// <summary>Tensor form of <see cref="RocCurve(ReadOnlySpan{int}, ReadOnlySpan{double}, int?, bool)"/>.</summary>
    /// <param name="yTrue">True labels, shape (n).</param>
    /// <param name="yScore">Scores of the positive class, shape (n).</param>
    /// <param name="posLabel">The positive label.</param>
    /// <param name="dropIntermediate">Drop collinear points.</param>
    public static RocCurveResult RocCurve(Tensor yTrue, Tensor yScore, int? posLabel = null, bool dropIntermediate = true) =>
        RocCurve(Labels(yTrue, nameof(yTrue)), Vector(yScore, nameof(yScore)), posLabel, dropIntermediate);

    /// <summary>Tensor form of the binary <see cref="RocAuc(ReadOnlySpan{int}, ReadOnlySpan{double}, int?)"/>.</summary>
    /// <param name="yTrue">True labels, shape (n).</param>
    /// <param name="yScore">Scores of the positive class, shape (n).</param>
    /// <param name="posLabel">The positive label.</param>
    public static double RocAuc(Tensor yTrue, Tensor yScore, int? posLabel = null) =>
        RocAuc(Labels(yTrue, nameof(yTrue)), Vector(yScore, nameof(yScore)), posLabel);

    /// <summary>Tensor form of the one-vs-rest <see cref="RocAuc(ReadOnlySpan{int}, double[,], Average)"/>.</summary>
    /// <param name="yTrue">True classes 0..K−1, shape (n).</param>
    /// <param name="yScore">Probabilities, shape (n, K).</param>
    /// <param name="average">Macro or Weighted.</param>
    public static double RocAuc(Tensor yTrue, Tensor yScore, Average average) =>
        RocAuc(Labels(yTrue, nameof(yTrue)), Matrix(yScore, nameof(yScore)), average);

    /// <summary>Tensor form of <see cref="PrecisionRecallCurve(ReadOnlySpan{int}, ReadOnlySpan{double}, int?)"/>.</summary>
    /// <param name="yTrue">True labels, shape (n).</param>
    /// <param name="probasPred">Scores of the positive class, shape (n).</param>
    /// <param name="posLabel">The positive label.</param>
    public static PrecisionRecallCurveResult PrecisionRecallCurve(Tensor yTrue, Tensor probasPred, int? posLabel = null) =>
        PrecisionRecallCurve(Labels(yTrue, nameof(yTrue)), Vector(probasPred, nameof(probasPred)), posLabel);

    /// <summary>Tensor form of <see cref="AveragePrecision(ReadOnlySpan{int}, ReadOnlySpan{double}, int?)"/>.</summary>
    /// <param name="yTrue">True labels, shape (n).</param>
    /// <param name="yScore">Scores of the positive class, shape (n).</param>
    /// <param name="posLabel">The positive label.</param>
    public static double AveragePrecision(Tensor yTrue, Tensor yScore, int? posLabel = null) =>
        AveragePrecision(Labels(yTrue, nameof(yTrue)), Vector(yScore, nameof(yScore)), posLabel);

    /// <summary>
    /// Tensor form of <c>LogLoss</c>: probabilities of shape (n) are the positive-class probabilities of the binary
    /// <see cref="LogLoss(ReadOnlySpan{int}, ReadOnlySpan{double}, int?, double?)"/>; shape (n, K) is the multiclass
    /// <see cref="LogLoss(ReadOnlySpan{int}, double[,], int[], double?)"/> with the classes found in <paramref name="yTrue"/>.
    /// </summary>
    /// <param name="yTrue">True labels, shape (n).</param>
    /// <param name="yProb">Probabilities, shape (n) or (n, K).</param>
    /// <param name="eps">Clipping ε; default the float64 machine epsilon.</param>
    public static double LogLoss(Tensor yTrue, Tensor yProb, double? eps = null) =>
        IsVector(yProb, nameof(yProb)) && yProb.dim() == 1
            ? LogLoss(Labels(yTrue, nameof(yTrue)), Vector(yProb, nameof(yProb)), posLabel: null, eps)
            : LogLoss(Labels(yTrue, nameof(yTrue)), Matrix(yProb, nameof(yProb)), labels: null, eps);

    /// <summary>Tensor form of <see cref="BrierScoreLoss(ReadOnlySpan{int}, ReadOnlySpan{double}, int?)"/>.</summary>
    /// <param name="yTrue">True labels, shape (n).</param>
    /// <param name="yProb">Probability of the positive class, shape (n).</param>
    /// <param name="posLabel">The positive label.</param>
    public static double BrierScoreLoss(Tensor yTrue, Tensor yProb, int? posLabel = null) =>
        BrierScoreLoss(Labels(yTrue, nameof(yTrue)), Vector(yProb, nameof(yProb)), posLabel);

    /// <summary>Tensor form of <see cref="CalibrationCurve(ReadOnlySpan{int}, ReadOnlySpan{double}, int, CalibrationStrategy, int?)"/>.</summary>
    /// <param name="yTrue">True labels, shape (n).</param>
    /// <param name="yProb">Probability of the positive class, shape (n).</param>
    /// <param name="nBins">Number of bins.</param>
    /// <param name="strategy">Equal-width or equal-count bins.</param>
    /// <param name="posLabel">The positive label.</param>
    public static CalibrationCurveResult CalibrationCurve(Tensor yTrue, Tensor yProb, int nBins = 5,
        CalibrationStrategy strategy = CalibrationStrategy.Uniform, int? posLabel = null) =>
        CalibrationCurve(Labels(yTrue, nameof(yTrue)), Vector(yProb, nameof(yProb)), nBins, strategy, posLabel);
}

public static partial class Regression
{
    /// <summary>Tensor form of <see cref="MeanSquaredError(ReadOnlySpan{double}, ReadOnlySpan{double})"/>.</summary>
    /// <param name="yTrue">True targets, shape (n).</param>
    /// <param name="yPred">Predictions, shape (n).</param>
    public static double MeanSquaredError(Tensor yTrue, Tensor yPred) =>
        MeanSquaredError(Vector(yTrue, nameof(yTrue)), Vector(yPred, nameof(yPred)));

    /// <summary>Tensor form of <see cref="RootMeanSquaredError(ReadOnlySpan{double}, ReadOnlySpan{double})"/>.</summary>
    /// <param name="yTrue">True targets, shape (n).</param>
    /// <param name="yPred">Predictions, shape (n).</param>
    public static double RootMeanSquaredError(Tensor yTrue, Tensor yPred) =>
        RootMeanSquaredError(Vector(yTrue, nameof(yTrue)), Vector(yPred, nameof(yPred)));

    /// <summary>Tensor form of <see cref="MeanAbsoluteError(ReadOnlySpan{double}, ReadOnlySpan{double})"/>.</summary>
    /// <param name="yTrue">True targets, shape (n).</param>
    /// <param name="yPred">Predictions, shape (n).</param>
    public static double MeanAbsoluteError(Tensor yTrue, Tensor yPred) =>
        MeanAbsoluteError(Vector(yTrue, nameof(yTrue)), Vector(yPred, nameof(yPred)));

    /// <summary>Tensor form of <see cref="R2Score(ReadOnlySpan{double}, ReadOnlySpan{double}, bool)"/>.</summary>
    /// <param name="yTrue">True targets, shape (n).</param>
    /// <param name="yPred">Predictions, shape (n).</param>
    /// <param name="forceFinite">Replace the undefined values of a constant target by 1 or 0.</param>
    public static double R2Score(Tensor yTrue, Tensor yPred, bool forceFinite = true) =>
        R2Score(Vector(yTrue, nameof(yTrue)), Vector(yPred, nameof(yPred)), forceFinite);
}

public static partial class Ranking
{
    /// <summary>Tensor form of the diagonal <see cref="RecallAtK(double[,], int)"/> (query i matches candidate i).</summary>
    /// <param name="similarity">Square similarity matrix, shape (n, n).</param>
    /// <param name="k">How many top candidates count as retrieved.</param>
    public static double RecallAtK(Tensor similarity, int k) => RecallAtK(Matrix(similarity, nameof(similarity)), k);

    /// <summary>Tensor form of <see cref="RecallAtK(double[,], ReadOnlySpan{int}, int)"/>.</summary>
    /// <param name="similarity">Similarities, shape (queries, candidates).</param>
    /// <param name="relevant">Index of each query's relevant candidate, shape (queries).</param>
    /// <param name="k">How many top candidates count as retrieved.</param>
    public static double RecallAtK(Tensor similarity, Tensor relevant, int k) =>
        RecallAtK(Matrix(similarity, nameof(similarity)), Labels(relevant, nameof(relevant)), k);
}

public static partial class Detection
{
    /// <summary>Tensor form of <see cref="Iou(ReadOnlySpan{bool}, ReadOnlySpan{bool}, double)"/>; masks of any (equal) shape, nonzero = inside.</summary>
    /// <param name="target">True mask.</param>
    /// <param name="prediction">Predicted mask.</param>
    /// <param name="zeroDivision">Value when both masks are empty: 0 or 1.</param>
    public static double Iou(Tensor target, Tensor prediction, double zeroDivision = 0.0) =>
        Iou(Mask(target, nameof(target)), Mask(prediction, nameof(prediction)), zeroDivision);

    /// <summary>Tensor form of <see cref="Dice(ReadOnlySpan{bool}, ReadOnlySpan{bool}, double)"/>; masks of any (equal) shape, nonzero = inside.</summary>
    /// <param name="target">True mask.</param>
    /// <param name="prediction">Predicted mask.</param>
    /// <param name="zeroDivision">Value when both masks are empty: 0 or 1.</param>
    public static double Dice(Tensor target, Tensor prediction, double zeroDivision = 0.0) =>
        Dice(Mask(target, nameof(target)), Mask(prediction, nameof(prediction)), zeroDivision);
}

public static partial class Clustering
{
    /// <summary>Tensor form of <see cref="SilhouetteScore(double[,], ReadOnlySpan{int})"/>.</summary>
    /// <param name="x">Samples, shape (n, features).</param>
    /// <param name="labels">Cluster of each sample, shape (n).</param>
    public static double SilhouetteScore(Tensor x, Tensor labels) =>
        SilhouetteScore(Matrix(x, nameof(x)), Labels(labels, nameof(labels)));

    /// <summary>Tensor form of <see cref="AdjustedRandScore(ReadOnlySpan{int}, ReadOnlySpan{int})"/>.</summary>
    /// <param name="labelsTrue">Reference clustering, shape (n).</param>
    /// <param name="labelsPred">Clustering to evaluate, shape (n).</param>
    public static double AdjustedRandScore(Tensor labelsTrue, Tensor labelsPred) =>
        AdjustedRandScore(Labels(labelsTrue, nameof(labelsTrue)), Labels(labelsPred, nameof(labelsPred)));
}

public static partial class Image
{
    /// <summary>Tensor form of <see cref="PeakSignalNoiseRatio(ReadOnlySpan{double}, ReadOnlySpan{double}, double?)"/>; images of any (equal) shape.</summary>
    /// <param name="imageTrue">Reference image.</param>
    /// <param name="imageTest">Image to judge, same shape.</param>
    /// <param name="dataRange">Distance between the smallest and largest possible pixel value.</param>
    public static double PeakSignalNoiseRatio(Tensor imageTrue, Tensor imageTest, double? dataRange = null)
    {
        if (!imageTrue.shape.SequenceEqual(imageTest.shape))
            throw new ArgumentException($"has shape [{string.Join(", ", imageTest.shape)}] but imageTrue has [{string.Join(", ", imageTrue.shape)}].", nameof(imageTest));
        return PeakSignalNoiseRatio(Elements<double>(imageTrue, ScalarType.Float64), Elements<double>(imageTest, ScalarType.Float64), dataRange);
    }
}
