namespace AiLab.Classic;

/// <summary>
/// Limited-memory BFGS with a strong-Wolfe line search (Nocedal &amp; Wright, algorithms 7.4, 3.5, 3.6),
/// for the smooth convex objectives of <see cref="LogisticRegression"/>.
/// </summary>
internal static class Lbfgs
{
    /// <summary>Objective: returns f(x) and writes ∇f(x) into the second argument.</summary>
    public delegate double Objective(double[] x, double[] gradient);

    /// <summary>
    /// Minimizes from <paramref name="x0"/> until max |∇f| ≤ <paramref name="gtol"/> (SciPy's <c>pgtol</c>),
    /// the relative decrease of f falls below a few ulps, or <paramref name="maxIter"/> iterations.
    /// </summary>
    public static (double[] X, int Iterations, bool Converged) Minimize(Objective f, double[] x0, int maxIter, double gtol, int memory = 10)
    {
        int p = x0.Length;
        var x = (double[])x0.Clone();
        var g = new double[p];
        double fx = f(x, g);
        var s = new List<double[]>(memory);
        var y = new List<double[]>(memory);
        var rho = new List<double>(memory);
        var direction = new double[p];
        var alphaHistory = new double[memory];
        for (int iter = 0; iter < maxIter; iter++)
        {
            if (MaxAbs(g) <= gtol) return (x, iter, true);

            // Two-loop recursion: direction = −H·g.
            Array.Copy(g, direction, p);
            for (int k = s.Count - 1; k >= 0; k--)
            {
                alphaHistory[k] = rho[k] * Rows.Dot(s[k], direction);
                Axpy(-alphaHistory[k], y[k], direction);
            }
            double gamma = s.Count > 0 ? Rows.Dot(s[^1], y[^1]) / Rows.Dot(y[^1], y[^1]) : 1.0 / Math.Max(1.0, Math.Sqrt(Rows.Dot(g, g)));
            for (int j = 0; j < p; j++) direction[j] *= gamma;
            for (int k = 0; k < s.Count; k++)
            {
                double beta = rho[k] * Rows.Dot(y[k], direction);
                Axpy(alphaHistory[k] - beta, s[k], direction);
            }
            for (int j = 0; j < p; j++) direction[j] = -direction[j];

            double slope = Rows.Dot(g, direction);
            if (slope >= 0)
            {
                // Not a descent direction (numerical trouble): restart from steepest descent.
                s.Clear(); y.Clear(); rho.Clear();
                for (int j = 0; j < p; j++) direction[j] = -g[j] * gamma;
                slope = Rows.Dot(g, direction);
            }

            var (step, fNew, xNew, gNew) = WolfeLineSearch(f, x, fx, g, direction, slope);
            if (step == 0) return (x, iter, MaxAbs(g) <= gtol * 10);

            var sk = new double[p];
            var yk = new double[p];
            for (int j = 0; j < p; j++) { sk[j] = xNew[j] - x[j]; yk[j] = gNew[j] - g[j]; }
            double sy = Rows.Dot(sk, yk);
            if (sy > 1e-300)
            {
                if (s.Count == memory) { s.RemoveAt(0); y.RemoveAt(0); rho.RemoveAt(0); }
                s.Add(sk); y.Add(yk); rho.Add(1.0 / sy);
            }
            double relativeDecrease = (fx - fNew) / Math.Max(Math.Max(Math.Abs(fx), Math.Abs(fNew)), 1.0);
            x = xNew; g = gNew; fx = fNew;
            if (relativeDecrease <= 64 * 2.220446049250313e-16) return (x, iter + 1, true);
        }
        return (x, maxIter, MaxAbs(g) <= gtol);
    }

    private static (double Step, double F, double[] X, double[] G) WolfeLineSearch(
        Objective f, double[] x, double fx, double[] g, double[] direction, double slope)
    {
        const double c1 = 1e-4, c2 = 0.9;
        int p = x.Length;
        double Evaluate(double t, out double[] xt, out double[] gt, out double dt)
        {
            xt = new double[p];
            gt = new double[p];
            for (int j = 0; j < p; j++) xt[j] = x[j] + t * direction[j];
            double ft = f(xt, gt);
            dt = Rows.Dot(gt, direction);
            return ft;
        }

        double previousStep = 0, previousF = fx, step = 1.0;
        for (int i = 0; i < 40; i++)
        {
            double ft = Evaluate(step, out var xt, out var gt, out var dt);
            if (!double.IsFinite(ft) || ft > fx + c1 * step * slope || (i > 0 && ft >= previousF))
                return Zoom(previousStep, previousF, step);
            if (Math.Abs(dt) <= -c2 * slope) return (step, ft, xt, gt);
            if (dt >= 0) return Zoom(step, ft, previousStep);
            previousStep = step; previousF = ft;
            step *= 2;
        }
        return (0, fx, x, g);

        (double, double, double[], double[]) Zoom(double lo, double fLo, double hi)
        {
            for (int k = 0; k < 60; k++)
            {
                // Bisection keeps this simple and robust; the objectives here are cheap relative to n·d.
                double t = 0.5 * (lo + hi);
                double ft = Evaluate(t, out var xt, out var gt, out var dt);
                if (!double.IsFinite(ft) || ft > fx + c1 * t * slope || ft >= fLo)
                {
                    hi = t;
                }
                else
                {
                    if (Math.Abs(dt) <= -c2 * slope) return (t, ft, xt, gt);
                    if (dt * (hi - lo) >= 0) hi = lo;
                    lo = t; fLo = ft;
                }
                if (Math.Abs(hi - lo) < 1e-16 * Math.Max(1, Math.Abs(lo))) break;
            }
            if (lo > 0)
            {
                double fl = Evaluate(lo, out var xl, out var gl, out _);
                if (fl < fx) return (lo, fl, xl, gl);
            }
            return (0, fx, x, g);
        }
    }

    private static double MaxAbs(double[] v)
    {
        double m = 0;
        foreach (double e in v) m = Math.Max(m, Math.Abs(e));
        return m;
    }

    private static void Axpy(double a, double[] x, double[] y)
    {
        for (int j = 0; j < y.Length; j++) y[j] += a * x[j];
    }
}
