namespace AiLab.Metrics;

/// <summary>
/// Null distributions of Kolmogorov–Smirnov statistics, for <see cref="Drift.KsTwoSample"/>:
/// the exact two-sample distribution and the one-sample distribution of Dₙ (SciPy's <c>kstwo</c>).
/// </summary>
internal static class KolmogorovDistribution
{
    /// <summary>
    /// P(D ≥ h / lcm) for two samples of sizes n₁, n₂ under the null, by Hodges' inside method: walk the lattice paths
    /// from (0, 0) to (m, n) and track, per point, the fraction of paths that have already left the band
    /// |x·n/g − y·m/g| &lt; h. Working with that fraction (Viehmann 2021) instead of path counts cannot overflow and keeps
    /// small p-values accurate: q(x, y) = (x·q(x−1, y) + y·q(x, y−1)) / (x + y) inside the band, 1 outside.
    /// </summary>
    public static double TwoSampleExactSurvival(int n1, int n2, long g, long h)
    {
        int m = Math.Max(n1, n2), n = Math.Min(n1, n2);
        long mg = m / g, ng = n / g;
        // One column of q, updated in place from x − 1 to x; cells outside the band hold 1.
        var q = new double[n + 1];
        for (int y = 0; y <= n; y++)
            q[y] = mg * y < h ? 0.0 : 1.0;
        // Reciprocals of x + y, computed once: a multiply per cell instead of a division (about 3× faster on the
        // serial y-chain; each step is a convex combination, so the extra rounding does not grow).
        var reciprocal = new double[m + n + 1];
        for (int s = 1; s < reciprocal.Length; s++)
            reciprocal[s] = 1.0 / s;
        int lowest = 0;
        for (int x = 1; x <= m; x++)
        {
            // The band in column x: (ng·x − h) / mg < y < (ng·x + h) / mg.
            int low = (int)Math.Max(FloorDiv(ng * x - h, mg) + 1, 0);
            int high = (int)Math.Min(-FloorDiv(-(ng * x + h), mg), n + 1); // exclusive
            if (high <= low)
                return 1.0; // the band is closed: every path leaves it
            for (int y = lowest; y < Math.Min(low, n + 1); y++)
                q[y] = 1.0;
            lowest = Math.Max(lowest, low);
            int start = low;
            if (start == 0)
                start = 1; // q(x, 0) = q(x − 1, 0): the path along the axis
            double below = q[start - 1];
            for (int y = start; y < high; y++)
            {
                below = (q[y] * x + below * y) * reciprocal[x + y];
                q[y] = below;
            }
        }
        return q[n];
    }

    /// <summary>
    /// P(Dₙ ≥ x) for the one-sample two-sided statistic Dₙ (SciPy's <c>kstwo.sf</c>), with the method choice of
    /// Simard and L'Ecuyer (2011) as SciPy makes it: exact formulas at the extremes (Ruben–Gambino), 2·P(Dₙ⁺ ≥ x) where
    /// the two tails cannot both be crossed (Miller), the Durbin matrix (Marsaglia–Tsang–Wang) for small n·x, and the
    /// Pelz–Good expansion for large n. (For n ≤ 140 SciPy uses Pomeranz's recursion where this uses the Durbin
    /// matrix; both are exact.)
    /// </summary>
    public static double Survival(long n, double x)
    {
        if (n <= 0)
            return double.NaN;
        if (x >= 1.0)
            return 0.0;
        if (x <= 0.0)
            return 1.0;
        double t = n * x;
        if (t <= 1.0)
        {
            if (t <= 0.5)
                return 1.0;
            // P(Dₙ < x) = n!/nⁿ (2t − 1)ⁿ for 1/(2n) ≤ x ≤ 1/n.
            return Clip(1.0 - Math.Exp(LogFactorialOverPower(n) + n * Math.Log(2 * t - 1)));
        }
        if (t >= n - 1)
            return Clip(2 * Math.Pow(1.0 - x, n));
        if (x >= 0.5)
            return Clip(2 * OneSidedSurvival(n, x));

        double nxSquared = t * x;
        if (n <= 140)
            return Clip(nxSquared <= 4 ? 1.0 - DurbinMatrixCdf(n, x) : 2 * OneSidedSurvival(n, x));
        if (nxSquared >= 370.0)
            return 0.0;
        if (nxSquared >= 2.2)
            return Clip(2 * OneSidedSurvival(n, x));
        double cdf = n <= 100_000 && n * Math.Pow(x, 1.5) <= 1.4 ? DurbinMatrixCdf(n, x) : PelzGoodCdf(n, x);
        return Clip(1.0 - cdf);
    }

    /// <summary>
    /// P(Dₙ⁺ ≥ x), the one-sided statistic, by the Smirnov / Birnbaum–Tingey sum
    /// x Σ_{v=0}^{⌊n(1−x)⌋} C(n, v) (x + v/n)^(v−1) (1 − x − v/n)^(n−v), every term positive and taken in log space.
    /// </summary>
    public static double OneSidedSurvival(long n, double x)
    {
        long last = (long)Math.Floor(n * (1.0 - x));
        double logBinomial = 0, sum = 0;
        for (long v = 0; v <= last; v++)
        {
            if (v > 0)
                logBinomial += Math.Log((double)(n - v + 1) / v);
            double rest = 1.0 - x - (double)v / n;
            if (rest <= 0 && n - v > 0)
                continue; // (1 − x − v/n)^(n−v) = 0
            double logTerm = logBinomial + (v - 1) * Math.Log(x + (double)v / n) + (n - v > 0 ? (n - v) * Math.Log(rest) : 0.0);
            sum += Math.Exp(logTerm);
        }
        return sum * x;
    }

    /// <summary>
    /// P(Dₙ &lt; d) by the Durbin matrix as Marsaglia, Tsang and Wang (2003) compute it: with d = (k − h)/n, the (k, k)
    /// element of Hⁿ (H of size 2k − 1) times n!/nⁿ. Powers are rescaled by powers of two to stay in range.
    /// </summary>
    public static double DurbinMatrixCdf(long n, double d)
    {
        double nd = n * d;
        int k = (int)Math.Ceiling(nd);
        double h = k - nd;
        int size = 2 * k - 1;
        var matrix = new double[size, size];
        for (int i = 0; i < size; i++)
            for (int j = 0; j < size; j++)
                if (i - j + 1 >= 0)
                    matrix[i, j] = 1.0 / Factorial(i - j + 1);
        for (int i = 0; i < size; i++)
        {
            matrix[i, 0] -= Math.Pow(h, i + 1) / Factorial(i + 1);
            matrix[size - 1, i] -= Math.Pow(h, size - i) / Factorial(size - i);
        }
        // The corner is now (1 − 2hᵐ)/m!; for h > 1/2 it gains (2h − 1)ᵐ/m!.
        if (2 * h - 1 > 0)
            matrix[size - 1, 0] += Math.Pow(2 * h - 1, size) / Factorial(size);

        var (power, exponent) = MatrixPower(matrix, n);
        double element = power[k - 1, k - 1];
        if (element <= 0)
            return 0.0;
        return Math.Exp(Math.Log(element) + exponent * Math.Log(2) + LogFactorialOverPower(n));
    }

    /// <summary>
    /// The Pelz–Good asymptotic expansion P(Dₙ &lt; x) ≈ K₀(z) + K₁(z)/√n + K₂(z)/n + K₃(z)/n^{3/2}, z = x√n,
    /// with the Kᵢ in their theta-function forms (sums over odd m of q^{m²}, q = exp(−π²/(8z²))), accurate for small z.
    /// </summary>
    public static double PelzGoodCdf(long n, double x)
    {
        double z = Math.Sqrt(n) * x;
        double z2 = z * z, z4 = z2 * z2, z6 = z4 * z2, z8 = z4 * z4;
        double logQ = -Math.PI * Math.PI / (8 * z2);
        if (logQ < -708)
            return 0.0;
        double pi2 = Math.PI * Math.PI, pi4 = pi2 * pi2, pi6 = pi4 * pi2;

        double k0 = 0, k1 = 0, k2 = 0, k3 = 0;
        int terms = Math.Max(1, (int)Math.Ceiling(16 * z / Math.PI));
        for (int k = 1; k <= terms; k++)
        {
            double m = 2 * k - 1, m2 = m * m, m4 = m2 * m2, m6 = m4 * m2;
            double weight = Math.Exp(logQ * m2);
            k0 += weight;
            k1 += weight * (-z2 + pi2 * m2 / 4);
            k2 += weight * (6 * z6 + 2 * z4 + (2 * z4 - 5 * z2) * pi2 * m2 / 4 + pi4 * (1 - 2 * z2) * m4 / 16);
            k3 += weight * (-30 * z6 - 90 * z8 + pi2 * (135 * z4 - 96 * z6) * m2 / 4 + pi4 * (-60 * z2 + 212 * z4) * m4 / 16
                + pi6 * (5 - 30 * z2) * m6 / 64);
        }
        double sqrt2Pi = Math.Sqrt(2 * Math.PI);
        k0 *= sqrt2Pi / z;
        k1 *= sqrt2Pi / (6 * z4);
        k2 *= sqrt2Pi / (72 * z6 * z);
        k3 *= sqrt2Pi / (6480 * z8 * z2);

        // The remaining terms are sums over all integers k of q₂^{k²}, q₂ = exp(−π²/(2z²)).
        double extra2 = 0, extra3 = 0;
        for (int k = 1; k <= terms; k++)
        {
            double kk = (double)k * k;
            double weight = Math.Exp(-pi2 * kk / (2 * z2));
            extra2 += kk * weight;
            extra3 += (3 * z2 - pi2 * kk) * kk * weight;
        }
        k2 -= extra2 * pi2 * sqrt2Pi / (36 * z2 * z);
        k3 += extra3 * pi2 * sqrt2Pi / (216 * z6);

        double rootN = Math.Sqrt(n);
        return k0 + k1 / rootN + k2 / n + k3 / (n * rootN);
    }

    /// <summary>log(n!/nⁿ) = Σ log(i/n).</summary>
    private static double LogFactorialOverPower(long n)
    {
        double sum = 0;
        for (long i = 1; i <= n; i++)
            sum += Math.Log((double)i / n);
        return sum;
    }

    private static double Factorial(int k)
    {
        double f = 1;
        for (int i = 2; i <= k; i++)
            f *= i;
        return f;
    }

    /// <summary>Mᵖ by repeated squaring, as (matrix, e) with Mᵖ = matrix · 2^e.</summary>
    private static (double[,] Power, long Exponent) MatrixPower(double[,] matrix, long p)
    {
        int size = matrix.GetLength(0);
        var result = new double[size, size];
        for (int i = 0; i < size; i++)
            result[i, i] = 1;
        long resultExponent = 0, baseExponent = 0;
        var square = (double[,])matrix.Clone();
        while (p > 0)
        {
            if ((p & 1) == 1)
            {
                result = Multiply(result, square);
                resultExponent += baseExponent;
                resultExponent += Rescale(result);
            }
            p >>= 1;
            if (p > 0)
            {
                square = Multiply(square, square);
                baseExponent *= 2;
                baseExponent += Rescale(square);
            }
        }
        return (result, resultExponent);
    }

    /// <summary>Divides the matrix by a power of two when its largest element is huge or tiny; returns the exponent removed.</summary>
    private static int Rescale(double[,] matrix)
    {
        double largest = 0;
        foreach (double v in matrix)
            largest = Math.Max(largest, Math.Abs(v));
        if (largest == 0 || (largest < 1e100 && largest > 1e-100))
            return 0;
        int exponent = Math.ILogB(largest);
        for (int i = 0; i < matrix.GetLength(0); i++)
            for (int j = 0; j < matrix.GetLength(1); j++)
                matrix[i, j] = Math.ScaleB(matrix[i, j], -exponent);
        return exponent;
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        int size = a.GetLength(0);
        var product = new double[size, size];
        for (int i = 0; i < size; i++)
            for (int l = 0; l < size; l++)
            {
                double ail = a[i, l];
                if (ail == 0)
                    continue;
                for (int j = 0; j < size; j++)
                    product[i, j] += ail * b[l, j];
            }
        return product;
    }

    /// <summary>⌊a / b⌋ for b &gt; 0, exact in integers.</summary>
    private static long FloorDiv(long a, long b) => a / b - (a % b < 0 ? 1 : 0);

    private static double Clip(double p) => Math.Clamp(p, 0.0, 1.0);
}
