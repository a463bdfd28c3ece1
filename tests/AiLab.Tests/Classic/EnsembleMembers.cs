using System.Text.Json;
using AiLab.Classic;
using AiLab.Data;

namespace AiLab.Tests.Classic;

/// <summary>The members make_ensemble_fixtures.py gives scikit-learn, and its folds, on the C# side.</summary>
internal static class EnsembleMembers
{
    public static IClassifier Tree() => new DecisionTreeClassifier(maxDepth: 3, minSamplesLeaf: 4);
    public static IClassifier Knn() => new KNeighborsClassifier(nNeighbors: 5);
    public static IClassifier Logistic() => new LogisticRegression(tol: 1e-10);

    public static (string, Func<IClassifier>)[] All => [("tree", Tree), ("knn", Knn), ("lr", Logistic)];

    /// <summary>Folds of a PredefinedSplit: sample i is validated in fold test_fold[i].</summary>
    public static IReadOnlyList<Fold> Folds(JsonElement fixture)
    {
        int[] foldOf = fixture.Ints("test_fold");
        return [.. foldOf.Distinct().Order().Select(f => new Fold(f,
            [.. Enumerable.Range(0, foldOf.Length).Where(i => foldOf[i] != f)],
            [.. Enumerable.Range(0, foldOf.Length).Where(i => foldOf[i] == f)]))];
    }

    public static double[] Row(double[,] m, int i) => [.. Enumerable.Range(0, m.GetLength(1)).Select(j => m[i, j])];
}
