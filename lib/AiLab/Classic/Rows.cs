using System.Numerics;
using System.Runtime.InteropServices;

namespace AiLab.Classic;

/// <summary>Row access and small vector kernels over row-major <c>double[,]</c> matrices.</summary>
internal static class Rows
{
    /// <summary>Row <paramref name="i"/> of <paramref name="x"/> as a span (no copy: a 2-D array is row-major).</summary>
    public static Span<double> Row(this double[,] x, int i) =>
        MemoryMarshal.CreateSpan(ref x[i, 0], x.GetLength(1));

    /// <summary>Copy of row <paramref name="i"/>.</summary>
    public static double[] RowCopy(this double[,] x, int i) => x.Row(i).ToArray();

    /// <summary>Copy of column <paramref name="j"/>.</summary>
    public static double[] Column(this double[,] x, int j)
    {
        var c = new double[x.GetLength(0)];
        for (int i = 0; i < c.Length; i++) c[i] = x[i, j];
        return c;
    }

    /// <summary>The rows of <paramref name="x"/> listed in <paramref name="indices"/>, in that order.</summary>
    public static double[,] SelectRows(this double[,] x, IReadOnlyList<int> indices)
    {
        var r = new double[indices.Count, x.GetLength(1)];
        for (int k = 0; k < indices.Count; k++) x.Row(indices[k]).CopyTo(r.Row(k));
        return r;
    }

    /// <summary>A matrix with one row, <paramref name="v"/>.</summary>
    public static double[,] AsRowMatrix(this double[] v)
    {
        var r = new double[1, v.Length];
        v.CopyTo(r.Row(0));
        return r;
    }

    /// <summary>Squared Euclidean distance (SIMD; these two kernels carry KNN, k-means and DBSCAN).</summary>
    public static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int j = 0;
        var acc = Vector<double>.Zero;
        if (Vector.IsHardwareAccelerated)
            for (; j <= a.Length - Vector<double>.Count; j += Vector<double>.Count)
            {
                var d = new Vector<double>(a[j..]) - new Vector<double>(b[j..]);
                acc += d * d;
            }
        double s = Vector.Sum(acc);
        for (; j < a.Length; j++)
        {
            double d = a[j] - b[j];
            s += d * d;
        }
        return s;
    }

    /// <summary>Dot product (SIMD).</summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int j = 0;
        var acc = Vector<double>.Zero;
        if (Vector.IsHardwareAccelerated)
            for (; j <= a.Length - Vector<double>.Count; j += Vector<double>.Count)
                acc += new Vector<double>(a[j..]) * new Vector<double>(b[j..]);
        double s = Vector.Sum(acc);
        for (; j < a.Length; j++) s += a[j] * b[j];
        return s;
    }

    /// <summary>Column means.</summary>
    public static double[] ColumnMeans(this double[,] x)
    {
        int n = x.GetLength(0), d = x.GetLength(1);
        var m = new double[d];
        for (int i = 0; i < n; i++)
        {
            var row = x.Row(i);
            for (int j = 0; j < d; j++) m[j] += row[j];
        }
        for (int j = 0; j < d; j++) m[j] /= n;
        return m;
    }

    /// <summary>Index of the largest value; the first one on ties (like NumPy's argmax).</summary>
    public static int ArgMax(ReadOnlySpan<double> v)
    {
        int best = 0;
        for (int i = 1; i < v.Length; i++) if (v[i] > v[best]) best = i;
        return best;
    }
}
