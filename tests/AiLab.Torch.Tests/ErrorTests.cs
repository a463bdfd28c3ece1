namespace AiLab.Torch.Tests;

/// <summary>Bad input becomes a managed exception with libtorch's message; the process survives.</summary>
[Collection(TorchCollection.Name)]
public sealed class ErrorTests
{
    [Fact]
    public void Matmul_ShapeMismatch_ThrowsTorchExceptionWithLibtorchText()
    {
        using var a = ones(2, 3);
        using var b = ones(4, 5);
        var error = Assert.Throws<TorchException>(() => a.matmul(b));
        Assert.Equal("aten::matmul", error.Operation);
        Assert.Contains("mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)", error.Message);
        Assert.DoesNotContain("Exception raised from", error.Message);  // no C++ backtrace noise
    }

    [Fact]
    public void ManyErrors_DoNotCrashAndLeaveTheLibraryUsable()
    {
        using var a = ones(2, 3);
        for (var i = 0; i < 1000; i++) Assert.Throws<TorchException>(() => a.view(7));
        using var ok = a.view(3, 2);
        Assert.Equal([3L, 2L], ok.shape);
    }

    [Fact]
    public void ToArray_WrongElementType_ThrowsWithHowToConvert()
    {
        using var ints = arange(3);
        var error = Assert.Throws<InvalidOperationException>(() => ints.ToArray<float>());
        Assert.Contains("torch.int64", error.Message);
        Assert.Contains(".to(torch.float32)", error.Message);
    }

    [Fact]
    public void BadDtypeForOp_ThrowsTorchException()
    {
        using var ints = arange(3);
        var error = Assert.Throws<TorchException>(() => ints.mean());
        Assert.Contains("dtype", error.Message);
        using var floats = ones(3);
        Assert.Throws<TorchException>(() => floats.bitwise_and(floats));
    }

    [Fact]
    public void Index_OutOfRange_ThrowsIndexException()
    {
        using var x = zeros(2, 3);
        var error = Assert.Throws<IndexException>(() => x[5]);
        Assert.Contains("index 5 is out of bounds for dimension 0 with size 2", error.Message);
        Assert.Throws<IndexException>(() => x[0, 0, 0]);
        Assert.Throws<IndexException>(() => x[TensorIndex.Ellipsis, 0, TensorIndex.Ellipsis]);
        using var badIndex = tensor(new long[] { 0, 7 });
        Assert.Throws<TorchException>(() => x.index_select(1, badIndex));
        Assert.Throws<TorchException>(() => x[badIndex]);
    }

    [Fact]
    public void UseAfterDispose_ThrowsObjectDisposedException()
    {
        var x = ones(2);
        x.Dispose();
        Assert.True(x.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => x.add(1));
        Assert.Throws<ObjectDisposedException>(() => x.shape);
        using var y = ones(2);
        Assert.Throws<ObjectDisposedException>(() => y.add(x));
        Assert.Equal("tensor(<disposed>)", x.ToString());
        x.Dispose(); // twice is fine
    }

    [Fact]
    public void TensorListWithNull_ThrowsArgumentNullException()
    {
        using var x = ones(2);
        Assert.Throws<ArgumentNullException>(() => cat([x, null!]));
    }
}
