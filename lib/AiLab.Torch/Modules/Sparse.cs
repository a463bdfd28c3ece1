using AiLab.Torch.Modules;
using AiLab.Torch.Native;
using static AiLab.Torch.torch;

namespace AiLab.Torch.Modules
{
    /// <summary>
    /// A lookup table: out[…] = weight[input[…]], row i of weight the vector of index i.
    /// <para>Arguments: num_embeddings (table size), embedding_dim; padding_idx = null (that row starts at 0, gets no gradient
    /// and stays fixed in training — the vector of a padding token; negative counts from the end); max_norm = null (rows
    /// looked up are renormalised in place to at most this norm); norm_type = 2 (p of that norm); scale_grad_by_freq = false
    /// (divide gradients by the index's frequency in the batch); sparse = false (sparse weight gradients).</para>
    /// <para>Shape: input (*) of int64 indices → output (*, embedding_dim).</para>
    /// <para>Attributes: weight (num_embeddings, embedding_dim) from N(0, 1), row padding_idx zeroed.</para>
    /// </summary>
    public sealed class Embedding : nn.Module<Tensor, Tensor>
    {
        /// <summary>Creates the table from N(0, 1), the padding row zeroed.</summary>
        public Embedding(long num_embeddings, long embedding_dim, long? padding_idx = null, double? max_norm = null, double norm_type = 2,
            bool scale_grad_by_freq = false, bool sparse = false, Device? device = null, ScalarType? dtype = null)
            : this(num_embeddings, embedding_dim, padding_idx, max_norm, norm_type, scale_grad_by_freq, sparse, null, device, dtype)
        {
        }

        private Embedding(long num_embeddings, long embedding_dim, long? padding_idx, double? max_norm, double norm_type,
            bool scale_grad_by_freq, bool sparse, Tensor? pretrained, Device? device, ScalarType? dtype) : base(nameof(Embedding))
        {
            this.num_embeddings = num_embeddings;
            this.embedding_dim = embedding_dim;
            this.padding_idx = EmbeddingTable.NormalizePaddingIndex(padding_idx, num_embeddings);
            this.max_norm = max_norm;
            this.norm_type = norm_type;
            this.scale_grad_by_freq = scale_grad_by_freq;
            this.sparse = sparse;
            weight = EmbeddingTable.CreateWeight(num_embeddings, embedding_dim, this.padding_idx, pretrained, device, dtype);
            RegisterComponents();
        }

        /// <summary>
        /// An embedding whose weight is <paramref name="embeddings"/> (num_embeddings, embedding_dim), shared, not copied;
        /// frozen (no gradient) unless <paramref name="freeze"/> is false. The padding row is left as given.
        /// </summary>
        public static Embedding from_pretrained(Tensor embeddings, bool freeze = true, long? padding_idx = null, double? max_norm = null,
            double norm_type = 2, bool scale_grad_by_freq = false, bool sparse = false)
        {
            EmbeddingTable.CheckPretrained(embeddings);
            var embedding = new Embedding(embeddings.size(0), embeddings.size(1), padding_idx, max_norm, norm_type, scale_grad_by_freq, sparse,
                embeddings, null, null);
            embedding.weight.requires_grad_(!freeze);
            return embedding;
        }

        /// <summary>Size of the table.</summary>
        public long num_embeddings { get; }
        /// <summary>Size of each vector.</summary>
        public long embedding_dim { get; }
        /// <summary>The padding row (non-negative), or null.</summary>
        public long? padding_idx { get; }
        /// <summary>Maximum norm of looked-up rows, or null.</summary>
        public double? max_norm { get; }
        /// <summary>p of the max_norm norm.</summary>
        public double norm_type { get; }
        /// <summary>Whether gradients are divided by index frequency in the batch.</summary>
        public bool scale_grad_by_freq { get; }
        /// <summary>Whether the weight gradient is sparse.</summary>
        public bool sparse { get; }
        /// <summary>The table (num_embeddings, embedding_dim).</summary>
        public nn.Parameter weight { get; }

        /// <summary>Re-draws the table from N(0, 1) and zeroes the padding row.</summary>
        public void reset_parameters() => EmbeddingTable.Reset(weight, padding_idx);

        /// <inheritdoc/>
        public override Tensor forward(Tensor input) =>
            nn.functional.embedding(input, weight, padding_idx, max_norm, norm_type, scale_grad_by_freq, sparse);

        /// <inheritdoc/>
        protected override string extra_repr()
        {
            var s = $"{num_embeddings}, {embedding_dim}";
            if (padding_idx is { } p) s += $", padding_idx={p}";
            if (max_norm is { } m) s += $", max_norm={PyRepr.Float(m)}";
            if (norm_type != 2) s += $", norm_type={PyRepr.Float(norm_type)}";
            if (scale_grad_by_freq) s += ", scale_grad_by_freq=True";
            if (sparse) s += ", sparse=True";
            return s;
        }
    }

    /// <summary>
    /// Sums, averages or takes the maximum of bags of embeddings without building the intermediate (bag, length,
    /// embedding_dim) tensor: out[b] = reduce over i in bag b of (per_sample_weights[i] ·) weight[input[i]].
    /// <para>Arguments: num_embeddings, embedding_dim; max_norm = null; norm_type = 2; scale_grad_by_freq = false;
    /// mode = "mean" ("sum", "max"); sparse = false; include_last_offset = false (offsets has one entry more, the end of the
    /// last bag); padding_idx = null (that row starts at 0 and is left out of every bag).</para>
    /// <para>Shape: input (B, N) — B bags of N indices, offsets must be null — or 1-D (total) with offsets (B) giving the
    /// start of each bag; per_sample_weights (mode "sum" only) the shape of input → output (B, embedding_dim). An empty bag
    /// gives zeros.</para>
    /// <para>Attributes: weight (num_embeddings, embedding_dim) from N(0, 1), row padding_idx zeroed.</para>
    /// </summary>
    public sealed class EmbeddingBag : nn.Module<Tensor, Tensor?, Tensor>
    {
        /// <summary>Creates the table from N(0, 1), the padding row zeroed.</summary>
        public EmbeddingBag(long num_embeddings, long embedding_dim, double? max_norm = null, double norm_type = 2, bool scale_grad_by_freq = false,
            string mode = "mean", bool sparse = false, bool include_last_offset = false, long? padding_idx = null, Device? device = null, ScalarType? dtype = null)
            : this(num_embeddings, embedding_dim, max_norm, norm_type, scale_grad_by_freq, mode, sparse, include_last_offset, padding_idx, null, device, dtype)
        {
        }

        private EmbeddingBag(long num_embeddings, long embedding_dim, double? max_norm, double norm_type, bool scale_grad_by_freq, string mode,
            bool sparse, bool include_last_offset, long? padding_idx, Tensor? pretrained, Device? device, ScalarType? dtype) : base(nameof(EmbeddingBag))
        {
            EmbeddingTable.ModeCode(mode, scale_grad_by_freq, sparse);
            this.num_embeddings = num_embeddings;
            this.embedding_dim = embedding_dim;
            this.max_norm = max_norm;
            this.norm_type = norm_type;
            this.scale_grad_by_freq = scale_grad_by_freq;
            this.padding_idx = EmbeddingTable.NormalizePaddingIndex(padding_idx, num_embeddings);
            this.mode = mode;
            this.sparse = sparse;
            this.include_last_offset = include_last_offset;
            weight = EmbeddingTable.CreateWeight(num_embeddings, embedding_dim, this.padding_idx, pretrained, device, dtype);
            RegisterComponents();
        }

        /// <summary>A bag layer whose weight is <paramref name="embeddings"/>, shared, frozen unless <paramref name="freeze"/> is false.</summary>
        public static EmbeddingBag from_pretrained(Tensor embeddings, bool freeze = true, double? max_norm = null, double norm_type = 2,
            bool scale_grad_by_freq = false, string mode = "mean", bool sparse = false, bool include_last_offset = false, long? padding_idx = null)
        {
            EmbeddingTable.CheckPretrained(embeddings);
            var bag = new EmbeddingBag(embeddings.size(0), embeddings.size(1), max_norm, norm_type, scale_grad_by_freq, mode, sparse,
                include_last_offset, padding_idx, embeddings, null, null);
            bag.weight.requires_grad_(!freeze);
            return bag;
        }

        /// <summary>Size of the table.</summary>
        public long num_embeddings { get; }
        /// <summary>Size of each vector.</summary>
        public long embedding_dim { get; }
        /// <summary>Maximum norm of looked-up rows, or null.</summary>
        public double? max_norm { get; }
        /// <summary>p of the max_norm norm.</summary>
        public double norm_type { get; }
        /// <summary>Whether gradients are divided by index frequency in the batch.</summary>
        public bool scale_grad_by_freq { get; }
        /// <summary>"sum", "mean" or "max".</summary>
        public string mode { get; }
        /// <summary>Whether the weight gradient is sparse.</summary>
        public bool sparse { get; }
        /// <summary>Whether offsets ends with the end of the last bag.</summary>
        public bool include_last_offset { get; }
        /// <summary>The padding row (non-negative), or null.</summary>
        public long? padding_idx { get; }
        /// <summary>The table (num_embeddings, embedding_dim).</summary>
        public nn.Parameter weight { get; }

        /// <summary>Re-draws the table from N(0, 1) and zeroes the padding row.</summary>
        public void reset_parameters() => EmbeddingTable.Reset(weight, padding_idx);

        /// <summary>Bags of fixed length: <paramref name="input"/> (B, N).</summary>
        public Tensor forward(Tensor input) => forward(input, null, null);

        /// <summary>Runs <see cref="forward(Tensor)"/> (Python's <c>bag(input)</c>).</summary>
        public Tensor call(Tensor input) => forward(input);

        /// <inheritdoc/>
        public override Tensor forward(Tensor input, Tensor? offsets) => forward(input, offsets, null);

        /// <summary>Bags with per-index weights (mode "sum"): see the class summary.</summary>
        public Tensor forward(Tensor input, Tensor? offsets, Tensor? per_sample_weights) =>
            nn.functional.embedding_bag(input, weight, offsets, max_norm, norm_type, scale_grad_by_freq, mode, sparse, per_sample_weights,
                include_last_offset, padding_idx);

        /// <inheritdoc/>
        protected override string extra_repr()
        {
            var s = $"{num_embeddings}, {embedding_dim}";
            if (max_norm is { } m) s += $", max_norm={PyRepr.Float(m)}";
            if (norm_type != 2) s += $", norm_type={PyRepr.Float(norm_type)}";
            if (scale_grad_by_freq) s += ", scale_grad_by_freq=True";
            s += $", mode={mode}";
            if (padding_idx is { } p) s += $", padding_idx={p}";
            return s;
        }
    }

    /// <summary>The table logic Embedding and EmbeddingBag share.</summary>
    internal static class EmbeddingTable
    {
        /// <summary>Checks the range of <paramref name="padding_idx"/> and turns a negative one into its row.</summary>
        internal static long? NormalizePaddingIndex(long? padding_idx, long num_embeddings)
        {
            if (padding_idx is not { } p) return null;
            if (p >= num_embeddings || p < -num_embeddings)
                throw new ArgumentOutOfRangeException(nameof(padding_idx), p, $"padding_idx must be within num_embeddings ({num_embeddings})");
            return p < 0 ? num_embeddings + p : p;
        }

        internal static nn.Parameter CreateWeight(long num_embeddings, long embedding_dim, long? padding_idx, Tensor? pretrained, Device? device, ScalarType? dtype)
        {
            if (num_embeddings <= 0) throw new ArgumentOutOfRangeException(nameof(num_embeddings), num_embeddings, "num_embeddings must be positive");
            if (embedding_dim <= 0) throw new ArgumentOutOfRangeException(nameof(embedding_dim), embedding_dim, "embedding_dim must be positive");
            if (pretrained is not null) return new nn.Parameter(pretrained);
            var weight = new nn.Parameter(empty([num_embeddings, embedding_dim], dtype, device));
            Reset(weight, padding_idx);
            return weight;
        }

        internal static void Reset(nn.Parameter weight, long? padding_idx)
        {
            nn.init.normal_(weight);
            if (padding_idx is not { } p) return;
            using (no_grad())
            {
                using var row = weight[p];
                row.fill_(0);
            }
        }

        internal static void CheckPretrained(Tensor embeddings)
        {
            ArgumentNullException.ThrowIfNull(embeddings);
            if (embeddings.dim() != 2) throw new ArgumentException($"Embeddings parameter is expected to be 2-dimensional, got {embeddings.dim()} dimensions", nameof(embeddings));
        }

        /// <summary>The aten mode code of an embedding_bag mode (sum 0, mean 1, max 2), checking the options max allows.</summary>
        internal static long ModeCode(string mode, bool scale_grad_by_freq, bool sparse) => mode switch
        {
            "sum" => 0,
            "mean" => 1,
            "max" when scale_grad_by_freq => throw new ArgumentException("max mode does not support scaling the gradient by the frequency", nameof(scale_grad_by_freq)),
            "max" when sparse => throw new ArgumentException("max mode does not support sparse weights", nameof(sparse)),
            "max" => 2,
            _ => throw new ArgumentException($"mode has to be one of sum, mean or max, got '{mode}'", nameof(mode)),
        };
    }
}

namespace AiLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A lookup table of vectors: see <see cref="Modules.Embedding"/>.</summary>
            public static Embedding Embedding(long num_embeddings, long embedding_dim, long? padding_idx = null, double? max_norm = null, double norm_type = 2,
                bool scale_grad_by_freq = false, bool sparse = false, Device? device = null, ScalarType? dtype = null) =>
                new(num_embeddings, embedding_dim, padding_idx, max_norm, norm_type, scale_grad_by_freq, sparse, device, dtype);

            /// <summary>PyTorch's <c>nn.Embedding.from_pretrained</c>: see <see cref="Modules.Embedding.from_pretrained"/>.</summary>
            public static Embedding Embedding_from_pretrained(Tensor embeddings, bool freeze = true, long? padding_idx = null, double? max_norm = null,
                double norm_type = 2, bool scale_grad_by_freq = false, bool sparse = false) =>
                Modules.Embedding.from_pretrained(embeddings, freeze, padding_idx, max_norm, norm_type, scale_grad_by_freq, sparse);

            /// <summary>Reduced bags of embeddings: see <see cref="Modules.EmbeddingBag"/>.</summary>
            public static EmbeddingBag EmbeddingBag(long num_embeddings, long embedding_dim, double? max_norm = null, double norm_type = 2,
                bool scale_grad_by_freq = false, string mode = "mean", bool sparse = false, bool include_last_offset = false, long? padding_idx = null,
                Device? device = null, ScalarType? dtype = null) =>
                new(num_embeddings, embedding_dim, max_norm, norm_type, scale_grad_by_freq, mode, sparse, include_last_offset, padding_idx, device, dtype);

            /// <summary>PyTorch's <c>nn.EmbeddingBag.from_pretrained</c>: see <see cref="Modules.EmbeddingBag.from_pretrained"/>.</summary>
            public static EmbeddingBag EmbeddingBag_from_pretrained(Tensor embeddings, bool freeze = true, double? max_norm = null, double norm_type = 2,
                bool scale_grad_by_freq = false, string mode = "mean", bool sparse = false, bool include_last_offset = false, long? padding_idx = null) =>
                Modules.EmbeddingBag.from_pretrained(embeddings, freeze, max_norm, norm_type, scale_grad_by_freq, mode, sparse, include_last_offset, padding_idx);

            public static partial class functional
            {
                private static readonly Op s_embedding = new("aten::embedding");
                private static readonly Op s_embedding_bag = new("aten::embedding_bag", "padding_idx");
                private static readonly Op s_embedding_renorm_ = new("aten::embedding_renorm_");

                /// <summary>Looks up rows of <paramref name="weight"/> (num_embeddings, embedding_dim) for the int64 indices in
                /// <paramref name="input"/> (*) → (*, embedding_dim): see <see cref="Modules.Embedding"/>.</summary>
                public static Tensor embedding(Tensor input, Tensor weight, long? padding_idx = null, double? max_norm = null, double norm_type = 2,
                    bool scale_grad_by_freq = false, bool sparse = false)
                {
                    ArgumentNullException.ThrowIfNull(input);
                    ArgumentNullException.ThrowIfNull(weight);
                    var padding = Modules.EmbeddingTable.NormalizePaddingIndex(padding_idx, weight.size(0)) ?? -1;
                    if (max_norm is not { } maxNorm) return s_embedding.Call(weight, input, padding, scale_grad_by_freq, sparse);
                    using var indices = input.contiguous();
                    Renorm(weight, indices, maxNorm, norm_type);
                    return s_embedding.Call(weight, indices, padding, scale_grad_by_freq, sparse);
                }

                /// <summary>
                /// Sums, averages or maxes bags of rows of <paramref name="weight"/>: <paramref name="input"/> (B, N) with no offsets,
                /// or 1-D with <paramref name="offsets"/> (B) the start of each bag → (B, embedding_dim). See <see cref="Modules.EmbeddingBag"/>.
                /// </summary>
                public static Tensor embedding_bag(Tensor input, Tensor weight, Tensor? offsets = null, double? max_norm = null, double norm_type = 2,
                    bool scale_grad_by_freq = false, string mode = "mean", bool sparse = false, Tensor? per_sample_weights = null,
                    bool include_last_offset = false, long? padding_idx = null)
                {
                    ArgumentNullException.ThrowIfNull(input);
                    ArgumentNullException.ThrowIfNull(weight);
                    var modeCode = Modules.EmbeddingTable.ModeCode(mode, scale_grad_by_freq, sparse);
                    if (per_sample_weights is not null && !input.shape.SequenceEqual(per_sample_weights.shape))
                        throw new ArgumentException($"embedding_bag: per_sample_weights [{string.Join(", ", per_sample_weights.shape)}] must have the shape of the input [{string.Join(", ", input.shape)}]", nameof(per_sample_weights));
                    if (per_sample_weights is not null && mode != "sum")
                        throw new ArgumentException($"embedding_bag: per_sample_weights is only supported for mode='sum' (got mode='{mode}')", nameof(per_sample_weights));
                    using var scope = NewDisposeScope();
                    var indices = input;
                    var weights = per_sample_weights;
                    if (input.dim() == 2)
                    {
                        if (offsets is not null)
                            throw new ArgumentException("if input is 2D, then offsets has to be null, as input is treated as a mini-batch of fixed length sequences", nameof(offsets));
                        // Fixed-length bags: every row of the input is one bag.
                        offsets = arange(0, input.numel(), input.size(1), dtype: input.dtype, device: input.device);
                        indices = input.reshape(-1);
                        weights = per_sample_weights?.reshape(-1);
                    }
                    else if (input.dim() == 1)
                    {
                        if (offsets is null) throw new ArgumentException("offsets has to be a 1D Tensor but got null", nameof(offsets));
                        if (offsets.dim() != 1) throw new ArgumentException($"offsets has to be a 1D Tensor, got {offsets.dim()} dimensions", nameof(offsets));
                    }
                    else
                    {
                        throw new ArgumentException($"input has to be 1D or 2D Tensor, but got Tensor of dimension {input.dim()}", nameof(input));
                    }
                    if (max_norm is { } maxNorm) Renorm(weight, indices, maxNorm, norm_type);
                    var padding = Modules.EmbeddingTable.NormalizePaddingIndex(padding_idx, weight.size(0));
                    var results = s_embedding_bag.CallTensors(weight, indices, offsets, scale_grad_by_freq, modeCode, sparse, weights, include_last_offset,
                        padding is { } p ? p : Arg.None);
                    return results[0].MoveToOuterDisposeScope();
                }

                // Rescales the rows that indices refer to, in place and outside autograd, to norm ≤ max_norm (PyTorch's _no_grad_embedding_renorm_).
                private static void Renorm(Tensor weight, Tensor indices, double max_norm, double norm_type)
                {
                    using (no_grad()) s_embedding_renorm_.CallInPlace(weight, indices, max_norm, norm_type);
                }
            }
        }
    }
}
