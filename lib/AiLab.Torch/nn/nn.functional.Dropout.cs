using AiLab.Torch.Native;

namespace AiLab.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            private static readonly Op s_dropout = new("aten::dropout");

            /// <summary>Zeroes each element with probability <paramref name="p"/> and scales the rest by 1/(1−p) while
            /// <paramref name="training"/>; the identity otherwise.</summary>
            public static Tensor dropout(Tensor input, double p = 0.5, bool training = true)
            {
                if (p is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(p), p, "dropout probability has to be between 0 and 1");
                return s_dropout.Call(input, p, training);
            }
        }
    }
}
