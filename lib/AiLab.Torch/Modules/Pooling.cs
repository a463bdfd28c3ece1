using AiLab.Torch.Modules;
using AiLab.Torch.Native;
using static AiLab.Torch.torch;

namespace AiLab.Torch.Modules
{
    /// <summary>
    /// 2-D max pooling: out(Nᵢ, C_j, h, w) = max over the kernel window of input(Nᵢ, C_j, stride[0]·h + m, stride[1]·w + n).
    /// <para>Arguments: kernel_size; stride = kernel_size; padding = 0 (implicit −∞ on both sides, at most half the kernel);
    /// dilation = 1 (spacing between window elements); ceil_mode = false (ceil instead of floor for the output size).</para>
    /// <para>Shape: input (N, C, H_in, W_in) or (C, H_in, W_in) → output (N, C, H_out, W_out) or (C, H_out, W_out),
    /// H_out = ⌊(H_in + 2·padding[0] − dilation[0]·(kernel_size[0] − 1) − 1) / stride[0] + 1⌋ (⌈…⌉ with ceil_mode,
    /// when the last window starts inside the input or left padding), W_out likewise.</para>
    /// <para>No parameters. For the argmax positions use <see cref="nn.functional.max_pool2d_with_indices"/>.</para>
    /// </summary>
    public sealed class MaxPool2d(IntOrTuple kernel_size, IntOrTuple? stride = null, IntOrTuple? padding = null, IntOrTuple? dilation = null, bool ceil_mode = false)
        : nn.Module<Tensor, Tensor>(nameof(MaxPool2d))
    {
        /// <summary>Size of the window.</summary>
        public IntOrTuple kernel_size { get; } = kernel_size;
        /// <summary>Step of the window (default: kernel_size).</summary>
        public IntOrTuple stride { get; } = stride ?? kernel_size;
        /// <summary>Implicit −∞ padding on both sides.</summary>
        public IntOrTuple padding { get; } = padding ?? 0;
        /// <summary>Spacing between window elements.</summary>
        public IntOrTuple dilation { get; } = dilation ?? 1;
        /// <summary>Ceil instead of floor when computing the output size.</summary>
        public bool ceil_mode { get; } = ceil_mode;

        /// <inheritdoc/>
        public override Tensor forward(Tensor input) => nn.functional.max_pool2d(input, kernel_size, stride, padding, dilation, ceil_mode);

        /// <inheritdoc/>
        protected override string extra_repr() =>
            $"kernel_size={kernel_size}, stride={stride}, padding={padding}, dilation={dilation}, ceil_mode={PyRepr.Bool(ceil_mode)}";
    }

    /// <summary>
    /// 2-D average pooling: out(Nᵢ, C_j, h, w) = mean over the kernel window of input(Nᵢ, C_j, stride[0]·h + m, stride[1]·w + n).
    /// <para>Arguments: kernel_size; stride = kernel_size; padding = 0 (implicit zeros on both sides, at most half the kernel);
    /// ceil_mode = false; count_include_pad = true (padded zeros count in the divisor); divisor_override = null (divide by this
    /// instead of the window size).</para>
    /// <para>Shape: input (N, C, H_in, W_in) or (C, H_in, W_in) → output (N, C, H_out, W_out) or (C, H_out, W_out),
    /// H_out = ⌊(H_in + 2·padding[0] − kernel_size[0]) / stride[0] + 1⌋ (⌈…⌉ with ceil_mode), W_out likewise.</para>
    /// <para>No parameters.</para>
    /// </summary>
    public sealed class AvgPool2d(IntOrTuple kernel_size, IntOrTuple? stride = null, IntOrTuple? padding = null, bool ceil_mode = false,
        bool count_include_pad = true, long? divisor_override = null) : nn.Module<Tensor, Tensor>(nameof(AvgPool2d))
    {
        /// <summary>Size of the window.</summary>
        public IntOrTuple kernel_size { get; } = kernel_size;
        /// <summary>Step of the window (default: kernel_size).</summary>
        public IntOrTuple stride { get; } = stride ?? kernel_size;
        /// <summary>Implicit zero padding on both sides.</summary>
        public IntOrTuple padding { get; } = padding ?? 0;
        /// <summary>Ceil instead of floor when computing the output size.</summary>
        public bool ceil_mode { get; } = ceil_mode;
        /// <summary>Whether padded zeros count in the averaging divisor.</summary>
        public bool count_include_pad { get; } = count_include_pad;
        /// <summary>Divisor used instead of the window size, if given.</summary>
        public long? divisor_override { get; } = divisor_override;

        /// <inheritdoc/>
        public override Tensor forward(Tensor input) =>
            nn.functional.avg_pool2d(input, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override);

        /// <inheritdoc/>
        protected override string extra_repr() => $"kernel_size={kernel_size}, stride={stride}, padding={padding}";
    }

    /// <summary>
    /// 2-D adaptive average pooling: averages over windows chosen so that the output has exactly output_size (H_out, W_out),
    /// whatever the input size; window i spans rows ⌊i·H_in/H_out⌋ … ⌈(i+1)·H_in/H_out⌉ − 1.
    /// <para>Arguments: output_size, an int (square) or (H_out, W_out).</para>
    /// <para>Shape: input (N, C, H_in, W_in) or (C, H_in, W_in) → output (N, C, H_out, W_out) or (C, H_out, W_out).</para>
    /// <para>No parameters.</para>
    /// </summary>
    public sealed class AdaptiveAvgPool2d(IntOrTuple output_size) : nn.Module<Tensor, Tensor>(nameof(AdaptiveAvgPool2d))
    {
        /// <summary>The target output size.</summary>
        public IntOrTuple output_size { get; } = output_size;

        /// <inheritdoc/>
        public override Tensor forward(Tensor input) => nn.functional.adaptive_avg_pool2d(input, output_size);

        /// <inheritdoc/>
        protected override string extra_repr() => $"output_size={output_size}";
    }
}

namespace AiLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>2-D max pooling: see <see cref="Modules.MaxPool2d"/>.</summary>
            public static MaxPool2d MaxPool2d(IntOrTuple kernel_size, IntOrTuple? stride = null, IntOrTuple? padding = null, IntOrTuple? dilation = null, bool ceil_mode = false) =>
                new(kernel_size, stride, padding, dilation, ceil_mode);

            /// <summary>2-D average pooling: see <see cref="Modules.AvgPool2d"/>.</summary>
            public static AvgPool2d AvgPool2d(IntOrTuple kernel_size, IntOrTuple? stride = null, IntOrTuple? padding = null, bool ceil_mode = false,
                bool count_include_pad = true, long? divisor_override = null) =>
                new(kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override);

            /// <summary>2-D adaptive average pooling to a fixed output size: see <see cref="Modules.AdaptiveAvgPool2d"/>.</summary>
            public static AdaptiveAvgPool2d AdaptiveAvgPool2d(IntOrTuple output_size) => new(output_size);

            public static partial class functional
            {
                private static readonly Op s_max_pool2d = new("aten::max_pool2d");
                private static readonly Op s_max_pool2d_with_indices = new("aten::max_pool2d_with_indices");
                private static readonly Op s_avg_pool2d = new("aten::avg_pool2d");
                private static readonly Op s_adaptive_avg_pool2d = new("aten::adaptive_avg_pool2d");

                /// <summary>2-D max pooling (stride defaults to kernel_size): see <see cref="Modules.MaxPool2d"/>.</summary>
                public static Tensor max_pool2d(Tensor input, IntOrTuple kernel_size, IntOrTuple? stride = null, IntOrTuple? padding = null,
                    IntOrTuple? dilation = null, bool ceil_mode = false)
                {
                    var (k, s, p, d) = PoolSizes(kernel_size, stride, padding, dilation);
                    return s_max_pool2d.Call(input, k, s, p, d, ceil_mode);
                }

                /// <summary>2-D max pooling that also returns, for each output, the flat index (h·W_in + w) of the maximum
                /// within its input plane (PyTorch's <c>max_pool2d(..., return_indices=True)</c>).</summary>
                public static (Tensor output, Tensor indices) max_pool2d_with_indices(Tensor input, IntOrTuple kernel_size, IntOrTuple? stride = null,
                    IntOrTuple? padding = null, IntOrTuple? dilation = null, bool ceil_mode = false)
                {
                    var (k, s, p, d) = PoolSizes(kernel_size, stride, padding, dilation);
                    var results = s_max_pool2d_with_indices.CallTensors(input, k, s, p, d, ceil_mode);
                    return (results[0], results[1]);
                }

                /// <summary>2-D average pooling (stride defaults to kernel_size): see <see cref="Modules.AvgPool2d"/>.</summary>
                public static Tensor avg_pool2d(Tensor input, IntOrTuple kernel_size, IntOrTuple? stride = null, IntOrTuple? padding = null,
                    bool ceil_mode = false, bool count_include_pad = true, long? divisor_override = null)
                {
                    if (divisor_override is <= 0) throw new ArgumentOutOfRangeException(nameof(divisor_override), divisor_override, "divisor must be not zero");
                    var (k, s, p, _) = PoolSizes(kernel_size, stride, padding, null);
                    return s_avg_pool2d.Call(input, k, s, p, ceil_mode, count_include_pad, divisor_override is { } divisor ? divisor : Arg.None);
                }

                /// <summary>2-D adaptive average pooling to <paramref name="output_size"/>: see <see cref="Modules.AdaptiveAvgPool2d"/>.</summary>
                public static Tensor adaptive_avg_pool2d(Tensor input, IntOrTuple output_size) =>
                    s_adaptive_avg_pool2d.Call(input, output_size.Expand(2, nameof(output_size)));

                // Expands the pooling sizes to two dimensions, stride defaulting to the kernel size as in PyTorch.
                private static (long[] kernel, long[] stride, long[] padding, long[] dilation) PoolSizes(IntOrTuple kernel_size, IntOrTuple? stride,
                    IntOrTuple? padding, IntOrTuple? dilation) =>
                    (kernel_size.Expand(2, nameof(kernel_size)), (stride ?? kernel_size).Expand(2, nameof(stride)),
                        (padding ?? 0).Expand(2, nameof(padding)), (dilation ?? 1).Expand(2, nameof(dilation)));
            }
        }
    }
}
