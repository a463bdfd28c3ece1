namespace AiLab.Classic;

/// <summary>How a <see cref="VotingClassifier"/> combines its members (scikit-learn's <c>voting</c>).</summary>
public enum Voting
{
    /// <summary>Majority of the members' predicted labels (weighted counts; ties go to the smallest label).</summary>
    Hard,
    /// <summary>Argmax of the (weighted) mean of the members' class probabilities.</summary>
    Soft,
}

/// <summary>
/// Voting ensemble (scikit-learn's <c>VotingClassifier</c>): fits every member on the whole training set and combines
/// their predictions. It reduces variance when the members are accurate and make different mistakes; soft voting
/// also uses how confident each member is.
/// </summary>
public sealed class VotingClassifier : IClassifier
{
    private readonly (string Name, Func<IClassifier> Create)[] _members;
    private ClassEncoding? _encoding;
    private IClassifier[]? _estimators;

    /// <summary>Creates the ensemble.</summary>
    /// <param name="estimators">Named member factories, e.g. <c>("lr", () =&gt; new LogisticRegression())</c>; names must be distinct.</param>
    /// <param name="voting">Hard (labels) or soft (probabilities).</param>
    /// <param name="weights">Optional non-negative weight per member (default: equal), with a positive sum.</param>
    public VotingClassifier(IReadOnlyList<(string Name, Func<IClassifier> Estimator)> estimators, Voting voting = Voting.Hard, double[]? weights = null)
    {
        _members = EnsembleArguments.NamedMembers(estimators, nameof(estimators));
        if (!Enum.IsDefined(voting))
            throw new ArgumentOutOfRangeException(nameof(voting), voting, "must be Voting.Hard or Voting.Soft.");
        Weights = weights is null ? null : Guard.SampleWeights(weights, _members.Length, nameof(weights));
        Voting = voting;
    }

    /// <summary>Hard or soft voting.</summary>
    public Voting Voting { get; }
    /// <summary>Member weights, or null for equal weights.</summary>
    public double[]? Weights { get; }
    /// <summary>Sorted class labels of the training data.</summary>
    public int[] Classes => Guard.Fitted(_encoding, nameof(VotingClassifier)).Classes;
    /// <summary>The fitted members, in the order given (scikit-learn's <c>estimators_</c>).</summary>
    public IReadOnlyList<IClassifier> Estimators => Guard.Fitted(_estimators, nameof(VotingClassifier));
    /// <summary>The fitted members by name (scikit-learn's <c>named_estimators_</c>).</summary>
    public IReadOnlyDictionary<string, IClassifier> NamedEstimators =>
        _members.Select((m, i) => (m.Name, Estimators[i])).ToDictionary(p => p.Name, p => p.Item2);

    /// <summary>Fits a fresh instance of every member on (X, y). Returns this.</summary>
    public VotingClassifier Fit(double[,] X, int[] y)
    {
        Guard.Matrix(X, nameof(X));
        Guard.Labels(y, X.GetLength(0), nameof(y), "X's rows");
        _encoding = new ClassEncoding(y);
        _estimators = [.. _members.Select(m => EnsembleArguments.Create(m.Create, m.Name).Fit(X, y))];
        return this;
    }

    /// <summary>
    /// Soft voting only: the weighted mean Σ wₘ pₘ / Σ wₘ of the members' probabilities, n × K (columns follow
    /// <see cref="Classes"/>). Hard voting has no probabilities, as in scikit-learn.
    /// </summary>
    public double[,] PredictProba(double[,] X)
    {
        if (Voting != Voting.Soft)
            throw new InvalidOperationException("PredictProba is not available with Voting.Hard: majority votes have no probabilities (use Voting.Soft).");
        var encoding = Guard.Fitted(_encoding, nameof(VotingClassifier));
        var sum = new double[X.GetLength(0), encoding.Count];
        for (int m = 0; m < Estimators.Count; m++)
            EnsembleArguments.AddProbabilities(sum, Estimators[m], X, encoding.Classes, Weights?[m] ?? 1.0);
        return EnsembleArguments.Divide(sum, Weights?.Sum() ?? Estimators.Count);
    }

    /// <summary>The class with the most (weighted) votes (hard) or the highest mean probability (soft).</summary>
    public int[] Predict(double[,] X)
    {
        var encoding = Guard.Fitted(_encoding, nameof(VotingClassifier));
        if (Voting == Voting.Soft)
            return encoding.DecodeArgMax(PredictProba(X));
        var votes = new double[X.GetLength(0), encoding.Count];
        for (int m = 0; m < Estimators.Count; m++)
        {
            int[] codes = encoding.Encode(Estimators[m].Predict(X), "member predictions");
            for (int i = 0; i < codes.Length; i++)
                votes[i, codes[i]] += Weights?[m] ?? 1.0;
        }
        return encoding.DecodeArgMax(votes);
    }

    IClassifier IClassifier.Fit(double[,] X, int[] y) => Fit(X, y);

    /// <summary>Mean accuracy on (X, y).</summary>
    public double Score(double[,] X, int[] y) => Scoring.Accuracy(y, Predict(X));
}
