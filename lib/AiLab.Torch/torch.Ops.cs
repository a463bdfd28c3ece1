using AiLab.Torch.Native;

namespace AiLab.Torch;

// Functions over tensors. Most are one-line forwarders to the Tensor methods; joining ops and
// einsum take several tensors and live here.
public static partial class torch
{
    private static readonly Op s_cat = new("aten::cat"), s_stack = new("aten::stack");
    private static readonly Op s_hstack = new("aten::hstack"), s_vstack = new("aten::vstack");
    private static readonly Op s_einsum = new("aten::einsum");
    private static readonly Op s_cdist = new("aten::cdist");
    private static readonly Op s_meshgrid = new("aten::meshgrid", "indexing");

    /// <summary>Concatenates along an existing dimension.</summary>
    public static Tensor cat(IReadOnlyList<Tensor> tensors, long dim = 0) => s_cat.Call(tensors.ToArray(), dim);
    /// <summary>Alias of <see cref="cat"/>.</summary>
    public static Tensor concat(IReadOnlyList<Tensor> tensors, long dim = 0) => cat(tensors, dim);
    /// <summary>Stacks along a new dimension.</summary>
    public static Tensor stack(IReadOnlyList<Tensor> tensors, long dim = 0) => s_stack.Call(tensors.ToArray(), dim);
    /// <summary>Concatenates column-wise (1-D tensors end to end).</summary>
    public static Tensor hstack(IReadOnlyList<Tensor> tensors) => s_hstack.Call(tensors.ToArray());
    /// <summary>Concatenates row-wise (1-D tensors become rows).</summary>
    public static Tensor vstack(IReadOnlyList<Tensor> tensors) => s_vstack.Call(tensors.ToArray());
    /// <summary>Einstein summation, e.g. <c>einsum("bij,bjk->bik", a, b)</c>.</summary>
    public static Tensor einsum(string equation, params Tensor[] operands) => s_einsum.Call(equation, operands);
    /// <summary>Pairwise p-norm distances between the rows of two (batched) matrices.</summary>
    public static Tensor cdist(Tensor x1, Tensor x2, double p = 2) => s_cdist.Call(x1, x2, p);
    /// <summary>Coordinate grids; <paramref name="indexing"/> "ij" (matrix) or "xy" (Cartesian).</summary>
    public static Tensor[] meshgrid(IReadOnlyList<Tensor> tensors, string indexing = "ij") => s_meshgrid.CallTensors(tensors.ToArray(), indexing);

    /// <summary>Picks from <paramref name="input"/> where <paramref name="condition"/> holds, else from <paramref name="other"/>.</summary>
    public static Tensor where(Tensor condition, Tensor input, Tensor other) => Tensor.where(condition, input, other);
    /// <summary>Picks from a tensor or a number.</summary>
    public static Tensor where(Tensor condition, Tensor input, Scalar other) => Tensor.where(condition, input, other);
    /// <summary>Picks from a number or a tensor.</summary>
    public static Tensor where(Tensor condition, Scalar input, Tensor other) => Tensor.where(condition, input, other);
    /// <summary>Picks between two numbers.</summary>
    public static Tensor where(Tensor condition, Scalar input, Scalar other) => Tensor.where(condition, input, other);

    /// <summary>A number raised to tensor powers.</summary>
    public static Tensor pow(Scalar self, Tensor exponent) => Tensor.pow(self, exponent);
    /// <summary>Elementwise power.</summary>
    public static Tensor pow(Tensor input, Scalar exponent) => input.pow(exponent);
    /// <summary>Elementwise power.</summary>
    public static Tensor pow(Tensor input, Tensor exponent) => input.pow(exponent);

    /// <summary>See <see cref="Tensor.add(Tensor, Scalar?)"/>.</summary>
    public static Tensor add(Tensor input, Tensor other, Scalar? alpha = null) => input.add(other, alpha);
    /// <summary>See <see cref="Tensor.sub(Tensor, Scalar?)"/>.</summary>
    public static Tensor sub(Tensor input, Tensor other, Scalar? alpha = null) => input.sub(other, alpha);
    /// <summary>See <see cref="Tensor.mul(Tensor)"/>.</summary>
    public static Tensor mul(Tensor input, Tensor other) => input.mul(other);
    /// <summary>See <see cref="Tensor.div(Tensor, string?)"/>.</summary>
    public static Tensor div(Tensor input, Tensor other, string? rounding_mode = null) => input.div(other, rounding_mode);
    /// <summary>See <see cref="Tensor.abs"/>.</summary>
    public static Tensor abs(Tensor input) => input.abs();
    /// <summary>See <see cref="Tensor.neg"/>.</summary>
    public static Tensor neg(Tensor input) => input.neg();
    /// <summary>See <see cref="Tensor.sign"/>.</summary>
    public static Tensor sign(Tensor input) => input.sign();
    /// <summary>See <see cref="Tensor.sqrt"/>.</summary>
    public static Tensor sqrt(Tensor input) => input.sqrt();
    /// <summary>See <see cref="Tensor.square"/>.</summary>
    public static Tensor square(Tensor input) => input.square();
    /// <summary>See <see cref="Tensor.exp"/>.</summary>
    public static Tensor exp(Tensor input) => input.exp();
    /// <summary>See <see cref="Tensor.log"/>.</summary>
    public static Tensor log(Tensor input) => input.log();
    /// <summary>See <see cref="Tensor.log1p"/>.</summary>
    public static Tensor log1p(Tensor input) => input.log1p();
    /// <summary>See <see cref="Tensor.floor"/>.</summary>
    public static Tensor floor(Tensor input) => input.floor();
    /// <summary>See <see cref="Tensor.ceil"/>.</summary>
    public static Tensor ceil(Tensor input) => input.ceil();
    /// <summary>See <see cref="Tensor.round"/>.</summary>
    public static Tensor round(Tensor input, long decimals = 0) => input.round(decimals);
    /// <summary>See <see cref="Tensor.sin"/>.</summary>
    public static Tensor sin(Tensor input) => input.sin();
    /// <summary>See <see cref="Tensor.cos"/>.</summary>
    public static Tensor cos(Tensor input) => input.cos();
    /// <summary>See <see cref="Tensor.tanh"/>.</summary>
    public static Tensor tanh(Tensor input) => input.tanh();
    /// <summary>See <see cref="Tensor.sigmoid"/>.</summary>
    public static Tensor sigmoid(Tensor input) => input.sigmoid();
    /// <summary>See <see cref="Tensor.relu"/>.</summary>
    public static Tensor relu(Tensor input) => input.relu();
    /// <summary>See <see cref="Tensor.softmax"/>.</summary>
    public static Tensor softmax(Tensor input, long dim, ScalarType? dtype = null) => input.softmax(dim, dtype);
    /// <summary>See <see cref="Tensor.log_softmax"/>.</summary>
    public static Tensor log_softmax(Tensor input, long dim, ScalarType? dtype = null) => input.log_softmax(dim, dtype);
    /// <summary>See <see cref="Tensor.clamp(Scalar?, Scalar?)"/>.</summary>
    public static Tensor clamp(Tensor input, Scalar? min = null, Scalar? max = null) => input.clamp(min, max);
    /// <summary>See <see cref="Tensor.maximum"/>.</summary>
    public static Tensor maximum(Tensor input, Tensor other) => input.maximum(other);
    /// <summary>See <see cref="Tensor.minimum"/>.</summary>
    public static Tensor minimum(Tensor input, Tensor other) => input.minimum(other);
    /// <summary>See <see cref="Tensor.isnan"/>.</summary>
    public static Tensor isnan(Tensor input) => input.isnan();
    /// <summary>See <see cref="Tensor.isinf"/>.</summary>
    public static Tensor isinf(Tensor input) => input.isinf();
    /// <summary>See <see cref="Tensor.isfinite"/>.</summary>
    public static Tensor isfinite(Tensor input) => input.isfinite();
    /// <summary>See <see cref="Tensor.nan_to_num"/>.</summary>
    public static Tensor nan_to_num(Tensor input, double nan = 0, double? posinf = null, double? neginf = null) => input.nan_to_num(nan, posinf, neginf);
    /// <summary>See <see cref="Tensor.allclose"/>.</summary>
    public static bool allclose(Tensor input, Tensor other, double rtol = 1e-5, double atol = 1e-8, bool equal_nan = false) => input.allclose(other, rtol, atol, equal_nan);
    /// <summary>See <see cref="Tensor.equal"/>.</summary>
    public static bool equal(Tensor input, Tensor other) => input.equal(other);

    /// <summary>See <see cref="Tensor.matmul"/>.</summary>
    public static Tensor matmul(Tensor input, Tensor other) => input.matmul(other);
    /// <summary>See <see cref="Tensor.mm"/>.</summary>
    public static Tensor mm(Tensor input, Tensor mat2) => input.mm(mat2);
    /// <summary>See <see cref="Tensor.bmm"/>.</summary>
    public static Tensor bmm(Tensor input, Tensor mat2) => input.bmm(mat2);
    /// <summary>See <see cref="Tensor.outer"/>.</summary>
    public static Tensor outer(Tensor input, Tensor vec2) => input.outer(vec2);
    /// <summary>See <see cref="Tensor.dot"/>.</summary>
    public static Tensor dot(Tensor input, Tensor other) => input.dot(other);

    /// <summary>See <see cref="Tensor.sum()"/>.</summary>
    public static Tensor sum(Tensor input) => input.sum();
    /// <summary>See <see cref="Tensor.sum(long, bool, ScalarType?)"/>.</summary>
    public static Tensor sum(Tensor input, long dim, bool keepdim = false) => input.sum(dim, keepdim);
    /// <summary>See <see cref="Tensor.mean()"/>.</summary>
    public static Tensor mean(Tensor input) => input.mean();
    /// <summary>See <see cref="Tensor.mean(long, bool, ScalarType?)"/>.</summary>
    public static Tensor mean(Tensor input, long dim, bool keepdim = false) => input.mean(dim, keepdim);
    /// <summary>See <see cref="Tensor.std(long[], bool, bool)"/>.</summary>
    public static Tensor std(Tensor input, long[]? dim = null, bool unbiased = true, bool keepdim = false) => input.std(dim, unbiased, keepdim);
    /// <summary>See <see cref="Tensor.var(long[], bool, bool)"/>.</summary>
    public static Tensor var(Tensor input, long[]? dim = null, bool unbiased = true, bool keepdim = false) => input.var(dim, unbiased, keepdim);
    /// <summary>See <see cref="Tensor.max()"/>.</summary>
    public static Tensor max(Tensor input) => input.max();
    /// <summary>See <see cref="Tensor.max(long, bool)"/>.</summary>
    public static (Tensor values, Tensor indices) max(Tensor input, long dim, bool keepdim = false) => input.max(dim, keepdim);
    /// <summary>See <see cref="Tensor.min()"/>.</summary>
    public static Tensor min(Tensor input) => input.min();
    /// <summary>See <see cref="Tensor.min(long, bool)"/>.</summary>
    public static (Tensor values, Tensor indices) min(Tensor input, long dim, bool keepdim = false) => input.min(dim, keepdim);
    /// <summary>See <see cref="Tensor.argmax"/>.</summary>
    public static Tensor argmax(Tensor input, long? dim = null, bool keepdim = false) => input.argmax(dim, keepdim);
    /// <summary>See <see cref="Tensor.argmin"/>.</summary>
    public static Tensor argmin(Tensor input, long? dim = null, bool keepdim = false) => input.argmin(dim, keepdim);
    /// <summary>See <see cref="Tensor.prod()"/>.</summary>
    public static Tensor prod(Tensor input) => input.prod();
    /// <summary>See <see cref="Tensor.norm(double, long[], bool)"/>.</summary>
    public static Tensor norm(Tensor input, double p = 2, long[]? dim = null, bool keepdim = false) => input.norm(p, dim, keepdim);
    /// <summary>See <see cref="Tensor.cumsum"/>.</summary>
    public static Tensor cumsum(Tensor input, long dim) => input.cumsum(dim);
    /// <summary>See <see cref="Tensor.logsumexp(long, bool)"/>.</summary>
    public static Tensor logsumexp(Tensor input, long dim, bool keepdim = false) => input.logsumexp(dim, keepdim);
    /// <summary>See <see cref="Tensor.all()"/>.</summary>
    public static Tensor all(Tensor input) => input.all();
    /// <summary>See <see cref="Tensor.any()"/>.</summary>
    public static Tensor any(Tensor input) => input.any();
    /// <summary>See <see cref="Tensor.topk"/>.</summary>
    public static (Tensor values, Tensor indices) topk(Tensor input, long k, long dim = -1, bool largest = true, bool sorted = true) => input.topk(k, dim, largest, sorted);
    /// <summary>See <see cref="Tensor.sort"/>.</summary>
    public static (Tensor values, Tensor indices) sort(Tensor input, long dim = -1, bool descending = false, bool stable = false) => input.sort(dim, descending, stable);
    /// <summary>See <see cref="Tensor.argsort"/>.</summary>
    public static Tensor argsort(Tensor input, long dim = -1, bool descending = false) => input.argsort(dim, descending);

    /// <summary>See <see cref="Tensor.reshape"/>.</summary>
    public static Tensor reshape(Tensor input, params long[] shape) => input.reshape(shape);
    /// <summary>See <see cref="Tensor.flatten"/>.</summary>
    public static Tensor flatten(Tensor input, long start_dim = 0, long end_dim = -1) => input.flatten(start_dim, end_dim);
    /// <summary>See <see cref="Tensor.unsqueeze"/>.</summary>
    public static Tensor unsqueeze(Tensor input, long dim) => input.unsqueeze(dim);
    /// <summary>See <see cref="Tensor.squeeze()"/>.</summary>
    public static Tensor squeeze(Tensor input) => input.squeeze();
    /// <summary>See <see cref="Tensor.permute"/>.</summary>
    public static Tensor permute(Tensor input, params long[] dims) => input.permute(dims);
    /// <summary>See <see cref="Tensor.transpose"/>.</summary>
    public static Tensor transpose(Tensor input, long dim0, long dim1) => input.transpose(dim0, dim1);
    /// <summary>See <see cref="Tensor.t"/>.</summary>
    public static Tensor t(Tensor input) => input.t();
    /// <summary>See <see cref="Tensor.split(long, long)"/>.</summary>
    public static Tensor[] split(Tensor input, long split_size, long dim = 0) => input.split(split_size, dim);
    /// <summary>See <see cref="Tensor.chunk"/>.</summary>
    public static Tensor[] chunk(Tensor input, long chunks, long dim = 0) => input.chunk(chunks, dim);
    /// <summary>See <see cref="Tensor.narrow"/>.</summary>
    public static Tensor narrow(Tensor input, long dim, long start, long length) => input.narrow(dim, start, length);
    /// <summary>See <see cref="Tensor.index_select"/>.</summary>
    public static Tensor index_select(Tensor input, long dim, Tensor index) => input.index_select(dim, index);
    /// <summary>See <see cref="Tensor.gather"/>.</summary>
    public static Tensor gather(Tensor input, long dim, Tensor index) => input.gather(dim, index);
    /// <summary>See <see cref="Tensor.masked_fill(Tensor, Scalar)"/>.</summary>
    public static Tensor masked_fill(Tensor input, Tensor mask, Scalar value) => input.masked_fill(mask, value);
    /// <summary>See <see cref="Tensor.tril"/>.</summary>
    public static Tensor tril(Tensor input, long diagonal = 0) => input.tril(diagonal);
    /// <summary>See <see cref="Tensor.triu"/>.</summary>
    public static Tensor triu(Tensor input, long diagonal = 0) => input.triu(diagonal);
    /// <summary>See <see cref="Tensor.flip"/>.</summary>
    public static Tensor flip(Tensor input, params long[] dims) => input.flip(dims);
    /// <summary>See <see cref="Tensor.clone"/>.</summary>
    public static Tensor clone(Tensor input) => input.clone();
    /// <summary>See <see cref="Tensor.nonzero"/>.</summary>
    public static Tensor nonzero(Tensor input) => input.nonzero();
}
