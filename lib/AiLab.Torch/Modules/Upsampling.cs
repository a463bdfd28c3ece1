using AiLab.Torch.Modules;
using AiLab.Torch.Native;
using static AiLab.Torch.torch;

namespace AiLab.Torch.Modules
{
    /// <summary>
    /// Resizes 1-D (N, C, W), 2-D (N, C, H, W) or 3-D (N, C, D, H, W) data to a given size or by a scale factor, by nearest
    /// neighbour or (bi/tri)linear or bicubic interpolation: see <see cref="nn.functional.interpolate"/>.
    /// <para>Arguments: size = null (output spatial size) or scale_factor = null (multiplier of the input size), exactly one;
    /// mode = "nearest" ("linear", "bilinear", "bicubic", "trilinear", "nearest-exact", "area"); align_corners = null (for the
    /// linear modes; false unless given: true aligns the centres of the corner pixels of input and output);
    /// recompute_scale_factor = null (true: compute the output size, then interpolate with the scale it implies).</para>
    /// <para>Shape: input (N, C, W_in), (N, C, H_in, W_in) or (N, C, D_in, H_in, W_in) → output (N, C, W_out) … with
    /// W_out = size or ⌊W_in · scale_factor⌋ (likewise for D and H).</para>
    /// <para>No parameters.</para>
    /// </summary>
    public sealed class Upsample(IntOrTuple? size = null, FloatOrTuple? scale_factor = null, string mode = "nearest", bool? align_corners = null,
        bool? recompute_scale_factor = null) : nn.Module<Tensor, Tensor>(nameof(Upsample))
    {
        /// <summary>Output spatial size, or null.</summary>
        public IntOrTuple? size { get; } = size;
        /// <summary>Multiplier of the spatial size, or null.</summary>
        public FloatOrTuple? scale_factor { get; } = scale_factor;
        /// <summary>The interpolation algorithm.</summary>
        public string mode { get; } = mode;
        /// <summary>Whether corner pixel centres align (linear modes), or null for false.</summary>
        public bool? align_corners { get; } = align_corners;
        /// <summary>Whether the scale is recomputed from the output size.</summary>
        public bool? recompute_scale_factor { get; } = recompute_scale_factor;

        /// <inheritdoc/>
        public override Tensor forward(Tensor input) =>
            nn.functional.interpolate(input, size, scale_factor, mode, align_corners, recompute_scale_factor);

        /// <inheritdoc/>
        protected override string extra_repr() =>
            (scale_factor is { } s ? $"scale_factor={s}" : $"size={(size is { } z ? z.ToString() : "None")}") + $", mode={mode}";
    }
}

namespace AiLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Resizes by a size or scale factor: see <see cref="Modules.Upsample"/>.</summary>
            public static Upsample Upsample(IntOrTuple? size = null, FloatOrTuple? scale_factor = null, string mode = "nearest", bool? align_corners = null,
                bool? recompute_scale_factor = null) =>
                new(size, scale_factor, mode, align_corners, recompute_scale_factor);

            public static partial class functional
            {
                private static readonly Op s_adaptive_avg_pool1d = new("aten::adaptive_avg_pool1d");
                private static readonly Op s_adaptive_avg_pool3d = new("aten::adaptive_avg_pool3d");

                // (mode, spatial dims) → the aten op PyTorch's interpolate dispatches to; the linear modes take align_corners.
                private static readonly Dictionary<(string mode, int dims), Op> s_upsample = new()
                {
                    [("nearest", 1)] = new("aten::upsample_nearest1d", "vec"),
                    [("nearest", 2)] = new("aten::upsample_nearest2d", "vec"),
                    [("nearest", 3)] = new("aten::upsample_nearest3d", "vec"),
                    [("nearest-exact", 1)] = new("aten::_upsample_nearest_exact1d", "vec"),
                    [("nearest-exact", 2)] = new("aten::_upsample_nearest_exact2d", "vec"),
                    [("nearest-exact", 3)] = new("aten::_upsample_nearest_exact3d", "vec"),
                    [("linear", 1)] = new("aten::upsample_linear1d", "vec"),
                    [("bilinear", 2)] = new("aten::upsample_bilinear2d", "vec"),
                    [("bicubic", 2)] = new("aten::upsample_bicubic2d", "vec"),
                    [("trilinear", 3)] = new("aten::upsample_trilinear3d", "vec"),
                    [("bilinear-antialias", 2)] = new("aten::_upsample_bilinear2d_aa", "vec"),
                    [("bicubic-antialias", 2)] = new("aten::_upsample_bicubic2d_aa", "vec"),
                };

                private static readonly Dictionary<string, int> s_modeDims = new()
                {
                    ["linear"] = 1,
                    ["bilinear"] = 2,
                    ["bicubic"] = 2,
                    ["trilinear"] = 3,
                };

                /// <summary>
                /// Resizes <paramref name="input"/> (N, C, spatial…) with 1–3 spatial dimensions to <paramref name="size"/> or by
                /// <paramref name="scale_factor"/> (give exactly one). <paramref name="mode"/>: "nearest" (index ⌊i·in/out⌋),
                /// "nearest-exact" (pixel centres), "linear" (3-D input), "bilinear"/"bicubic" (4-D), "trilinear" (5-D) or "area"
                /// (adaptive average pooling). <paramref name="align_corners"/> only for the linear and cubic modes (default false).
                /// <paramref name="recompute_scale_factor"/>: compute the output size ⌊in·scale⌋ first and interpolate with the scale
                /// it implies. <paramref name="antialias"/>: anti-aliased downsampling for bilinear/bicubic.
                /// </summary>
                public static Tensor interpolate(Tensor input, IntOrTuple? size = null, FloatOrTuple? scale_factor = null, string mode = "nearest",
                    bool? align_corners = null, bool? recompute_scale_factor = null, bool antialias = false)
                {
                    ArgumentNullException.ThrowIfNull(input);
                    var linear = s_modeDims.ContainsKey(mode);
                    if (!linear && mode is not ("nearest" or "nearest-exact" or "area"))
                        throw new ArgumentException($"mode must be one of nearest, linear, bilinear, bicubic, trilinear, area, nearest-exact; got '{mode}'", nameof(mode));
                    if (!linear && align_corners is not null)
                        throw new ArgumentException("align_corners option can only be set with the interpolating modes: linear | bilinear | bicubic | trilinear", nameof(align_corners));
                    var dims = (int)input.dim() - 2;
                    if (dims is < 1 or > 3)
                        throw new ArgumentException($"Input Error: Only 3D, 4D and 5D input Tensors supported (got {input.dim()}D) for the modes: nearest | linear | bilinear | bicubic | trilinear | area | nearest-exact (got {mode})", nameof(input));
                    if (linear && s_modeDims[mode] != dims)
                        throw new ArgumentException($"Got {input.dim()}D input, but {mode} mode needs {s_modeDims[mode] + 2}D input", nameof(input));

                    if (size is not null && scale_factor is not null) throw new ArgumentException("only one of size or scale_factor should be defined", nameof(size));
                    if (size is null && scale_factor is null) throw new ArgumentException("either size or scale_factor should be defined", nameof(size));
                    if (recompute_scale_factor == true && size is not null)
                        throw new ArgumentException("recompute_scale_factor is not meaningful with an explicit size.", nameof(recompute_scale_factor));
                    var outputSize = size?.Expand(dims, nameof(size));
                    var scaleFactors = scale_factor?.Expand(dims, nameof(scale_factor));
                    // "area" always needs an explicit size; recomputing turns the scale into one.
                    if (scaleFactors is not null && (recompute_scale_factor == true || mode == "area"))
                    {
                        outputSize = scaleFactors.Select((s, d) => (long)Math.Floor(input.size(d + 2) * s)).ToArray();
                        scaleFactors = null;
                    }
                    if (antialias && !(mode is "bilinear" or "bicubic" && dims == 2))
                        throw new ArgumentException("Anti-alias option is only supported for bilinear and bicubic modes", nameof(antialias));

                    if (mode == "area")
                    {
                        return dims switch
                        {
                            1 => s_adaptive_avg_pool1d.Call(input, outputSize!),
                            2 => adaptive_avg_pool2d(input, outputSize!),
                            _ => s_adaptive_avg_pool3d.Call(input, outputSize!),
                        };
                    }
                    var op = s_upsample[(antialias ? mode + "-antialias" : mode, dims)];
                    Arg sizeArg = outputSize is null ? Arg.None : outputSize;
                    Arg scaleArg = scaleFactors is null ? Arg.None : scaleFactors;
                    return linear ? op.Call(input, sizeArg, align_corners ?? false, scaleArg) : op.Call(input, sizeArg, scaleArg);
                }
            }
        }
    }
}
