namespace AiLab.Classic;

/// <summary>
/// L2-regularized logistic regression fitted by L-BFGS (scikit-learn's default
/// <c>LogisticRegression(penalty="l2", C=1.0, solver="lbfgs")</c>). Minimizes
/// C · Σᵢ wᵢ · CE(yᵢ, softmax(W xᵢ + b)) + ½‖W‖² with the intercept unpenalized; two classes use one
/// sigmoid coefficient row for <c>Classes[1]</c>, more classes the multinomial (softmax) loss.
/// </summary>
public sealed class LogisticRegression : IClassifier
{
    private ClassEncoding? _encoding;
    private double[,]? _coef;
    private double[]? _intercept;

    /// <summary>Creates the model.</summary>
    /// <param name="c">Inverse regularization strength C &gt; 0; <see cref="double.PositiveInfinity"/> = no penalty.</param>
    /// <param name="fitIntercept">Whether to fit an unpenalized intercept per class.</param>
    /// <param name="maxIter">L-BFGS iteration limit (scikit-learn uses 100; more avoids silent non-convergence).</param>
    /// <param name="tol">Stop when max |∂loss/∂θ| ≤ tol (SciPy's <c>pgtol</c>, on scikit-learn's objective scale).</param>
    /// <param name="classWeight">Optional per-class weights, e.g. <see cref="ClassWeight.Balanced"/>.</param>
    public LogisticRegression(double c = 1.0, bool fitIntercept = true, int maxIter = 1000, double tol = 1e-4, ClassWeight? classWeight = null)
    {
        Guard.Positive(double.IsPositiveInfinity(c) ? 1.0 : c, nameof(c));
        Guard.AtLeast(maxIter, 1, nameof(maxIter));
        Guard.Positive(tol, nameof(tol));
        C = c;
        FitIntercept = fitIntercept;
        MaxIter = maxIter;
        Tol = tol;
        ClassWeight = classWeight;
    }

    /// <summary>Inverse regularization strength.</summary>
    public double C { get; }
    /// <summary>Whether an intercept is fitted.</summary>
    public bool FitIntercept { get; }
    /// <summary>Iteration limit.</summary>
    public int MaxIter { get; }
    /// <summary>Gradient tolerance.</summary>
    public double Tol { get; }
    /// <summary>Per-class weights, if any.</summary>
    public ClassWeight? ClassWeight { get; }

    /// <summary>Sorted class labels; columns of <see cref="PredictProba"/> follow this order.</summary>
    public int[] Classes => Guard.Fitted(_encoding, nameof(LogisticRegression)).Classes;
    /// <summary>Coefficients: 1 × d for two classes (the log-odds of <c>Classes[1]</c>), K × d otherwise.</summary>
    public double[,] Coef => Guard.Fitted(_coef, nameof(LogisticRegression));
    /// <summary>Intercepts: one for two classes, K otherwise (they sum to 0, as scikit-learn's do).</summary>
    public double[] Intercept => Guard.Fitted(_intercept, nameof(LogisticRegression));
    /// <summary>L-BFGS iterations used by the last fit.</summary>
    public int NIter { get; private set; }
    /// <summary>Whether the last fit met the tolerance within <see cref="MaxIter"/>.</summary>
    public bool Converged { get; private set; }

    /// <summary>Fits on X (n × d) and labels y (n). Returns this.</summary>
    public LogisticRegression Fit(double[,] X, int[] y, double[]? sampleWeight = null)
    {
        Guard.Matrix(X, nameof(X));
        int n = X.GetLength(0), d = X.GetLength(1);
        Guard.Labels(y, n, nameof(y), "X's rows");
        var encoding = new ClassEncoding(y);
        if (encoding.Count < 2) throw new ArgumentException($"y needs at least two classes; got only {encoding.Classes[0]}.", nameof(y));
        var codes = encoding.Encode(y);
        var w = Guard.SampleWeights(sampleWeight, n);
        if (ClassWeight is not null) w = ClassWeight.Apply(w, encoding.Classes, codes);

        int rows = encoding.Count == 2 ? 1 : encoding.Count;
        int stride = d + 1; // coefficients then intercept, per row
        Lbfgs.Objective objective = rows == 1
            ? (theta, grad) => BinaryLoss(X, codes, w, theta, grad)
            : (theta, grad) => MultinomialLoss(X, codes, w, rows, theta, grad);
        var (solution, iterations, converged) = Lbfgs.Minimize(objective, new double[rows * stride], MaxIter, Tol);

        var coef = new double[rows, d];
        var intercept = new double[rows];
        for (int k = 0; k < rows; k++)
        {
            for (int j = 0; j < d; j++) coef[k, j] = solution[k * stride + j];
            intercept[k] = solution[k * stride + d];
        }
        if (rows > 1)
        {
            // Softmax is invariant to a shared shift of the intercepts; report the zero-sum representative.
            double mean = intercept.Average();
            for (int k = 0; k < rows; k++) intercept[k] -= mean;
        }
        (_encoding, _coef, _intercept, NIter, Converged) = (encoding, coef, intercept, iterations, converged);
        return this;
    }

    /// <summary>Linear scores: n × 1 log-odds for two classes, n × K logits otherwise.</summary>
    public double[,] DecisionFunction(double[,] X)
    {
        var coef = Coef;
        Guard.Matrix(X, nameof(X));
        Guard.Features(X, coef.GetLength(1), nameof(X), nameof(LogisticRegression));
        int n = X.GetLength(0), rows = coef.GetLength(0);
        var z = new double[n, rows];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < rows; k++)
                z[i, k] = Intercept[k] + Rows.Dot(X.Row(i), coef.Row(k));
        return z;
    }

    /// <summary>Class probabilities, n × K, columns in <see cref="Classes"/> order.</summary>
    public double[,] PredictProba(double[,] X)
    {
        var z = DecisionFunction(X);
        int n = z.GetLength(0);
        var p = new double[n, Classes.Length];
        for (int i = 0; i < n; i++)
        {
            if (z.GetLength(1) == 1)
            {
                p[i, 1] = Sigmoid(z[i, 0]);
                p[i, 0] = 1.0 - p[i, 1];
            }
            else
            {
                Softmax(z.Row(i), p.Row(i));
            }
        }
        return p;
    }

    /// <summary>Most probable class label per row.</summary>
    public int[] Predict(double[,] X) => Guard.Fitted(_encoding, nameof(LogisticRegression)).DecodeArgMax(PredictProba(X));

    IClassifier IClassifier.Fit(double[,] X, int[] y) => Fit(X, y);

    /// <summary>Mean accuracy on (X, y).</summary>
    public double Score(double[,] X, int[] y) => Scoring.Accuracy(y, Predict(X));

    internal static double Sigmoid(double z) => z >= 0 ? 1.0 / (1.0 + Math.Exp(-z)) : Math.Exp(z) / (1.0 + Math.Exp(z));

    /// <summary>log(1 + eᶻ) without overflow.</summary>
    internal static double Softplus(double z) => z > 0 ? z + Log1P(Math.Exp(-z)) : Log1P(Math.Exp(z));

    /// <summary>log(1 + x), accurate for tiny x (Goldberg's trick; .NET has no log1p).</summary>
    internal static double Log1P(double x)
    {
        double u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }

    private static void Softmax(ReadOnlySpan<double> z, Span<double> p)
    {
        double max = double.NegativeInfinity;
        foreach (double v in z) max = Math.Max(max, v);
        double sum = 0;
        for (int k = 0; k < z.Length; k++) sum += p[k] = Math.Exp(z[k] - max);
        for (int k = 0; k < z.Length; k++) p[k] /= sum;
    }

    private double Penalty(double[] theta, double[] grad, int rows, int d)
    {
        if (double.IsPositiveInfinity(C)) return 0;
        double value = 0, lambda = 1.0 / C;
        for (int k = 0; k < rows; k++)
            for (int j = 0; j < d; j++)
            {
                double t = theta[k * (d + 1) + j];
                value += 0.5 * lambda * t * t;
                grad[k * (d + 1) + j] += lambda * t;
            }
        return value;
    }

    private double BinaryLoss(double[,] x, int[] codes, double[] w, double[] theta, double[] grad)
    {
        int n = x.GetLength(0), d = x.GetLength(1);
        Array.Clear(grad);
        double loss = 0;
        var coef = theta.AsSpan(0, d);
        for (int i = 0; i < n; i++)
        {
            var row = x.Row(i);
            double z = Rows.Dot(row, coef) + (FitIntercept ? theta[d] : 0);
            loss += w[i] * (Softplus(z) - (codes[i] == 1 ? z : 0));
            double r = w[i] * (Sigmoid(z) - codes[i]);
            for (int j = 0; j < d; j++) grad[j] += r * row[j];
            if (FitIntercept) grad[d] += r;
        }
        return loss + Penalty(theta, grad, 1, d);
    }

    private double MultinomialLoss(double[,] x, int[] codes, double[] w, int rows, double[] theta, double[] grad)
    {
        int n = x.GetLength(0), d = x.GetLength(1), stride = d + 1;
        Array.Clear(grad);
        double loss = 0;
        var z = new double[rows];
        var p = new double[rows];
        for (int i = 0; i < n; i++)
        {
            var row = x.Row(i);
            for (int k = 0; k < rows; k++)
                z[k] = Rows.Dot(row, theta.AsSpan(k * stride, d)) + (FitIntercept ? theta[k * stride + d] : 0);
            Softmax(z, p);
            loss += w[i] * -Math.Log(Math.Max(p[codes[i]], double.Epsilon));
            for (int k = 0; k < rows; k++)
            {
                double r = w[i] * (p[k] - (codes[i] == k ? 1 : 0));
                var g = grad.AsSpan(k * stride, d);
                for (int j = 0; j < d; j++) g[j] += r * row[j];
                if (FitIntercept) grad[k * stride + d] += r;
            }
        }
        return loss + Penalty(theta, grad, rows, d);
    }
}
