using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

/// <summary>
/// A one-layer LSTM (8 features → hidden 64) whose last time step feeds a linear head: a sequence regressor,
/// the same module as <c>LstmRegressor</c> in pytorch_bench.py.
/// </summary>
internal sealed class LstmRegressor : nn.Module<Tensor, Tensor>
{
    // Fields, not auto-properties: RegisterComponents names parameters after the fields.
    private readonly LSTM lstm;
    private readonly Linear head;

    internal LstmRegressor(long inputSize = 8, long hiddenSize = 64) : base(nameof(LstmRegressor))
    {
        lstm = nn.LSTM(inputSize, hiddenSize, batchFirst: true);
        head = nn.Linear(hiddenSize, 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var (output, _, _) = lstm.call(input);
        return head.call(output.select(1, -1));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            lstm.Dispose();
            head.Dispose();
        }
        base.Dispose(disposing);
    }
}
