namespace AiLab.Torch.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Basics_Work()
    {
        var x = tensor(new float[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);
        var y = x.view(3, 2);
        Assert.Equal([3L, 2L], y.shape);
        var z = x.matmul(y);
        Assert.Equal([22f, 28f, 49f, 64f], z.ToArray<float>());
        Assert.Equal("tensor([[22., 28.],\n        [49., 64.]])", z.ToString());
        var s = x[.., 1];
        Assert.Equal([2f, 5f], s.ToArray<float>());
        var w = randn(3, 3).requires_grad_();
        var loss = w.sum() * 2;
        loss.backward();
        Assert.Equal(Enumerable.Repeat(2f, 9), w.grad!.ToArray<float>());
        var ex = Assert.Throws<TorchException>(() => x.matmul(x));
        Assert.Contains("shapes cannot be multiplied", ex.Message);
    }
}
