using AiLab.Torch.Native;

namespace AiLab.Torch;

// Reduction ops: https://pytorch.org/docs/stable/torch.html#reduction-ops
// `dim` may be negative; a null dim reduces over every dimension.
// NOTE: whole-tensor reductions take no dtype argument on purpose: C# converts the literal 0 to any
// enum, so `x.sum(0)` would bind to `sum(ScalarType? dtype)` instead of `sum(long dim)`.
public partial class Tensor
{
    private static readonly Op s_sum = new("aten::sum"), s_sum_dim = new("aten::sum", "dim_IntList");
    private static readonly Op s_mean = new("aten::mean"), s_mean_dim = new("aten::mean", "dim");
    private static readonly Op s_std = new("aten::std", "dim"), s_var = new("aten::var", "dim");
    private static readonly Op s_max = new("aten::max"), s_max_dim = new("aten::max", "dim");
    private static readonly Op s_min = new("aten::min"), s_min_dim = new("aten::min", "dim");
    private static readonly Op s_amax = new("aten::amax"), s_amin = new("aten::amin");
    private static readonly Op s_argmax = new("aten::argmax"), s_argmin = new("aten::argmin");
    private static readonly Op s_prod = new("aten::prod"), s_prod_dim = new("aten::prod", "dim_int");
    private static readonly Op s_vector_norm = new("aten::linalg_vector_norm");
    private static readonly Op s_cumsum = new("aten::cumsum"), s_cumprod = new("aten::cumprod");
    private static readonly Op s_logsumexp = new("aten::logsumexp");
    private static readonly Op s_all = new("aten::all"), s_all_dim = new("aten::all", "dim");
    private static readonly Op s_any = new("aten::any"), s_any_dim = new("aten::any", "dim");
    private static readonly Op s_topk = new("aten::topk");
    private static readonly Op s_sort = new("aten::sort", "stable"), s_argsort = new("aten::argsort");
    private static readonly Op s_median = new("aten::median"), s_median_dim = new("aten::median", "dim");
    private static readonly Op s_count_nonzero = new("aten::count_nonzero");

    /// <summary>Sum of all elements.</summary>
    public Tensor sum() => s_sum.Call(this);
    /// <summary>Sum over <paramref name="dim"/>.</summary>
    public Tensor sum(long dim, bool keepdim = false, ScalarType? dtype = null) => sum([dim], keepdim, dtype);
    /// <summary>Sum over several dimensions.</summary>
    public Tensor sum(long[] dim, bool keepdim = false, ScalarType? dtype = null) => s_sum_dim.Call(this, dim, keepdim, dtype);

    /// <summary>Mean of all elements (floating tensors).</summary>
    public Tensor mean() => s_mean.Call(this);
    /// <summary>Mean over <paramref name="dim"/>.</summary>
    public Tensor mean(long dim, bool keepdim = false, ScalarType? dtype = null) => mean([dim], keepdim, dtype);
    /// <summary>Mean over several dimensions.</summary>
    public Tensor mean(long[] dim, bool keepdim = false, ScalarType? dtype = null) => s_mean_dim.Call(this, dim, keepdim, dtype);

    /// <summary>Standard deviation (Bessel-corrected unless <paramref name="unbiased"/> is false) over all elements or <paramref name="dim"/>.</summary>
    public Tensor std(long[]? dim = null, bool unbiased = true, bool keepdim = false) => s_std.Call(this, dim is null ? Arg.None : dim, unbiased, keepdim);
    /// <summary>Standard deviation over one dimension.</summary>
    public Tensor std(long dim, bool unbiased = true, bool keepdim = false) => std([dim], unbiased, keepdim);
    /// <summary>Variance (Bessel-corrected unless <paramref name="unbiased"/> is false).</summary>
    public Tensor var(long[]? dim = null, bool unbiased = true, bool keepdim = false) => s_var.Call(this, dim is null ? Arg.None : dim, unbiased, keepdim);
    /// <summary>Variance over one dimension.</summary>
    public Tensor var(long dim, bool unbiased = true, bool keepdim = false) => var([dim], unbiased, keepdim);

    /// <summary>The largest element.</summary>
    public Tensor max() => s_max.Call(this);
    /// <summary>Largest values along <paramref name="dim"/> and where they are.</summary>
    public (Tensor values, Tensor indices) max(long dim, bool keepdim = false) => Pair(s_max_dim.CallTensors(this, dim, keepdim));
    /// <summary>Elementwise maximum (alias of <see cref="maximum"/>).</summary>
    public Tensor max(Tensor other) => maximum(other);
    /// <summary>The smallest element.</summary>
    public Tensor min() => s_min.Call(this);
    /// <summary>Smallest values along <paramref name="dim"/> and where they are.</summary>
    public (Tensor values, Tensor indices) min(long dim, bool keepdim = false) => Pair(s_min_dim.CallTensors(this, dim, keepdim));
    /// <summary>Elementwise minimum (alias of <see cref="minimum"/>).</summary>
    public Tensor min(Tensor other) => minimum(other);
    /// <summary>Largest values over dimensions (values only).</summary>
    public Tensor amax(long[] dim, bool keepdim = false) => s_amax.Call(this, dim, keepdim);
    /// <summary>Smallest values over dimensions (values only).</summary>
    public Tensor amin(long[] dim, bool keepdim = false) => s_amin.Call(this, dim, keepdim);
    /// <summary>Index of the largest element (of the flattened tensor when <paramref name="dim"/> is null).</summary>
    public Tensor argmax(long? dim = null, bool keepdim = false) => s_argmax.Call(this, dim is { } d ? d : Arg.None, keepdim);
    /// <summary>Index of the smallest element.</summary>
    public Tensor argmin(long? dim = null, bool keepdim = false) => s_argmin.Call(this, dim is { } d ? d : Arg.None, keepdim);
    /// <summary>The median (lower of the two middle values, like PyTorch).</summary>
    public Tensor median() => s_median.Call(this);
    /// <summary>Medians along <paramref name="dim"/> and where they are.</summary>
    public (Tensor values, Tensor indices) median(long dim, bool keepdim = false) => Pair(s_median_dim.CallTensors(this, dim, keepdim));

    /// <summary>Product of all elements.</summary>
    public Tensor prod() => s_prod.Call(this);
    /// <summary>Product over <paramref name="dim"/>.</summary>
    public Tensor prod(long dim, bool keepdim = false, ScalarType? dtype = null) => s_prod_dim.Call(this, dim, keepdim, dtype);

    /// <summary>Vector p-norm over all elements or <paramref name="dim"/> (p = 2 by default; ∞ allowed).</summary>
    public Tensor norm(double p = 2, long[]? dim = null, bool keepdim = false) => s_vector_norm.Call(this, p, dim is null ? Arg.None : dim, keepdim);
    /// <summary>Vector p-norm over one dimension.</summary>
    public Tensor norm(long dim, double p = 2, bool keepdim = false) => norm(p, [dim], keepdim);

    /// <summary>Cumulative sum along <paramref name="dim"/>.</summary>
    public Tensor cumsum(long dim, ScalarType? dtype = null) => s_cumsum.Call(this, dim, dtype);
    /// <summary>Cumulative product along <paramref name="dim"/>.</summary>
    public Tensor cumprod(long dim, ScalarType? dtype = null) => s_cumprod.Call(this, dim, dtype);
    /// <summary>log Σ exp(x) along dimensions, computed stably.</summary>
    public Tensor logsumexp(long[] dim, bool keepdim = false) => s_logsumexp.Call(this, dim, keepdim);
    /// <summary>log Σ exp(x) along one dimension.</summary>
    public Tensor logsumexp(long dim, bool keepdim = false) => logsumexp([dim], keepdim);

    /// <summary>True when every element is non-zero.</summary>
    public Tensor all() => s_all.Call(this);
    /// <summary>Logical and along <paramref name="dim"/>.</summary>
    public Tensor all(long dim, bool keepdim = false) => s_all_dim.Call(this, dim, keepdim);
    /// <summary>True when some element is non-zero.</summary>
    public Tensor any() => s_any.Call(this);
    /// <summary>Logical or along <paramref name="dim"/>.</summary>
    public Tensor any(long dim, bool keepdim = false) => s_any_dim.Call(this, dim, keepdim);
    /// <summary>Number of non-zero elements (over <paramref name="dim"/> when given).</summary>
    public Tensor count_nonzero(long[]? dim = null) => s_count_nonzero.Call(this, dim ?? []);

    /// <summary>The <paramref name="k"/> largest (or smallest) values along <paramref name="dim"/> and their indices.</summary>
    public (Tensor values, Tensor indices) topk(long k, long dim = -1, bool largest = true, bool sorted = true) =>
        Pair(s_topk.CallTensors(this, k, dim, largest, sorted));
    /// <summary>Sorted values along <paramref name="dim"/> and the permutation that sorts them.</summary>
    public (Tensor values, Tensor indices) sort(long dim = -1, bool descending = false, bool stable = false) =>
        Pair(s_sort.CallTensors(this, stable, dim, descending));
    /// <summary>The permutation that sorts along <paramref name="dim"/>.</summary>
    public Tensor argsort(long dim = -1, bool descending = false) => s_argsort.Call(this, dim, descending);

    private static (Tensor, Tensor) Pair(Tensor[] results) => (results[0], results[1]);
}
