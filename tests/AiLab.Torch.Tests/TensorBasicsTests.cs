namespace AiLab.Torch.Tests;

[Collection(TorchCollection.Name)]
public sealed class TensorBasicsTests
{
    [Theory]
    [InlineData("tensor([[1., 2.],\n        [3., 4.]])")]
    public void ToString_Matrix_MatchesPyTorch(string expected)
    {
        using var t = tensor(new[] { 1f, 2f, 3f, 4f }, [2, 2]);
        Assert.Equal(expected, t.ToString());
    }

    [Fact]
    public void ToString_ChoosesFormatsLikePyTorch()
    {
        using var scope = NewDisposeScope();
        Assert.Equal("tensor([ 0.1235, -2.5000])", tensor(new[] { 0.1234567f, -2.5f }).ToString());
        Assert.Equal("tensor([1.0000e-05, 1.0000e+00, 1.0000e+05])", tensor(new[] { 1e-5f, 1f, 1e5f }).ToString());
        Assert.Equal("tensor([1, 2, 3])", tensor(new long[] { 1, 2, 3 }).ToString());
        Assert.Equal("tensor([ True, False])", tensor(new[] { true, false }).ToString());
        Assert.Equal("tensor(3.5000)", tensor(3.5f).ToString());
        Assert.Equal("tensor([1.5000, 2.0000], dtype=torch.float64)", tensor(new[] { 1.5, 2.0 }).ToString());
        Assert.Equal("tensor([1, 2], dtype=torch.int32)", tensor(new[] { 1, 2 }).ToString());
        Assert.Equal("tensor([], size=(0, 3))", zeros(0, 3).ToString());
        Assert.Equal("tensor([1., nan, inf])", tensor(new[] { 1f, float.NaN, float.PositiveInfinity }).ToString());
        Assert.Equal("tensor([1., 1.], requires_grad=True)", ones([2], requires_grad: true).ToString());
        Assert.Equal("tensor([[[ 0.,  1.,  2.,  3.],\n         [ 4.,  5.,  6.,  7.],\n         [ 8.,  9., 10., 11.]],\n\n        [[12., 13., 14., 15.],\n         [16., 17., 18., 19.],\n         [20., 21., 22., 23.]]])",
            arange(24f).reshape(2, 3, 4).ToString());
        Assert.Equal("tensor([0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 1.9970e+03, 1.9980e+03, 1.9990e+03])", arange(2000f).ToString());
    }

    [Fact]
    public void Tensor_FromEveryElementType_KeepsValuesAndDtype()
    {
        using var scope = NewDisposeScope();
        Assert.Equal(float32, tensor(new[] { 1.5f }).dtype);
        Assert.Equal(float64, tensor(new[] { 1.5 }).dtype);
        Assert.Equal(int64, tensor(new[] { 1L }).dtype);
        Assert.Equal(int32, tensor(new[] { 1 }).dtype);
        Assert.Equal(uint8, tensor(new byte[] { 255 }).dtype);
        Assert.Equal(@bool, tensor(new[] { true }).dtype);
        Assert.Equal(float16, tensor(new[] { (Half)1.5f }).dtype);
        Assert.Equal(bfloat16, tensor(new[] { (BFloat16)1.5f }).dtype);
        Assert.Equal([(byte)255, (byte)0], tensor(new byte[] { 255, 0 }).ToArray<byte>());
        Assert.Equal([(Half)0.25f, (Half)(-3f)], tensor(new[] { (Half)0.25f, (Half)(-3f) }).ToArray<Half>());
        Assert.Equal([1.5f, -2f], tensor(new[] { (BFloat16)1.5f, (BFloat16)(-2f) }).to(float32).ToArray<float>());
        Assert.Equal(7L, tensor(7L).item<long>());
        Assert.Equal(0, tensor(7L).dim());
    }

    [Fact]
    public void Tensor_FromRectangularArrays_KeepsRowMajorOrder()
    {
        using var scope = NewDisposeScope();
        var m = tensor(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        Assert.Equal([2L, 3L], m.shape);
        Assert.Equal(6.0, m[1, 2].item<double>());
        Assert.Equal(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } }, m.ToArray2D<double>());
        var images = tensor(new float[2, 1, 3, 3], dtype: float64);
        Assert.Equal([2L, 1L, 3L, 3L], images.shape);
        Assert.Equal(float64, images.dtype);
        var cube = tensor(new int[,,] { { { 1, 2 } }, { { 3, 4 } } });
        Assert.Equal([3, 4], cube[1, 0].ToArray<int>());
    }

    [Fact]
    public void Tensor_ShapeMismatch_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => tensor(new[] { 1f, 2f, 3f }, [2, 2]));
        Assert.Contains("holds 4 elements but data has 3", error.Message);
    }

    [Fact]
    public void Creation_ShapesDtypesAndRanges()
    {
        using var scope = NewDisposeScope();
        Assert.Equal([2L, 3L], zeros(2, 3).shape);
        Assert.Equal(float64, ones([4], dtype: float64).dtype);
        Assert.Equal([7f, 7f], full([2], 7f).ToArray<float>());
        Assert.Equal(int64, arange(5).dtype);
        Assert.Equal(float32, arange(0, 1, 0.5).dtype);
        Assert.Equal(new float[] { 1, 0, 0, 1 }, eye(2).ToArray<float>());
        manual_seed(1);
        var u = rand(10_000);
        Assert.True(u.min().item<float>() >= 0 && u.max().item<float>() < 1);
        Assert.InRange(u.mean().item<float>(), 0.49f, 0.51f);
        var n = randn([10_000], dtype: float64);
        Assert.InRange(n.mean().item<double>(), -0.03, 0.03);
        Assert.InRange(n.std().item<double>(), 0.97, 1.03);
        var r = randint(3, 7, [1000]);
        Assert.True(r.min().item<long>() >= 3 && r.max().item<long>() <= 6);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), randperm(10).sort().values.ToArray<long>());
        var like = zeros_like(ones([2, 2], dtype: float64));
        Assert.Equal(float64, like.dtype);
        Assert.Equal([2L, 2L], randn_like(like).shape);
        Assert.Equal([0f, 0.5f, 1f], linspace(0, 1, 3).ToArray<float>());
    }

    [Fact]
    public void ManualSeed_RepeatsTheStream()
    {
        using var scope = NewDisposeScope();
        manual_seed(123);
        var first = randn(5).ToArray<float>();
        manual_seed(123);
        Assert.Equal(first, randn(5).ToArray<float>());
    }

    [Fact]
    public void Metadata_ReportsShapeDtypeDevice()
    {
        using var scope = NewDisposeScope();
        var t = zeros([2, 3, 4], dtype: float64);
        Assert.Equal(3, t.dim());
        Assert.Equal(24, t.numel());
        Assert.Equal(4, t.size(-1));
        Assert.Equal([12L, 4L, 1L], t.stride());
        Assert.Equal(Device.CPU, t.device);
        Assert.Equal("cpu", t.device.ToString());
        Assert.True(t.is_leaf);
        Assert.False(t.is_cuda);
        Assert.Equal(new Device(DeviceType.CUDA, 1), Device.Parse("cuda:1"));
        Assert.Throws<ArgumentException>(() => Device.Parse("tpu"));
    }

    [Fact]
    public void To_ConvertsDtypeAndDevice()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new[] { 1.7f, -1.7f });
        Assert.Equal([1L, -1L], x.to(int64).ToArray<long>());
        Assert.Equal(float64, x.to(Device.CPU, float64).dtype);
        Assert.Equal(x.ToArray<float>(), x.cpu().ToArray<float>());
        Assert.Equal(x.ToArray<float>(), x.to("cpu").ToArray<float>());
    }

    [Fact]
    public void Cuda_QueriesAnswerWithoutAGpu()
    {
        Assert.Equal(cuda.device_count() > 0, cuda.is_available());
        if (!cuda.is_available())
        {
            using var x = ones(2);
            Assert.ThrowsAny<Exception>(() => x.cuda());
        }
    }

    [Fact]
    public void Threads_SetAndGet()
    {
        var original = get_num_threads();
        Assert.InRange(original, 1, Environment.ProcessorCount);
        set_num_threads(1);
        Assert.Equal(1, get_num_threads());
        set_num_threads(original);
        Assert.Throws<ArgumentOutOfRangeException>(() => set_num_threads(0));
    }

    [Fact]
    public void SetNumThreads_SurvivesEntryPointsBoundLater()
    {
        var original = get_num_threads();
        try
        {
            set_num_threads(1);
            // The first use of entry points not called before in this process must not reset it.
            using var x = ones(3).requires_grad_();
            using var y = x.sum();
            y.backward();
            _ = autograd.grad(x.square().sum(), [x]);
            Assert.Equal(1, get_num_threads());
        }
        finally
        {
            set_num_threads(original);
        }
    }

    [Fact]
    public void Version_IsLibtorchs() => Assert.Matches(@"^\d+\.\d+\.\d+$", __version__);

    [Fact]
    public void IndexAssignment_WritesThroughViewsMasksAndIndices()
    {
        using var scope = NewDisposeScope();
        var x = zeros(3, 4);
        x[0] = ones(4);
        x[.., 3] = full([3], 5f);
        x[x.eq(0)] = tensor(-1f);
        x.index_put_([2, 1..3], 9);
        x[tensor(new long[] { 1 }), tensor(new long[] { 0 })] = tensor(new[] { 8f });
        Assert.Equal(new float[] { 1, 1, 1, 5, 8, -1, -1, 5, -1, 9, 9, 5 }, x.ToArray<float>());
    }

    [Fact]
    public void InPlaceOps_ModifyAndReturnThis()
    {
        using var scope = NewDisposeScope();
        var x = ones(3);
        Assert.Same(x, x.add_(1).mul_(3).sub_(tensor(new[] { 1f, 2f, 3f })));
        Assert.Equal([5f, 4f, 3f], x.ToArray<float>());
        x.clamp_(3.5, 4.5).div_(2);
        Assert.Equal([2.25f, 2f, 1.75f], x.ToArray<float>());
        x.addcmul_(ones(3), full([3], 2f), value: 0.5).addcdiv_(ones(3), full([3], 4f));
        Assert.Equal([3.5f, 3.25f, 3f], x.ToArray<float>());
        x.fill_(2).pow_(3);
        Assert.Equal([8f, 8f, 8f], x.ToArray<float>());
        x.copy_(tensor(new[] { 1.0, 2.0, 3.0 }));
        Assert.Equal([1f, 2f, 3f], x.ToArray<float>());
        manual_seed(0);
        var u = empty(1000).uniform_(-2, 2);
        Assert.True(u.min().item<float>() >= -2 && u.max().item<float>() < 2);
        var g = empty(5000).normal_(3, 0.5);
        Assert.InRange(g.mean().item<float>(), 2.97f, 3.03f);
        Assert.Equal(0f, x.zero_().sum().item<float>());
    }
}
