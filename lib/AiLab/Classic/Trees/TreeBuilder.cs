namespace AiLab.Classic;

/// <summary>
/// Depth-first CART growth (scikit-learn's <c>DepthFirstTreeBuilder</c> + <c>BestSplitter</c>): at each node
/// every candidate feature's thresholds between distinct values are scored by the weighted child
/// impurity; the best split is taken even when it does not lower the impurity, so that XOR-like
/// structure deeper down can still be found. Each node's rows are kept sorted per feature (see
/// <see cref="ColumnOrder"/>), so no node sorts.
/// </summary>
internal sealed class TreeBuilder(int? maxDepth, int minSamplesSplit, int minSamplesLeaf, int? maxFeatures, double minImpurityDecrease, Random rng)
{
    // Values closer than this count as equal (scikit-learn's FEATURE_THRESHOLD).
    private const double FeatureThreshold = 1e-7;
    private const double Epsilon = 2.220446049250313e-16;

    private readonly record struct Split(int Feature, double Threshold, double ImpurityLeft, double ImpurityRight, double WeightLeft, double WeightRight);

    private readonly record struct Pending(int Start, int End, int Depth, int Parent, bool IsLeft);

    public TreeStructure Build(ColumnOrder data, SplitCriterion criterion, double[] weights)
    {
        int d = data.Columns.Length;
        // Zero-weight samples carry no information; like scikit-learn, they take no part in the tree.
        // order[j] lists the participating rows sorted by feature j; a node owns the same segment in each.
        var order = new int[d][];
        for (int j = 0; j < d; j++) order[j] = data.Sorted[j].Where(i => weights[i] != 0).ToArray();
        int m = order[0].Length;
        var goesLeft = new bool[data.Rows];
        var buffer = new int[m];
        var tree = new TreeStructure();
        double totalWeight = order[0].Sum(i => weights[i]);

        var stack = new Stack<Pending>();
        stack.Push(new Pending(0, m, 0, -1, false));
        while (stack.Count > 0)
        {
            var (start, end, depth, parent, isLeft) = stack.Pop();
            int n = end - start;
            criterion.Reset(order[0].AsSpan(start, n));
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
            Split? split = isLeaf ? null : BestSplit(data, order, criterion, start, end);
            if (split is not { } s) continue;
            double improvement = nodeWeight / totalWeight
                * (impurity - s.WeightLeft / nodeWeight * s.ImpurityLeft - s.WeightRight / nodeWeight * s.ImpurityRight);
            if (improvement + Epsilon < minImpurityDecrease) continue;

            tree.Feature[node] = s.Feature;
            tree.Threshold[node] = s.Threshold;
            var column = data.Columns[s.Feature];
            foreach (int i in order[0].AsSpan(start, n)) goesLeft[i] = column[i] <= s.Threshold;
            int middle = 0;
            foreach (var rows in order) middle = StablePartition(rows, start, end, goesLeft, buffer);
            // Right is pushed first so the left subtree is numbered first (pre-order, as scikit-learn).
            stack.Push(new Pending(middle, end, depth + 1, node, false));
            stack.Push(new Pending(start, middle, depth + 1, node, true));
        }
        return tree;
    }

    private Split? BestSplit(ColumnOrder data, int[][] order, SplitCriterion criterion, int start, int end)
    {
        int d = order.Length, n = end - start;
        int[] features = maxFeatures is { } m && m < d ? rng.SampleWithoutReplacement(d, m) : Enumerable.Range(0, d).ToArray();
        Split? best = null;
        double bestProxy = double.NegativeInfinity;
        foreach (int f in features)
        {
            var rows = order[f].AsSpan(start, n);
            var column = data.Columns[f];
            if (column[rows[n - 1]] <= column[rows[0]] + FeatureThreshold) continue; // constant here

            criterion.ResetLeft();
            for (int p = 0; p < n - 1; p++)
            {
                criterion.MoveLeft(rows[p]);
                double current = column[rows[p]], next = column[rows[p + 1]];
                if (next <= current + FeatureThreshold) continue;
                int nLeft = p + 1;
                if (nLeft < minSamplesLeaf || n - nLeft < minSamplesLeaf) continue;
                var (left, right) = criterion.ChildImpurities();
                double proxy = -(criterion.WeightLeft * left + criterion.WeightRight * right);
                if (proxy > bestProxy)
                {
                    bestProxy = proxy;
                    double threshold = current / 2.0 + next / 2.0;
                    if (threshold == next || double.IsInfinity(threshold)) threshold = current;
                    best = new Split(f, threshold, left, right, criterion.WeightLeft, criterion.WeightRight);
                }
            }
        }
        return best;
    }

    /// <summary>Stable partition of rows[start..end) into left-going then right-going rows; returns the first right index.</summary>
    private static int StablePartition(int[] rows, int start, int end, bool[] goesLeft, int[] buffer)
    {
        int left = start, right = 0;
        for (int k = start; k < end; k++)
        {
            int i = rows[k];
            if (goesLeft[i]) rows[left++] = i;
            else buffer[right++] = i;
        }
        Array.Copy(buffer, 0, rows, left, right);
        return left;
    }
}
