using AiLab.Torch.Native;

namespace AiLab.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            private static readonly Op s_pad = new("aten::pad");
            private static readonly Op s_affine_grid_generator = new("aten::affine_grid_generator");
            private static readonly Op s_grid_sampler = new("aten::grid_sampler");

            /// <summary>
            /// Pads the last dimensions of <paramref name="input"/>. <paramref name="pad"/> lists (left, right) sizes starting
            /// from the last dimension: <c>[1, 1]</c> pads the last dimension by one on each side, <c>[1, 1, 2, 0]</c> also
            /// adds two rows on top. <paramref name="mode"/>: "constant" (fills with <paramref name="value"/>, default 0;
            /// negative sizes crop), "reflect" (mirror without repeating the edge), "replicate" (repeat the edge) or
            /// "circular" (wrap around); the last three pad up to the last 3 dimensions of a batched input.
            /// </summary>
            public static Tensor pad(Tensor input, long[] pad, string mode = "constant", double? value = null)
            {
                ArgumentNullException.ThrowIfNull(pad);
                if (pad.Length % 2 != 0) throw new ArgumentException($"padding length must be divisible by 2, got {pad.Length}", nameof(pad));
                if (mode is not ("constant" or "reflect" or "replicate" or "circular"))
                    throw new ArgumentException($"mode must be one of constant, reflect, replicate, circular; got '{mode}'", nameof(mode));
                if (value is not null && mode != "constant")
                    throw new ArgumentException($"padding mode '{mode}' doesn't take a value", nameof(value));
                return s_pad.Call(input, pad, mode, value is { } v ? v : Arg.None);
            }

            /// <summary>
            /// The sampling grid of an affine transform for <see cref="grid_sample"/>: for each output pixel, the normalised
            /// (x, y) ∈ [−1, 1] input location θ·(x_out, y_out, 1). <paramref name="theta"/> (N, 2, 3), <paramref name="size"/>
            /// the output (N, C, H, W) → grid (N, H, W, 2). <paramref name="align_corners"/> (default false): whether −1 and 1
            /// are the centres of the corner pixels (true) or their outer edges (false).
            /// </summary>
            public static Tensor affine_grid(Tensor theta, long[] size, bool? align_corners = null)
            {
                ArgumentNullException.ThrowIfNull(theta);
                ArgumentNullException.ThrowIfNull(size);
                if (!theta.is_floating_point()) throw new ArgumentException($"Expected theta to have floating point type, but got {theta.dtype.ToTorchString()}", nameof(theta));
                var (rows, cols) = size.Length switch
                {
                    4 => (2L, 3L),
                    5 => (3L, 4L),
                    _ => throw new ArgumentException($"affine_grid only supports 4D and 5D sizes, for 2D and 3D affine transforms, got size [{string.Join(", ", size)}]", nameof(size)),
                };
                if (theta.dim() != 3 || theta.size(1) != rows || theta.size(2) != cols)
                    throw new ArgumentException($"Expected a batch of affine matrices of shape Nx{rows}x{cols} for size [{string.Join(", ", size)}], got [{string.Join(", ", theta.shape)}]", nameof(theta));
                if (size.Any(s => s <= 0)) throw new ArgumentException($"Expected non-zero, positive output size, got [{string.Join(", ", size)}]", nameof(size));
                return s_affine_grid_generator.Call(theta, size, align_corners ?? false);
            }

            /// <summary>
            /// Samples <paramref name="input"/> (N, C, H_in, W_in) at the normalised locations of <paramref name="grid"/>
            /// (N, H_out, W_out, 2), (x, y) ∈ [−1, 1] → output (N, C, H_out, W_out). <paramref name="mode"/>: "bilinear",
            /// "nearest" or "bicubic"; <paramref name="padding_mode"/> for locations outside: "zeros", "border" (clamp to the
            /// edge) or "reflection"; <paramref name="align_corners"/> as in <see cref="affine_grid"/> (default false).
            /// Differentiable with respect to both input and grid (except nearest).
            /// </summary>
            public static Tensor grid_sample(Tensor input, Tensor grid, string mode = "bilinear", string padding_mode = "zeros", bool? align_corners = null)
            {
                var modeEnum = mode switch
                {
                    "bilinear" => 0,
                    "nearest" => 1,
                    "bicubic" => 2,
                    _ => throw new ArgumentException($"grid_sample: expected mode to be 'bilinear', 'nearest' or 'bicubic', but got '{mode}'", nameof(mode)),
                };
                var paddingEnum = padding_mode switch
                {
                    "zeros" => 0,
                    "border" => 1,
                    "reflection" => 2,
                    _ => throw new ArgumentException($"grid_sample: expected padding_mode to be 'zeros', 'border' or 'reflection', but got '{padding_mode}'", nameof(padding_mode)),
                };
                return s_grid_sampler.Call(input, grid, modeEnum, paddingEnum, align_corners ?? false);
            }
        }
    }
}
