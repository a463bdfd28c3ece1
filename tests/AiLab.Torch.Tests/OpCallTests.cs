using AiLab.Torch.Native;

namespace AiLab.Torch.Tests;

/// <summary>
/// The two ways the shim calls an operator: unboxed for tensor/scalar signatures (add, relu, mm and
/// their in-place forms), boxed through an IValue stack for everything else. Both must give PyTorch's
/// results, defaults and errors; which one serves a call is invisible to the caller.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class OpCallTests
{
    [Theory]
    [InlineData("aten::add", "Tensor")]      // (Tensor self, Tensor other, *, Scalar alpha=1)
    [InlineData("aten::add", "Scalar")]      // (Tensor self, Scalar other, Scalar alpha=1)
    [InlineData("aten::add_", "Tensor")]     // in place: self is Tensor(a!)
    [InlineData("aten::relu", "")]
    [InlineData("aten::mm", "")]
    [InlineData("aten::where", "self")]      // (Tensor condition, Tensor self, Tensor other)
    [InlineData("aten::t", "")]              // a view: Tensor(a) self -> Tensor(a)
    public void TensorAndScalarSignatures_AreCalledUnboxed(string name, string overload) =>
        Assert.True(new Op(name, overload).IsUnboxed);

    [Theory]
    [InlineData("aten::add", "out")]         // writes to an argument other than self
    [InlineData("aten::sum", "dim_IntList")] // an int list and a ScalarType?
    [InlineData("aten::softmax", "int")]     // an int
    [InlineData("aten::clamp_", "")]         // Scalar? arguments
    [InlineData("aten::addcmul", "")]        // four arguments
    [InlineData("aten::max", "dim")]         // two results
    public void OtherSignatures_AreCalledBoxed(string name, string overload) =>
        Assert.False(new Op(name, overload).IsUnboxed);

    [Fact]
    public void Unboxed_ScalarArguments_KeepTheirKind()
    {
        using var a = tensor(new float[] { 1, 2, 3 });
        using var b = tensor(new float[] { 10, 20, 30 });
        using var defaultAlpha = a.add(b);
        using var intAlpha = a.add(b, alpha: 2);
        using var doubleAlpha = a.add(b, alpha: 0.5);
        using var scalarOther = a.add(2.5);
        Assert.Equal([11f, 22f, 33f], defaultAlpha.ToArray<float>());
        Assert.Equal([21f, 42f, 63f], intAlpha.ToArray<float>());
        Assert.Equal([6f, 12f, 18f], doubleAlpha.ToArray<float>());
        Assert.Equal([3.5f, 4.5f, 5.5f], scalarOther.ToArray<float>());

        // An int scalar keeps an int tensor's dtype; a double one promotes it, as in PyTorch.
        using var ints = tensor(new long[] { 1, 2 });
        using var plusInt = ints.add(1);
        using var plusDouble = ints.add(0.5);
        Assert.Equal(int64, plusInt.dtype);
        Assert.Equal(float32, plusDouble.dtype);
        Assert.Equal([1.5f, 2.5f], plusDouble.ToArray<float>());
    }

    [Fact]
    public void Unboxed_KernelErrors_AreTorchExceptionsWithLibtorchText()
    {
        using var ints = tensor(new long[] { 1, 2 });
        var error = Assert.Throws<TorchException>(() => ints.add(ints, alpha: 0.5));
        Assert.Equal("aten::add.Tensor", error.Operation);
        Assert.Contains("alpha must not be a floating point number", error.Message);

        using var a = ones(2, 3);
        using var b = ones(2, 4);
        Assert.Contains("must match the size", Assert.Throws<TorchException>(() => a.add(b)).Message);
    }

    [Fact]
    public void UnboxedOperator_GivenNone_FallsBackToTheBoxedPathAndItsError()
    {
        var add = new Op("aten::add", "Tensor");
        using var a = ones(2);
        Assert.True(add.IsUnboxed);
        var error = Assert.Throws<TorchException>(() => add.Call(a, (Tensor?)null));
        Assert.Equal("aten::add.Tensor", error.Operation);
        using var sum = add.Call(a, a);  // the operator still works afterwards
        Assert.Equal([2f, 2f], sum.ToArray<float>());
    }

    [Fact]
    public void InPlaceCalls_MutateSelf_AndLeaveNoHandles()
    {
        using var x = tensor(new float[] { 1, -2, 3 });
        using var y = tensor(new float[] { 1, 1, 1 });
        var live = Tensor.LiveCount;
        Assert.Same(x, x.add_(y, alpha: 2));      // unboxed
        Assert.Same(x, x.clamp_(min: 0.0));       // boxed (Scalar? min)
        Assert.Same(x, x.mul_(10));               // unboxed, scalar overload
        Assert.Equal(live, Tensor.LiveCount);
        Assert.Equal([30f, 0f, 50f], x.ToArray<float>());
    }

    [Fact]
    public void Unboxed_Autograd_RecordsTheGraph()
    {
        using var w = tensor(new double[] { 1, 2 }).requires_grad_();
        using var y = w.mul(w).add(w, alpha: 3).sum();  // d/dw (w² + 3w) = 2w + 3
        y.backward();
        using var grad = w.grad!;
        Assert.Equal([5.0, 7.0], grad.ToArray<double>());
    }
}
