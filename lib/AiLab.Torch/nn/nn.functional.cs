namespace AiLab.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Stateless forms of the layers, activations and losses (<c>torch.nn.functional</c>, usually imported as F).</summary>
        public static partial class functional
        {
            /// <summary>max(0, x).</summary>
            public static Tensor relu(Tensor input, bool inplace = false) => inplace ? input.relu_() : input.relu();
            /// <summary>Leaky relu.</summary>
            public static Tensor leaky_relu(Tensor input, double negative_slope = 0.01) => input.leaky_relu(negative_slope);
            /// <summary>GELU; <paramref name="approximate"/> "tanh" for the tanh approximation.</summary>
            public static Tensor gelu(Tensor input, string approximate = "none") => input.gelu(approximate);
            /// <summary>ELU.</summary>
            public static Tensor elu(Tensor input, double alpha = 1.0) => input.elu(alpha);
            /// <summary>SiLU / swish.</summary>
            public static Tensor silu(Tensor input) => input.silu();
            /// <summary>Softplus.</summary>
            public static Tensor softplus(Tensor input, double beta = 1, double threshold = 20) => input.softplus(beta, threshold);
            /// <summary>Logistic sigmoid.</summary>
            public static Tensor sigmoid(Tensor input) => input.sigmoid();
            /// <summary>Hyperbolic tangent.</summary>
            public static Tensor tanh(Tensor input) => input.tanh();
            /// <summary>Softmax along <paramref name="dim"/>.</summary>
            public static Tensor softmax(Tensor input, long dim, ScalarType? dtype = null) => input.softmax(dim, dtype);
            /// <summary>Log-softmax along <paramref name="dim"/>.</summary>
            public static Tensor log_softmax(Tensor input, long dim, ScalarType? dtype = null) => input.log_softmax(dim, dtype);
            /// <summary>One-hot encoding of class indices.</summary>
            public static Tensor one_hot(Tensor tensor, long num_classes = -1) => tensor.one_hot(num_classes);
        }
    }
}
