namespace AiLab.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Parameter initialization (<c>torch.nn.init</c>), in place and without recording gradients.
        /// Formulas and defaults follow PyTorch, so the same seed gives the same weights.</summary>
        public static class init
        {
            /// <summary>The recommended gain for a non-linearity: linear/sigmoid 1, tanh 5/3, relu √2, leaky_relu √(2/(1+slope²)), selu 3/4.</summary>
            public static double calculate_gain(string nonlinearity, double? param = null) => nonlinearity switch
            {
                "linear" or "conv1d" or "conv2d" or "conv3d" or "conv_transpose1d" or "conv_transpose2d" or "conv_transpose3d" or "sigmoid" => 1,
                "tanh" => 5.0 / 3,
                "relu" => Math.Sqrt(2.0),
                "leaky_relu" => Math.Sqrt(2.0 / (1 + Math.Pow(param ?? 0.01, 2))),
                "selu" => 3.0 / 4,
                _ => throw new ArgumentException($"unsupported nonlinearity '{nonlinearity}'", nameof(nonlinearity)),
            };

            /// <summary>(fan_in, fan_out) of a weight: dims 1 and 0 times the receptive field size.</summary>
            public static (long fan_in, long fan_out) calculate_fan_in_and_fan_out(Tensor tensor)
            {
                var shape = tensor.shape;
                if (shape.Length < 2)
                    throw new ArgumentException("fan in and fan out can not be computed for a tensor with fewer than 2 dimensions", nameof(tensor));
                var receptive = shape.Skip(2).Aggregate(1L, (a, b) => a * b);
                return (shape[1] * receptive, shape[0] * receptive);
            }

            private static Tensor NoGrad(Tensor tensor, Action<Tensor> fill)
            {
                using (no_grad()) fill(tensor);
                return tensor;
            }

            /// <summary>Fills with U(a, b).</summary>
            public static Tensor uniform_(Tensor tensor, double a = 0, double b = 1) => NoGrad(tensor, t => t.uniform_(a, b));
            /// <summary>Fills with N(mean, std²).</summary>
            public static Tensor normal_(Tensor tensor, double mean = 0, double std = 1) => NoGrad(tensor, t => t.normal_(mean, std));
            /// <summary>Fills with a constant.</summary>
            public static Tensor constant_(Tensor tensor, double val) => NoGrad(tensor, t => t.fill_(val));
            /// <summary>Fills with zeros.</summary>
            public static Tensor zeros_(Tensor tensor) => NoGrad(tensor, t => t.zero_());
            /// <summary>Fills with ones.</summary>
            public static Tensor ones_(Tensor tensor) => NoGrad(tensor, t => t.fill_(1));

            /// <summary>Glorot uniform: U(−a, a) with a = gain·√(6 / (fan_in + fan_out)).</summary>
            public static Tensor xavier_uniform_(Tensor tensor, double gain = 1)
            {
                var (fanIn, fanOut) = calculate_fan_in_and_fan_out(tensor);
                var a = gain * Math.Sqrt(2.0 / (fanIn + fanOut)) * Math.Sqrt(3.0);
                return uniform_(tensor, -a, a);
            }

            /// <summary>Glorot normal: N(0, std²) with std = gain·√(2 / (fan_in + fan_out)).</summary>
            public static Tensor xavier_normal_(Tensor tensor, double gain = 1)
            {
                var (fanIn, fanOut) = calculate_fan_in_and_fan_out(tensor);
                return normal_(tensor, 0, gain * Math.Sqrt(2.0 / (fanIn + fanOut)));
            }

            /// <summary>He uniform: U(−b, b) with b = gain·√(3 / fan), gain = calculate_gain(nonlinearity, a).</summary>
            public static Tensor kaiming_uniform_(Tensor tensor, double a = 0, string mode = "fan_in", string nonlinearity = "leaky_relu")
            {
                var std = calculate_gain(nonlinearity, a) / Math.Sqrt(Fan(tensor, mode));
                var bound = Math.Sqrt(3.0) * std;
                return uniform_(tensor, -bound, bound);
            }

            /// <summary>He normal: N(0, std²) with std = gain / √fan.</summary>
            public static Tensor kaiming_normal_(Tensor tensor, double a = 0, string mode = "fan_in", string nonlinearity = "leaky_relu") =>
                normal_(tensor, 0, calculate_gain(nonlinearity, a) / Math.Sqrt(Fan(tensor, mode)));

            /// <summary>A (semi-)orthogonal matrix from the QR decomposition of a normal sample, times <paramref name="gain"/>.</summary>
            public static Tensor orthogonal_(Tensor tensor, double gain = 1)
            {
                if (tensor.dim() < 2) throw new ArgumentException("only tensors with 2 or more dimensions are supported", nameof(tensor));
                using var scope = NewDisposeScope();
                var rows = tensor.size(0);
                var cols = tensor.numel() / rows;
                var flat = empty([rows, cols], tensor.dtype).normal_();
                if (rows < cols) flat = flat.t();
                var (q, r) = linalg.qr(flat);
                // Makes the decomposition unique (the sign of R's diagonal), as PyTorch does.
                q = q * r.diagonal().sign();
                if (rows < cols) q = q.t();
                using (no_grad()) tensor.view_as(q).copy_(q * gain);
                return tensor;
            }

            private static long Fan(Tensor tensor, string mode)
            {
                var (fanIn, fanOut) = calculate_fan_in_and_fan_out(tensor);
                return mode switch
                {
                    "fan_in" => fanIn,
                    "fan_out" => fanOut,
                    _ => throw new ArgumentException($"mode '{mode}' not supported, use fan_in or fan_out", nameof(mode)),
                };
            }
        }
    }
}
