using AiLab.Torch.Modules;
using AiLab.Torch.Native;
using static AiLab.Torch.torch;

namespace AiLab.Torch.Modules
{
    /// <summary>
    /// What every convolution layer shares (PyTorch's <c>_ConvNd</c>): the hyperparameters, a weight of shape
    /// (out_channels, in_channels/groups, *kernel_size) — (in_channels, out_channels/groups, *kernel_size) when
    /// transposed — an optional bias (out_channels), and PyTorch's default initialisation.
    /// </summary>
    public abstract class ConvNd : nn.Module<Tensor, Tensor>
    {
        private static readonly string[] PaddingModes = ["zeros", "reflect", "replicate", "circular"];

        private protected ConvNd(string name, int dims, long in_channels, long out_channels, IntOrTuple kernel_size, IntOrTuple? stride,
            ConvPadding? padding, IntOrTuple? dilation, bool transposed, IntOrTuple? output_padding, long groups, bool bias,
            string padding_mode, Device? device, ScalarType? dtype) : base(name)
        {
            if (groups <= 0) throw new ArgumentOutOfRangeException(nameof(groups), groups, "groups must be a positive integer");
            if (in_channels <= 0) throw new ArgumentOutOfRangeException(nameof(in_channels), in_channels, "in_channels must be positive");
            if (out_channels <= 0) throw new ArgumentOutOfRangeException(nameof(out_channels), out_channels, "out_channels must be positive");
            if (in_channels % groups != 0) throw new ArgumentException($"in_channels ({in_channels}) must be divisible by groups ({groups})", nameof(in_channels));
            if (out_channels % groups != 0) throw new ArgumentException($"out_channels ({out_channels}) must be divisible by groups ({groups})", nameof(out_channels));
            if (!PaddingModes.Contains(padding_mode))
                throw new ArgumentException($"padding_mode must be one of {{{string.Join(", ", PaddingModes)}}}, but got padding_mode='{padding_mode}'", nameof(padding_mode));

            this.in_channels = in_channels;
            this.out_channels = out_channels;
            this.kernel_size = PositiveSizes(kernel_size.Expand(dims, nameof(kernel_size)), nameof(kernel_size));
            this.stride = PositiveSizes((stride ?? 1).Expand(dims, nameof(stride)), nameof(stride));
            this.dilation = PositiveSizes((dilation ?? 1).Expand(dims, nameof(dilation)), nameof(dilation));
            this.output_padding = (output_padding ?? 0).Expand(dims, nameof(output_padding));
            this.groups = groups;
            this.padding_mode = padding_mode;
            this.transposed = transposed;

            var given = padding ?? 0;
            if (given.Mode == "same" && this.stride.Any(s => s != 1))
                throw new ArgumentException("padding='same' is not supported for strided convolutions", nameof(padding));
            this.padding = given.Mode ?? (ConvPadding)given.Sizes.Expand(dims, nameof(padding));
            ReversedPaddingRepeatedTwice = ReversePadding(given, this.kernel_size, this.dilation);

            long[] weightShape = transposed
                ? [in_channels, out_channels / groups, .. this.kernel_size]
                : [out_channels, in_channels / groups, .. this.kernel_size];
            weight = new nn.Parameter(empty(weightShape, dtype, device));
            if (bias) this.bias = new nn.Parameter(empty([out_channels], dtype, device));
            reset_parameters();
            RegisterComponents();
        }

        /// <summary>Channels in the input.</summary>
        public long in_channels { get; }
        /// <summary>Channels produced.</summary>
        public long out_channels { get; }
        /// <summary>Size of the kernel, one entry per spatial dimension.</summary>
        public long[] kernel_size { get; }
        /// <summary>Stride of the kernel, per spatial dimension.</summary>
        public long[] stride { get; }
        /// <summary>Padding per spatial dimension, or <c>"same"</c>/<c>"valid"</c>.</summary>
        public ConvPadding padding { get; }
        /// <summary>Spacing between kernel elements, per spatial dimension.</summary>
        public long[] dilation { get; }
        /// <summary>Extra size added to one side of the output (transposed convolutions only).</summary>
        public long[] output_padding { get; }
        /// <summary>Number of blocked connections from input channels to output channels.</summary>
        public long groups { get; }
        /// <summary><c>"zeros"</c>, <c>"reflect"</c>, <c>"replicate"</c> or <c>"circular"</c>.</summary>
        public string padding_mode { get; }
        /// <summary>True for the transposed (fractionally strided) convolutions.</summary>
        public bool transposed { get; }
        /// <summary>The learnable filters.</summary>
        public nn.Parameter weight { get; }
        /// <summary>The learnable bias (out_channels), or null without bias.</summary>
        public nn.Parameter? bias { get; }

        /// <summary>The padding for <see cref="nn.functional.pad"/> when <see cref="padding_mode"/> is not zeros:
        /// last dimension first, (left, right) per dimension, as PyTorch's <c>_reversed_padding_repeated_twice</c>.</summary>
        private protected long[] ReversedPaddingRepeatedTwice { get; }

        /// <summary>Re-draws the parameters: weight and bias from U(−√k, √k) with k = 1/fan_in,
        /// fan_in = weight.size(1)·∏kernel_size.</summary>
        public void reset_parameters()
        {
            // kaiming_uniform_ with a=√5 is U(−1/√fan_in, 1/√fan_in); see https://github.com/pytorch/pytorch/issues/15314
            nn.init.kaiming_uniform_(weight, a: Math.Sqrt(5));
            if (bias is null) return;
            var (fanIn, _) = nn.init.calculate_fan_in_and_fan_out(weight);
            if (fanIn == 0) return;
            var bound = 1 / Math.Sqrt(fanIn);
            nn.init.uniform_(bias, -bound, bound);
        }

        private static long[] PositiveSizes(long[] sizes, string argument) =>
            sizes.All(s => s > 0) ? sizes : throw new ArgumentException($"{argument} must be positive, got {PyRepr.Tuple(sizes)}", argument);

        private static long[] ReversePadding(ConvPadding padding, long[] kernelSize, long[] dilation)
        {
            var dims = kernelSize.Length;
            var sizes = padding.Mode is null ? padding.Sizes.Expand(dims, nameof(padding)) : null;
            var reversed = new long[2 * dims];
            for (var d = 0; d < dims; d++)
            {
                var slot = dims - 1 - d;
                if (sizes is not null)
                {
                    reversed[2 * slot] = reversed[2 * slot + 1] = sizes[d];
                }
                else if (padding.Mode == "same")
                {
                    // An even total goes half to each side; an odd one puts the extra element on the right.
                    var total = dilation[d] * (kernelSize[d] - 1);
                    reversed[2 * slot] = total / 2;
                    reversed[2 * slot + 1] = total - total / 2;
                }
            }
            return reversed;
        }

        /// <summary>Input after the non-zero padding mode's explicit pad (a new tensor), or null for zeros padding.</summary>
        private protected Tensor? PadForMode(Tensor input) =>
            padding_mode == "zeros" ? null : nn.functional.pad(input, ReversedPaddingRepeatedTwice, mode: padding_mode);

        /// <summary>The padding to give the convolution op: none when <see cref="PadForMode"/> already padded.</summary>
        private protected ConvPadding ConvOpPadding => padding_mode == "zeros" ? padding : 0;

        /// <inheritdoc/>
        protected override string extra_repr()
        {
            var s = $"{in_channels}, {out_channels}, kernel_size={PyRepr.Tuple(kernel_size)}, stride={PyRepr.Tuple(stride)}";
            var sizes = padding.Mode is null ? padding.Sizes.Expand(kernel_size.Length, nameof(padding)) : null;
            if (sizes is null || sizes.Any(p => p != 0)) s += $", padding={padding.Mode ?? PyRepr.Tuple(sizes!)}";
            if (dilation.Any(d => d != 1)) s += $", dilation={PyRepr.Tuple(dilation)}";
            if (output_padding.Any(p => p != 0)) s += $", output_padding={PyRepr.Tuple(output_padding)}";
            if (groups != 1) s += $", groups={groups}";
            if (bias is null) s += ", bias=False";
            if (padding_mode != "zeros") s += $", padding_mode={padding_mode}";
            return s;
        }
    }

    /// <summary>
    /// A 1-D convolution over (N, C_in, L_in): out(Nᵢ, C_out_j) = bias(C_out_j) + Σₖ weight(C_out_j, k) ⋆ input(Nᵢ, k), ⋆ the
    /// cross-correlation.
    /// <para>Arguments: in_channels, out_channels, kernel_size; stride = 1; padding = 0 (an int, a tuple, "valid" or "same");
    /// dilation = 1; groups = 1; bias = true; padding_mode = "zeros" ("reflect", "replicate", "circular").</para>
    /// <para>Shape: input (N, C_in, L_in) or (C_in, L_in) → output (N, C_out, L_out) or (C_out, L_out),
    /// L_out = ⌊(L_in + 2·padding − dilation·(kernel_size − 1) − 1) / stride + 1⌋.</para>
    /// <para>Attributes: weight (out_channels, in_channels/groups, kernel_size) and bias (out_channels), both U(−√k, √k)
    /// with k = groups / (C_in·kernel_size).</para>
    /// </summary>
    public sealed class Conv1d : ConvNd
    {
        /// <summary>Creates the layer with PyTorch's default initialisation.</summary>
        public Conv1d(long in_channels, long out_channels, IntOrTuple kernel_size, IntOrTuple? stride = null, ConvPadding? padding = null,
            IntOrTuple? dilation = null, long groups = 1, bool bias = true, string padding_mode = "zeros", Device? device = null, ScalarType? dtype = null)
            : base(nameof(Conv1d), 1, in_channels, out_channels, kernel_size, stride, padding, dilation, false, 0, groups, bias, padding_mode, device, dtype)
        {
        }

        /// <inheritdoc/>
        public override Tensor forward(Tensor input)
        {
            using var padded = PadForMode(input);
            return nn.functional.conv1d(padded ?? input, weight, bias, stride, ConvOpPadding, dilation, groups);
        }
    }

    /// <summary>
    /// A 2-D convolution over (N, C_in, H, W): out(Nᵢ, C_out_j) = bias(C_out_j) + Σₖ weight(C_out_j, k) ⋆ input(Nᵢ, k), ⋆ the 2-D
    /// cross-correlation.
    /// <para>Arguments: in_channels, out_channels, kernel_size; stride = 1; padding = 0 (an int, a tuple, "valid" or "same");
    /// dilation = 1; groups = 1; bias = true; padding_mode = "zeros" ("reflect", "replicate", "circular").</para>
    /// <para>Shape: input (N, C_in, H_in, W_in) or (C_in, H_in, W_in) → output (N, C_out, H_out, W_out) or (C_out, H_out, W_out),
    /// H_out = ⌊(H_in + 2·padding[0] − dilation[0]·(kernel_size[0] − 1) − 1) / stride[0] + 1⌋, W_out likewise with index 1.</para>
    /// <para>Attributes: weight (out_channels, in_channels/groups, kH, kW) and bias (out_channels), both U(−√k, √k)
    /// with k = groups / (C_in·kH·kW).</para>
    /// </summary>
    public sealed class Conv2d : ConvNd
    {
        /// <summary>Creates the layer with PyTorch's default initialisation.</summary>
        public Conv2d(long in_channels, long out_channels, IntOrTuple kernel_size, IntOrTuple? stride = null, ConvPadding? padding = null,
            IntOrTuple? dilation = null, long groups = 1, bool bias = true, string padding_mode = "zeros", Device? device = null, ScalarType? dtype = null)
            : base(nameof(Conv2d), 2, in_channels, out_channels, kernel_size, stride, padding, dilation, false, 0, groups, bias, padding_mode, device, dtype)
        {
        }

        /// <inheritdoc/>
        public override Tensor forward(Tensor input)
        {
            using var padded = PadForMode(input);
            return nn.functional.conv2d(padded ?? input, weight, bias, stride, ConvOpPadding, dilation, groups);
        }
    }

    /// <summary>
    /// A 2-D transposed convolution (the gradient of Conv2d with respect to its input; sometimes called a
    /// fractionally strided convolution or, wrongly, a deconvolution): each input pixel scatters a weighted kernel
    /// into the output.
    /// <para>Arguments: in_channels, out_channels, kernel_size; stride = 1; padding = 0 (removes dilation·(kernel_size − 1) − padding
    /// rows/columns of implicit zero padding); output_padding = 0 (extra size on one side of each output dimension,
    /// smaller than stride or dilation); groups = 1; bias = true; dilation = 1; padding_mode = "zeros" (the only one supported).</para>
    /// <para>Shape: input (N, C_in, H_in, W_in) or (C_in, H_in, W_in) → output (N, C_out, H_out, W_out) or (C_out, H_out, W_out),
    /// H_out = (H_in − 1)·stride[0] − 2·padding[0] + dilation[0]·(kernel_size[0] − 1) + output_padding[0] + 1, W_out likewise.</para>
    /// <para>Attributes: weight (in_channels, out_channels/groups, kH, kW) and bias (out_channels), both U(−√k, √k)
    /// with k = groups / (C_out·kH·kW).</para>
    /// </summary>
    public sealed class ConvTranspose2d : ConvNd
    {
        /// <summary>Creates the layer with PyTorch's default initialisation.</summary>
        public ConvTranspose2d(long in_channels, long out_channels, IntOrTuple kernel_size, IntOrTuple? stride = null, IntOrTuple? padding = null,
            IntOrTuple? output_padding = null, long groups = 1, bool bias = true, IntOrTuple? dilation = null, string padding_mode = "zeros",
            Device? device = null, ScalarType? dtype = null)
            : base(nameof(ConvTranspose2d), 2, in_channels, out_channels, kernel_size, stride, padding ?? 0, dilation, true, output_padding,
                groups, bias, padding_mode == "zeros" ? padding_mode : throw new ArgumentException("Only \"zeros\" padding mode is supported for ConvTranspose2d", nameof(padding_mode)),
                device, dtype)
        {
        }

        /// <inheritdoc/>
        public override Tensor forward(Tensor input) => forward(input, null);

        /// <summary>
        /// The transposed convolution; <paramref name="output_size"/> (H_out, W_out), optionally with the leading (N, C_out),
        /// picks among the output sizes a strided convolution maps back from, instead of <see cref="ConvNd.output_padding"/>.
        /// </summary>
        public Tensor forward(Tensor input, long[]? output_size)
        {
            ArgumentNullException.ThrowIfNull(input);
            var outputPadding = output_size is null ? output_padding : OutputPaddingFor(input, output_size);
            return nn.functional.conv_transpose2d(input, weight, bias, stride, padding.Sizes, outputPadding, groups, dilation);
        }

        // PyTorch's _ConvTransposeNd._output_padding: the output padding that yields the requested size.
        private long[] OutputPaddingFor(Tensor input, long[] output_size)
        {
            const int spatial = 2;
            var nonSpatial = input.dim() == spatial + 2 ? 2 : 1;
            var requested = output_size.Length == nonSpatial + spatial ? output_size[nonSpatial..] : output_size;
            if (requested.Length != spatial)
                throw new ArgumentException($"ConvTranspose2d: for {input.dim()}D input, output_size must have {spatial} or {nonSpatial + spatial} elements (got {output_size.Length})", nameof(output_size));
            var pad = padding.Sizes.Expand(spatial, nameof(padding));
            var result = new long[spatial];
            for (var d = 0; d < spatial; d++)
            {
                var min = (input.size(d + nonSpatial) - 1) * stride[d] - 2 * pad[d] + dilation[d] * (kernel_size[d] - 1) + 1;
                var max = min + stride[d] - 1;
                if (requested[d] < min || requested[d] > max)
                    throw new ArgumentException($"requested an output size of {PyRepr.Tuple(requested)}, but valid sizes for dimension {d} range from {min} to {max}", nameof(output_size));
                result[d] = requested[d] - min;
            }
            return result;
        }
    }
}

namespace AiLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A 1-D convolution: see <see cref="Modules.Conv1d"/>.</summary>
            public static Conv1d Conv1d(long in_channels, long out_channels, IntOrTuple kernel_size, IntOrTuple? stride = null, ConvPadding? padding = null,
                IntOrTuple? dilation = null, long groups = 1, bool bias = true, string padding_mode = "zeros", Device? device = null, ScalarType? dtype = null) =>
                new(in_channels, out_channels, kernel_size, stride, padding, dilation, groups, bias, padding_mode, device, dtype);

            /// <summary>A 2-D convolution: see <see cref="Modules.Conv2d"/>.</summary>
            public static Conv2d Conv2d(long in_channels, long out_channels, IntOrTuple kernel_size, IntOrTuple? stride = null, ConvPadding? padding = null,
                IntOrTuple? dilation = null, long groups = 1, bool bias = true, string padding_mode = "zeros", Device? device = null, ScalarType? dtype = null) =>
                new(in_channels, out_channels, kernel_size, stride, padding, dilation, groups, bias, padding_mode, device, dtype);

            /// <summary>A 2-D transposed convolution: see <see cref="Modules.ConvTranspose2d"/>.</summary>
            public static ConvTranspose2d ConvTranspose2d(long in_channels, long out_channels, IntOrTuple kernel_size, IntOrTuple? stride = null,
                IntOrTuple? padding = null, IntOrTuple? output_padding = null, long groups = 1, bool bias = true, IntOrTuple? dilation = null,
                string padding_mode = "zeros", Device? device = null, ScalarType? dtype = null) =>
                new(in_channels, out_channels, kernel_size, stride, padding, output_padding, groups, bias, dilation, padding_mode, device, dtype);

            public static partial class functional
            {
                private static readonly Op s_conv1d = new("aten::conv1d");
                private static readonly Op s_conv1d_padding = new("aten::conv1d", "padding");
                private static readonly Op s_conv2d = new("aten::conv2d");
                private static readonly Op s_conv2d_padding = new("aten::conv2d", "padding");
                private static readonly Op s_conv_transpose2d = new("aten::conv_transpose2d", "input");

                /// <summary>1-D convolution of (N, C_in, L) with weight (C_out, C_in/groups, kW): see <see cref="Modules.Conv1d"/>.</summary>
                public static Tensor conv1d(Tensor input, Tensor weight, Tensor? bias = null, IntOrTuple? stride = null, ConvPadding? padding = null,
                    IntOrTuple? dilation = null, long groups = 1) =>
                    Convolution(s_conv1d, s_conv1d_padding, 1, input, weight, bias, stride, padding, dilation, groups);

                /// <summary>2-D convolution of (N, C_in, H, W) with weight (C_out, C_in/groups, kH, kW): see <see cref="Modules.Conv2d"/>.</summary>
                public static Tensor conv2d(Tensor input, Tensor weight, Tensor? bias = null, IntOrTuple? stride = null, ConvPadding? padding = null,
                    IntOrTuple? dilation = null, long groups = 1) =>
                    Convolution(s_conv2d, s_conv2d_padding, 2, input, weight, bias, stride, padding, dilation, groups);

                /// <summary>2-D transposed convolution of (N, C_in, H, W) with weight (C_in, C_out/groups, kH, kW): see <see cref="Modules.ConvTranspose2d"/>.</summary>
                public static Tensor conv_transpose2d(Tensor input, Tensor weight, Tensor? bias = null, IntOrTuple? stride = null, IntOrTuple? padding = null,
                    IntOrTuple? output_padding = null, long groups = 1, IntOrTuple? dilation = null) =>
                    s_conv_transpose2d.Call(input, weight, bias, (stride ?? 1).Expand(2, nameof(stride)), (padding ?? 0).Expand(2, nameof(padding)),
                        (output_padding ?? 0).Expand(2, nameof(output_padding)), groups, (dilation ?? 1).Expand(2, nameof(dilation)));

                private static Tensor Convolution(Op sizes, Op named, int dims, Tensor input, Tensor weight, Tensor? bias, IntOrTuple? stride,
                    ConvPadding? padding, IntOrTuple? dilation, long groups)
                {
                    var strides = (stride ?? 1).Expand(dims, nameof(stride));
                    var dilations = (dilation ?? 1).Expand(dims, nameof(dilation));
                    var given = padding ?? 0;
                    return given.Mode is { } mode
                        ? named.Call(input, weight, bias, strides, mode, dilations, groups)
                        : sizes.Call(input, weight, bias, strides, given.Sizes.Expand(dims, nameof(padding)), dilations, groups);
                }
            }
        }
    }
}
