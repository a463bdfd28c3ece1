namespace AiLab.Classic;

/// <summary>
/// What every classifier of the library offers (scikit-learn's classifier protocol: <c>fit</c>,
/// <c>predict_proba</c>, <c>predict</c>, <c>classes_</c>), so ensembles and
/// <see cref="Data.CrossValidation.CrossValPredict(Func{IClassifier}, double[,], int[], int, bool, int)"/> accept any of them.
/// Ensembles take a factory (<c>() =&gt; new DecisionTreeClassifier(maxDepth: 3)</c>) rather than an instance, the
/// way scikit-learn clones its <c>estimator</c> argument: each member and each fold gets a fresh, unfitted model.
/// </summary>
public interface IClassifier
{
    /// <summary>Sorted class labels seen in fit; the columns of <see cref="PredictProba"/> follow this order.</summary>
    int[] Classes { get; }

    /// <summary>Fits on X (n × d) and labels y (n), replacing any earlier fit. Returns this.</summary>
    IClassifier Fit(double[,] X, int[] y);

    /// <summary>Class probabilities, n × <see cref="Classes"/>.Length; each row sums to 1.</summary>
    double[,] PredictProba(double[,] X);

    /// <summary>Predicted class label per row.</summary>
    int[] Predict(double[,] X);
}
