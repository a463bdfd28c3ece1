using AiLab.Torch.Modules;
using AiLab.Torch.Native;
using static AiLab.Torch.torch;

namespace AiLab.Torch.Modules
{
    /// <summary>
    /// A multi-layer long short-term memory network. Per step and layer (PyTorch's gate order i, f, g, o):
    /// i = σ(W_ii x + b_ii + W_hi h + b_hi), f = σ(W_if x + b_if + W_hf h + b_hf), g = tanh(W_ig x + b_ig + W_hg h + b_hg),
    /// o = σ(W_io x + b_io + W_ho h + b_ho), c' = f ⊙ c + i ⊙ g, h' = o ⊙ tanh(c') (then h' = W_hr h' with proj_size &gt; 0).
    /// <para>Shape: input (L, N, H_in), or (N, L, H_in) with batch_first, or (L, H_in) unbatched; (h_0, c_0) of shapes
    /// (D·num_layers, N, H_out) and (D·num_layers, N, H_cell) → output (L, N, D·H_out), h_n and c_n like h_0 and c_0;
    /// H_out = proj_size or hidden_size, D = 2 when bidirectional.</para>
    /// <para>Parameters weight_ih_l{k} (4·hidden_size, H_in or D·H_out) = [W_ii | W_if | W_ig | W_io], weight_hh_l{k}
    /// (4·hidden_size, H_out), bias_ih_l{k} and bias_hh_l{k} (4·hidden_size), weight_hr_l{k} (proj_size, hidden_size)
    /// when projecting, plus the <c>_reverse</c> set when bidirectional, all from U(−1/√hidden_size, 1/√hidden_size).</para>
    /// </summary>
    public sealed class LSTM : RNNBase<(Tensor h_0, Tensor c_0)?, (Tensor output, (Tensor h_n, Tensor c_n) state)>
    {
        private static readonly Op s_lstm = new("aten::lstm", "input");

        /// <summary>Creates the layers with PyTorch's default initialisation.</summary>
        public LSTM(long input_size, long hidden_size, long num_layers = 1, bool bias = true, bool batch_first = false,
            double dropout = 0, bool bidirectional = false, long proj_size = 0, Device? device = null, ScalarType? dtype = null)
            : base(nameof(LSTM), "LSTM", input_size, hidden_size, num_layers, bias, batch_first, dropout, bidirectional, proj_size, device, dtype)
        {
        }

        /// <summary>Runs the sequence from <paramref name="hx"/> = (h_0, c_0) (zeros when null). Returns every step's
        /// output of the last layer and every layer's final (h_n, c_n).</summary>
        public override (Tensor output, (Tensor h_n, Tensor c_n) state) forward(Tensor input, (Tensor h_0, Tensor c_0)? hx = null)
        {
            using var scope = NewDisposeScope();
            var x = BatchedInput(input, out var batched);
            var h0 = InitialState(hx?.h_0, x, batched, proj_size > 0 ? proj_size : hidden_size, "hx.h_0");
            var c0 = InitialState(hx?.c_0, x, batched, hidden_size, "hx.c_0");
            // libtorch recognises projections by h_0 and c_0 having different sizes, as PyTorch's Python side relies on.
            var r = s_lstm.CallTensors(x, new[] { h0, c0 }, flat_weights, bias, num_layers, dropout, training, bidirectional, batch_first);
            return (Finish(r[0], batched, BatchDim), (Finish(r[1], batched, 1), Finish(r[2], batched, 1)));
        }
    }
}

namespace AiLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A multi-layer LSTM: see <see cref="Modules.LSTM"/>.</summary>
            public static LSTM LSTM(long input_size, long hidden_size, long num_layers = 1, bool bias = true, bool batch_first = false,
                double dropout = 0, bool bidirectional = false, long proj_size = 0, Device? device = null, ScalarType? dtype = null) =>
                new(input_size, hidden_size, num_layers, bias, batch_first, dropout, bidirectional, proj_size, device, dtype);
        }
    }
}
