namespace AiLab.Classic;

/// <summary>
/// Depth-first CART growth (scikit-learn's <c>DepthFirstTreeBuilder</c> + <c>BestSplitter</c>): at each node
/// every candidate feature is sorted and every threshold between distinct values is scored by the
/// weighted child impurity; the best split is taken even when it does not lower the impurity, so that
/// XOR-like structure deeper down can still be found.
/// </summary>
internal sealed class TreeBuilder(int? maxDepth, int minSamplesSplit, int minSamplesLeaf, int? maxFeatures, double minImpurityDecrease, Random rng)
{
    // Values closer than this count as equal (scikit-learn's FEATURE_THRESHOLD).
    private const double FeatureThreshold = 1e-7;
    private const double Epsilon = 2.220446049250313e-16;

    private readonly record struct Split(int Feature, double Threshold, double ImpurityLeft, double ImpurityRight, double WeightLeft, double WeightRight);

    private readonly record struct Pending(int Start, int End, int Depth, int Parent, bool IsLeft);

    public TreeStructure Build(double[,] x, SplitCriterion criterion, double[] weights)
    {
        // Zero-weight samples carry no information; like scikit-learn, they take no part in the tree.
        var samples = Enumerable.Range(0, x.GetLength(0)).Where(i => weights[i] != 0).ToArray();
        var keys = new double[samples.Length];
        var sorted = new int[samples.Length];
        var partition = new int[samples.Length];
        var tree = new TreeStructure();
        double totalWeight = samples.Sum(i => weights[i]);

        var stack = new Stack<Pending>();
        stack.Push(new Pending(0, samples.Length, 0, -1, false));
        while (stack.Count > 0)
        {
            var (start, end, depth, parent, isLeft) = stack.Pop();
            int n = end - start;
            criterion.Reset(samples.AsSpan(start, n));
            double impurity = criterion.NodeImpurity();
            double nodeWeight = criterion.WeightTotal;
            var value = new double[criterion.ValueLength];
            criterion.NodeValue(value);
            int node = tree.AddNode(depth, impurity, n, nodeWeight, value);
            if (parent >= 0)
            {
                if (isLeft) tree.Left[parent] = node;
                else tree.Right[parent] = node;
            }

            bool isLeaf = depth >= (maxDepth ?? int.MaxValue) || n < minSamplesSplit || n < 2 * minSamplesLeaf || impurity <= Epsilon;
            Split? split = isLeaf ? null : BestSplit(x, criterion, samples, start, end, keys, sorted);
            if (split is not { } s) continue;
            double improvement = nodeWeight / totalWeight
                * (impurity - s.WeightLeft / nodeWeight * s.ImpurityLeft - s.WeightRight / nodeWeight * s.ImpurityRight);
            if (improvement + Epsilon < minImpurityDecrease) continue;

            tree.Feature[node] = s.Feature;
            tree.Threshold[node] = s.Threshold;
            int middle = Partition(x, samples, start, end, s.Feature, s.Threshold, partition);
            // Right is pushed first so the left subtree is numbered first (pre-order, as scikit-learn).
            stack.Push(new Pending(middle, end, depth + 1, node, false));
            stack.Push(new Pending(start, middle, depth + 1, node, true));
        }
        return tree;
    }

    private Split? BestSplit(double[,] x, SplitCriterion criterion, int[] samples, int start, int end, double[] keys, int[] sorted)
    {
        int d = x.GetLength(1), n = end - start;
        int[] features = maxFeatures is { } m && m < d ? rng.SampleWithoutReplacement(d, m) : Enumerable.Range(0, d).ToArray();
        Split? best = null;
        double bestProxy = double.NegativeInfinity;
        foreach (int f in features)
        {
            for (int k = 0; k < n; k++)
            {
                sorted[k] = samples[start + k];
                keys[k] = x[sorted[k], f];
            }
            Array.Sort(keys, sorted, 0, n);
            if (keys[n - 1] <= keys[0] + FeatureThreshold) continue; // constant here

            criterion.ResetLeft();
            for (int p = 0; p < n - 1; p++)
            {
                criterion.MoveLeft(sorted[p]);
                if (keys[p + 1] <= keys[p] + FeatureThreshold) continue;
                int nLeft = p + 1;
                if (nLeft < minSamplesLeaf || n - nLeft < minSamplesLeaf) continue;
                var (left, right) = criterion.ChildImpurities();
                double proxy = -(criterion.WeightLeft * left + criterion.WeightRight * right);
                if (proxy > bestProxy)
                {
                    bestProxy = proxy;
                    double threshold = keys[p] / 2.0 + keys[p + 1] / 2.0;
                    if (threshold == keys[p + 1] || double.IsInfinity(threshold)) threshold = keys[p];
                    best = new Split(f, threshold, left, right, criterion.WeightLeft, criterion.WeightRight);
                }
            }
        }
        return best;
    }

    /// <summary>Stable partition of samples[start..end) by x[·, feature] ≤ threshold; returns the first right index.</summary>
    private static int Partition(double[,] x, int[] samples, int start, int end, int feature, double threshold, int[] buffer)
    {
        int left = start, right = 0;
        for (int k = start; k < end; k++)
        {
            int i = samples[k];
            if (x[i, feature] <= threshold) samples[left++] = i;
            else buffer[right++] = i;
        }
        Array.Copy(buffer, 0, samples, left, right);
        return left;
    }
}
