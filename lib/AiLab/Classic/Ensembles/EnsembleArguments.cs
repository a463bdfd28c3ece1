namespace AiLab.Classic;

/// <summary>What the meta-estimators (voting, stacking, bagging) and cross_val_predict share: member checks and probability pooling.</summary>
internal static class EnsembleArguments
{
    /// <summary>Checks a non-empty list of named factories with distinct, non-empty names.</summary>
    public static (string Name, Func<IClassifier> Create)[] NamedMembers(IReadOnlyList<(string Name, Func<IClassifier> Estimator)>? members, string argument)
    {
        ArgumentNullException.ThrowIfNull(members, argument);
        if (members.Count == 0)
            throw new ArgumentException("must name at least one estimator.", argument);
        for (int i = 0; i < members.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(members[i].Name))
                throw new ArgumentException($"estimator {i} has no name.", argument);
            if (members[i].Estimator is null)
                throw new ArgumentException($"estimator '{members[i].Name}' has a null factory.", argument);
        }
        var duplicate = members.GroupBy(m => m.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"names must be distinct, but '{duplicate.Key}' appears {duplicate.Count()} times.", argument);
        return [.. members.Select(m => (m.Name, m.Estimator))];
    }

    /// <summary>A fresh member from its factory, which must not return null.</summary>
    public static IClassifier Create(Func<IClassifier> factory, string name) =>
        factory() ?? throw new InvalidOperationException($"the factory of estimator '{name}' returned null instead of a new classifier.");

    /// <summary>
    /// Adds <paramref name="weight"/> × the member's probabilities into <paramref name="sum"/>, whose columns are
    /// <paramref name="classes"/>: a member that saw only some classes fills only their columns.
    /// </summary>
    public static void AddProbabilities(double[,] sum, IClassifier member, double[,] X, int[] classes, double weight = 1.0)
    {
        double[,] p = member.PredictProba(X);
        int[] columns = [.. member.Classes.Select(c => Array.BinarySearch(classes, c))];
        for (int i = 0; i < p.GetLength(0); i++)
            for (int c = 0; c < columns.Length; c++)
                sum[i, columns[c]] += weight * p[i, c];
    }

    /// <summary>The member's probabilities laid out in the columns of <paramref name="classes"/> (0 for a class it never saw).</summary>
    public static double[,] Aligned(IClassifier member, double[,] X, int[] classes)
    {
        var p = new double[X.GetLength(0), classes.Length];
        AddProbabilities(p, member, X, classes);
        return p;
    }

    /// <summary>Divides every entry by <paramref name="total"/> (after summing, as NumPy's average does).</summary>
    public static double[,] Divide(double[,] sum, double total)
    {
        for (int i = 0; i < sum.GetLength(0); i++)
            for (int j = 0; j < sum.GetLength(1); j++)
                sum[i, j] /= total;
        return sum;
    }
}
