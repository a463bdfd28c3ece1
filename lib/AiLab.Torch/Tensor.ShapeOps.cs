using AiLab.Torch.Native;

namespace AiLab.Torch;

// Indexing, slicing, joining and mutating ops:
// https://pytorch.org/docs/stable/torch.html#indexing-slicing-joining-mutating-ops
public partial class Tensor
{
    private static readonly Op s_view = new("aten::view"), s_reshape = new("aten::reshape");
    private static readonly Op s_flatten = new("aten::flatten", "using_ints"), s_unflatten = new("aten::unflatten", "int");
    private static readonly Op s_unsqueeze = new("aten::unsqueeze"), s_squeeze = new("aten::squeeze"), s_squeeze_dim = new("aten::squeeze", "dim");
    private static readonly Op s_permute = new("aten::permute"), s_transpose = new("aten::transpose", "int"), s_t = new("aten::t");
    private static readonly Op s_movedim = new("aten::movedim", "int");
    private static readonly Op s_expand = new("aten::expand"), s_repeat = new("aten::repeat");
    private static readonly Op s_repeat_interleave = new("aten::repeat_interleave", "self_int");
    private static readonly Op s_contiguous = new("aten::contiguous"), s_clone = new("aten::clone");
    private static readonly Op s_split = new("aten::split", "Tensor"), s_split_sizes = new("aten::split_with_sizes");
    private static readonly Op s_chunk = new("aten::chunk"), s_unbind = new("aten::unbind", "int");
    private static readonly Op s_narrow = new("aten::narrow"), s_select = new("aten::select", "int"), s_slice = new("aten::slice", "Tensor");
    private static readonly Op s_index_select = new("aten::index_select"), s_gather = new("aten::gather");
    private static readonly Op s_scatter = new("aten::scatter", "src"), s_scatter_v = new("aten::scatter", "value");
    private static readonly Op s_scatter_add = new("aten::scatter_add");
    private static readonly Op s_scatter_ = new("aten::scatter_", "src"), s_scatter_add_ = new("aten::scatter_add_");
    private static readonly Op s_index_add = new("aten::index_add");
    private static readonly Op s_masked_fill = new("aten::masked_fill", "Scalar"), s_masked_fill_t = new("aten::masked_fill", "Tensor");
    private static readonly Op s_masked_fill_ = new("aten::masked_fill_", "Scalar");
    private static readonly Op s_masked_select = new("aten::masked_select"), s_nonzero = new("aten::nonzero");
    private static readonly Op s_one_hot = new("aten::one_hot");
    private static readonly Op s_tril = new("aten::tril"), s_triu = new("aten::triu");
    private static readonly Op s_flip = new("aten::flip"), s_roll = new("aten::roll");
    private static readonly Op s_diag = new("aten::diag"), s_diagonal = new("aten::diagonal");
    private static readonly Op s_zero_ = new("aten::zero_"), s_fill_ = new("aten::fill_", "Scalar"), s_fill_t_ = new("aten::fill_", "Tensor");
    private static readonly Op s_copy_ = new("aten::copy_");
    private static readonly Op s_uniform_ = new("aten::uniform_"), s_normal_ = new("aten::normal_");
    private static readonly Op s_bernoulli_ = new("aten::bernoulli_", "float");
    private static readonly Op s_index = new("aten::index", "Tensor"), s_index_put_ = new("aten::index_put_");

    /// <summary>A view with another shape (one size may be −1); needs compatible strides.</summary>
    public Tensor view(params long[] size) => s_view.Call(this, size);
    /// <summary>A view or copy with another shape (one size may be −1).</summary>
    public Tensor reshape(params long[] shape) => s_reshape.Call(this, shape);
    /// <summary>Same as <c>view(other.shape)</c>.</summary>
    public Tensor view_as(Tensor other) => view(other.shape);
    /// <summary>Same as <c>reshape(other.shape)</c>.</summary>
    public Tensor reshape_as(Tensor other) => reshape(other.shape);
    /// <summary>Merges dimensions <paramref name="start_dim"/> … <paramref name="end_dim"/> into one.</summary>
    public Tensor flatten(long start_dim = 0, long end_dim = -1) => s_flatten.Call(this, start_dim, end_dim);
    /// <summary>Splits dimension <paramref name="dim"/> into <paramref name="sizes"/>.</summary>
    public Tensor unflatten(long dim, long[] sizes) => s_unflatten.Call(this, dim, sizes);
    /// <summary>Inserts a dimension of size 1 at <paramref name="dim"/>.</summary>
    public Tensor unsqueeze(long dim) => s_unsqueeze.Call(this, dim);
    /// <summary>Removes every dimension of size 1.</summary>
    public Tensor squeeze() => s_squeeze.Call(this);
    /// <summary>Removes dimension <paramref name="dim"/> if its size is 1.</summary>
    public Tensor squeeze(long dim) => s_squeeze_dim.Call(this, dim);
    /// <summary>Reorders dimensions.</summary>
    public Tensor permute(params long[] dims) => s_permute.Call(this, dims);
    /// <summary>Swaps two dimensions.</summary>
    public Tensor transpose(long dim0, long dim1) => s_transpose.Call(this, dim0, dim1);
    /// <summary>Transposes a matrix (≤ 2-D).</summary>
    public Tensor t() => s_t.Call(this);
    /// <summary>The transpose of a matrix (<c>x.T</c>).</summary>
    public Tensor T => t();
    /// <summary>Moves dimension <paramref name="source"/> to position <paramref name="destination"/>.</summary>
    public Tensor movedim(long source, long destination) => s_movedim.Call(this, source, destination);
    /// <summary>A broadcast view to <paramref name="size"/> (−1 keeps a size).</summary>
    public Tensor expand(params long[] size) => s_expand.Call(this, size);
    /// <summary>A broadcast view to the shape of <paramref name="other"/>.</summary>
    public Tensor expand_as(Tensor other) => expand(other.shape);
    /// <summary>Tiles the tensor <paramref name="repeats"/> times along each dimension.</summary>
    public Tensor repeat(params long[] repeats) => s_repeat.Call(this, repeats);
    /// <summary>Repeats each element <paramref name="repeats"/> times along <paramref name="dim"/> (flattened when null).</summary>
    public Tensor repeat_interleave(long repeats, long? dim = null) => s_repeat_interleave.Call(this, repeats, dim is { } d ? d : Arg.None);
    /// <summary>A contiguous tensor with the same values (this data when already contiguous).</summary>
    public Tensor contiguous() => s_contiguous.Call(this);
    /// <summary>A copy that autograd differentiates through.</summary>
    public Tensor clone() => s_clone.Call(this);

    /// <summary>Splits into pieces of <paramref name="split_size"/> along <paramref name="dim"/> (the last may be smaller).</summary>
    public Tensor[] split(long split_size, long dim = 0) => s_split.CallTensors(this, split_size, dim);
    /// <summary>Splits into pieces of the given sizes.</summary>
    public Tensor[] split(long[] split_sizes, long dim = 0) => s_split_sizes.CallTensors(this, split_sizes, dim);
    /// <summary>Splits into <paramref name="chunks"/> nearly equal pieces.</summary>
    public Tensor[] chunk(long chunks, long dim = 0) => s_chunk.CallTensors(this, chunks, dim);
    /// <summary>The slices along <paramref name="dim"/>, with that dimension removed.</summary>
    public Tensor[] unbind(long dim = 0) => s_unbind.CallTensors(this, dim);
    /// <summary>A view of <paramref name="length"/> elements from <paramref name="start"/> along <paramref name="dim"/>.</summary>
    public Tensor narrow(long dim, long start, long length) => s_narrow.Call(this, dim, start, length);
    /// <summary>The slice at <paramref name="index"/> along <paramref name="dim"/>, with that dimension removed.</summary>
    public Tensor select(long dim, long index) => s_select.Call(this, dim, index);
    /// <summary>A strided view <c>start:end:step</c> along <paramref name="dim"/> (null bounds = the ends).</summary>
    public Tensor slice(long dim, long? start, long? end, long step = 1) =>
        s_slice.Call(this, dim, start is { } s ? s : Arg.None, end is { } e ? e : Arg.None, step);

    /// <summary>Entries at <paramref name="index"/> (1-D int64) along <paramref name="dim"/>.</summary>
    public Tensor index_select(long dim, Tensor index) => s_index_select.Call(this, dim, index);
    /// <summary><c>out[i][j] = this[index[i][j]][j]</c> for dim 0 (and likewise for other dims).</summary>
    public Tensor gather(long dim, Tensor index) => s_gather.Call(this, dim, index);
    /// <summary>Writes <paramref name="src"/> at <paramref name="index"/> along <paramref name="dim"/> (the inverse of gather).</summary>
    public Tensor scatter(long dim, Tensor index, Tensor src) => s_scatter.Call(this, dim, index, src);
    /// <summary>Writes <paramref name="value"/> at <paramref name="index"/> along <paramref name="dim"/>.</summary>
    public Tensor scatter(long dim, Tensor index, Scalar value) => s_scatter_v.Call(this, dim, index, value);
    /// <summary>In-place <see cref="scatter(long, Tensor, Tensor)"/>.</summary>
    public Tensor scatter_(long dim, Tensor index, Tensor src) { s_scatter_.CallInPlace(this, dim, index, src); return this; }
    /// <summary>Adds <paramref name="src"/> at <paramref name="index"/> along <paramref name="dim"/> (duplicates accumulate).</summary>
    public Tensor scatter_add(long dim, Tensor index, Tensor src) => s_scatter_add.Call(this, dim, index, src);
    /// <summary>In-place <see cref="scatter_add"/>.</summary>
    public Tensor scatter_add_(long dim, Tensor index, Tensor src) { s_scatter_add_.CallInPlace(this, dim, index, src); return this; }
    /// <summary>Adds the slices of <paramref name="source"/> at positions <paramref name="index"/> along <paramref name="dim"/>.</summary>
    public Tensor index_add(long dim, Tensor index, Tensor source, Scalar? alpha = null) => s_index_add.Call(this, dim, index, source, alpha);
    /// <summary>Replaces entries where <paramref name="mask"/> is true.</summary>
    public Tensor masked_fill(Tensor mask, Scalar value) => s_masked_fill.Call(this, mask, value);
    /// <summary>Replaces entries where <paramref name="mask"/> is true with a 0-D tensor's value.</summary>
    public Tensor masked_fill(Tensor mask, Tensor value) => s_masked_fill_t.Call(this, mask, value);
    /// <summary>In-place <see cref="masked_fill(Tensor, Scalar)"/>.</summary>
    public Tensor masked_fill_(Tensor mask, Scalar value) { s_masked_fill_.CallInPlace(this, mask, value); return this; }
    /// <summary>The entries where <paramref name="mask"/> is true, as a 1-D tensor.</summary>
    public Tensor masked_select(Tensor mask) => s_masked_select.Call(this, mask);
    /// <summary>Indices of non-zero entries, one row per entry.</summary>
    public Tensor nonzero() => s_nonzero.Call(this);
    /// <summary>One-hot encoding of an int64 tensor of class indices.</summary>
    public Tensor one_hot(long num_classes = -1) => s_one_hot.Call(this, num_classes);
    /// <summary>Lower triangle (entries above <paramref name="diagonal"/> zeroed).</summary>
    public Tensor tril(long diagonal = 0) => s_tril.Call(this, diagonal);
    /// <summary>Upper triangle (entries below <paramref name="diagonal"/> zeroed).</summary>
    public Tensor triu(long diagonal = 0) => s_triu.Call(this, diagonal);
    /// <summary>Reverses the order along dimensions.</summary>
    public Tensor flip(params long[] dims) => s_flip.Call(this, dims);
    /// <summary>Rolls elements along dimensions (wrapping around).</summary>
    public Tensor roll(long[] shifts, long[] dims) => s_roll.Call(this, shifts, dims);
    /// <summary>Rolls along one dimension.</summary>
    public Tensor roll(long shifts, long dim) => roll([shifts], [dim]);
    /// <summary>A diagonal matrix from a vector, or the diagonal of a matrix.</summary>
    public Tensor diag(long diagonal = 0) => s_diag.Call(this, diagonal);
    /// <summary>A view of a diagonal.</summary>
    public Tensor diagonal(long offset = 0, long dim1 = 0, long dim2 = 1) => s_diagonal.Call(this, offset, dim1, dim2);

    /// <summary>Fills with zeros in place.</summary>
    public Tensor zero_() { s_zero_.CallInPlace(this); return this; }
    /// <summary>Fills with a value in place.</summary>
    public Tensor fill_(Scalar value) { s_fill_.CallInPlace(this, value); return this; }
    /// <summary>Fills with a 0-D tensor's value in place.</summary>
    public Tensor fill_(Tensor value) { s_fill_t_.CallInPlace(this, value); return this; }
    /// <summary>Copies <paramref name="src"/> (broadcast, converted) into this tensor.</summary>
    public Tensor copy_(Tensor src, bool non_blocking = false) { s_copy_.CallInPlace(this, src, non_blocking); return this; }
    /// <summary>Fills with uniform samples in [from, to).</summary>
    public Tensor uniform_(double from = 0, double to = 1) { s_uniform_.CallInPlace(this, from, to); return this; }
    /// <summary>Fills with normal samples.</summary>
    public Tensor normal_(double mean = 0, double std = 1) { s_normal_.CallInPlace(this, mean, std); return this; }
    /// <summary>Fills with Bernoulli(p) samples (0 or 1).</summary>
    public Tensor bernoulli_(double p = 0.5) { s_bernoulli_.CallInPlace(this, p); return this; }

    internal Tensor index(Tensor?[] indices) => s_index.Call(this, Arg.OptionalTensors(indices));
    internal void index_put_(Tensor?[] indices, Tensor values, bool accumulate = false) =>
        s_index_put_.CallInPlace(this, Arg.OptionalTensors(indices), values, accumulate);
}
