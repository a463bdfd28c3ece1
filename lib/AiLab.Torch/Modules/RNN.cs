using AiLab.Torch.Modules;
using AiLab.Torch.Native;
using static AiLab.Torch.torch;

namespace AiLab.Torch.Modules
{
    /// <summary>
    /// A multi-layer Elman RNN: h_t = tanh(x_t·W_ihᵀ + b_ih + h_(t−1)·W_hhᵀ + b_hh) (ReLU instead of tanh with
    /// <c>nonlinearity: "relu"</c>), each layer's outputs the next layer's inputs.
    /// <para>Shape: input (L, N, H_in), or (N, L, H_in) with <see cref="RNNBase{THidden, TResult}.batch_first"/>, or
    /// (L, H_in) unbatched; h_0 (D·num_layers, N, H_out) → output (L, N, D·H_out) (the last layer's h_t for every t)
    /// and h_n (D·num_layers, N, H_out) (every layer's final state), D = 2 when bidirectional.</para>
    /// <para>Parameters weight_ih_l{k} (H_out, H_in or D·H_out), weight_hh_l{k} (H_out, H_out), bias_ih_l{k},
    /// bias_hh_l{k} (H_out), plus the <c>_reverse</c> set when bidirectional, all from U(−1/√H_out, 1/√H_out).</para>
    /// </summary>
    public sealed class RNN : RNNBase<Tensor?, (Tensor output, Tensor h_n)>
    {
        private static readonly Op s_rnn_tanh = new("aten::rnn_tanh", "input"), s_rnn_relu = new("aten::rnn_relu", "input");

        /// <summary>Creates the layers with PyTorch's default initialisation.</summary>
        public RNN(long input_size, long hidden_size, long num_layers = 1, string nonlinearity = "tanh", bool bias = true,
            bool batch_first = false, double dropout = 0, bool bidirectional = false, Device? device = null, ScalarType? dtype = null)
            : base(nameof(RNN), Mode(nonlinearity), input_size, hidden_size, num_layers, bias, batch_first, dropout, bidirectional, 0, device, dtype)
        {
            this.nonlinearity = nonlinearity;
        }

        private static string Mode(string nonlinearity) => nonlinearity switch
        {
            "tanh" => "RNN_TANH",
            "relu" => "RNN_RELU",
            _ => throw new ArgumentException($"unknown nonlinearity '{nonlinearity}' (expected tanh or relu)", nameof(nonlinearity)),
        };

        /// <summary><c>tanh</c> or <c>relu</c>.</summary>
        public string nonlinearity { get; }

        /// <summary>Runs the sequence from <paramref name="hx"/> (zeros when null). Returns every step's output of the
        /// last layer and every layer's final hidden state.</summary>
        public override (Tensor output, Tensor h_n) forward(Tensor input, Tensor? hx = null) =>
            ForwardSingleState(mode == "RNN_TANH" ? s_rnn_tanh : s_rnn_relu, input, hx);
    }
}

namespace AiLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A multi-layer Elman RNN (tanh or relu): see <see cref="Modules.RNN"/>.</summary>
            public static RNN RNN(long input_size, long hidden_size, long num_layers = 1, string nonlinearity = "tanh", bool bias = true,
                bool batch_first = false, double dropout = 0, bool bidirectional = false, Device? device = null, ScalarType? dtype = null) =>
                new(input_size, hidden_size, num_layers, nonlinearity, bias, batch_first, dropout, bidirectional, device, dtype);
        }
    }
}
