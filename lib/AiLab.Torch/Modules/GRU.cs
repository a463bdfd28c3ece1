using AiLab.Torch.Modules;
using AiLab.Torch.Native;
using static AiLab.Torch.torch;

namespace AiLab.Torch.Modules
{
    /// <summary>
    /// A multi-layer gated recurrent unit network. Per step and layer (PyTorch's gate order r, z, n):
    /// r = σ(W_ir x + b_ir + W_hr h + b_hr), z = σ(W_iz x + b_iz + W_hz h + b_hz),
    /// n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)), h' = (1 − z) ⊙ n + z ⊙ h.
    /// <para>Shape: input (L, N, H_in), or (N, L, H_in) with batch_first, or (L, H_in) unbatched; h_0
    /// (D·num_layers, N, H_out) → output (L, N, D·H_out) and h_n (D·num_layers, N, H_out), D = 2 when bidirectional.</para>
    /// <para>Parameters weight_ih_l{k} (3·H_out, H_in or D·H_out) = [W_ir | W_iz | W_in], weight_hh_l{k} (3·H_out, H_out),
    /// bias_ih_l{k} and bias_hh_l{k} (3·H_out), plus the <c>_reverse</c> set when bidirectional, all from
    /// U(−1/√H_out, 1/√H_out).</para>
    /// </summary>
    public sealed class GRU : RNNBase<Tensor?, (Tensor output, Tensor h_n)>
    {
        private static readonly Op s_gru = new("aten::gru", "input");

        /// <summary>Creates the layers with PyTorch's default initialisation.</summary>
        public GRU(long input_size, long hidden_size, long num_layers = 1, bool bias = true, bool batch_first = false,
            double dropout = 0, bool bidirectional = false, Device? device = null, ScalarType? dtype = null)
            : base(nameof(GRU), "GRU", input_size, hidden_size, num_layers, bias, batch_first, dropout, bidirectional, 0, device, dtype)
        {
        }

        /// <summary>Runs the sequence from <paramref name="hx"/> (zeros when null). Returns every step's output of the
        /// last layer and every layer's final hidden state.</summary>
        public override (Tensor output, Tensor h_n) forward(Tensor input, Tensor? hx = null) =>
            ForwardSingleState(s_gru, input, hx);
    }
}

namespace AiLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A multi-layer GRU: see <see cref="Modules.GRU"/>.</summary>
            public static GRU GRU(long input_size, long hidden_size, long num_layers = 1, bool bias = true, bool batch_first = false,
                double dropout = 0, bool bidirectional = false, Device? device = null, ScalarType? dtype = null) =>
                new(input_size, hidden_size, num_layers, bias, batch_first, dropout, bidirectional, device, dtype);
        }
    }
}
