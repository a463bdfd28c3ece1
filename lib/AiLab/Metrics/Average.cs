namespace AiLab.Metrics;

/// <summary>How per-class precision, recall and F-scores are combined (scikit-learn's <c>average</c> argument).</summary>
public enum Average
{
    /// <summary>Report only the positive class (<c>posLabel</c>); the labels must be binary.</summary>
    Binary,

    /// <summary>Pool true positives, predictions and true samples over all classes, then divide once.</summary>
    Micro,

    /// <summary>Unweighted mean of the per-class scores: every class counts the same.</summary>
    Macro,

    /// <summary>Mean of the per-class scores weighted by each class's support (number of true samples).</summary>
    Weighted,

    /// <summary>Multilabel only: score each sample's set of predicted labels against its true set, then average over samples.</summary>
    Samples,
}
