using System.Text.Json;

namespace AiLab.Torch.Tests;

/// <summary>Every op family against PyTorch on the same libtorch: Fixtures/make_fixtures.py computed
/// the expected values; each case below is the same expression in C#.</summary>
[Collection(TorchCollection.Name)]
public sealed class OpFixtureTests
{
    private static readonly JsonElement Fixtures = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ops.json"))).RootElement;

    // The same deterministic inputs as make_fixtures.py.
    private static Tensor A => arange(6, dtype: float32).reshape(2, 3) / 3 - 1;
    private static Tensor B => arange(3, dtype: float32) + 0.5;
    private static Tensor C => arange(12, dtype: float32).reshape(3, 4) / 5;
    private static Tensor I => arange(6).reshape(2, 3);
    private static Tensor M => tensor(new[] { true, false, true, false, true, false }, [2, 3]);
    private static Tensor P => arange(24, dtype: float32).reshape(2, 3, 4).sin();
    private static Tensor Long(params long[] values) => tensor(values);

    private static readonly Dictionary<string, Func<Tensor>> Cases = new()
    {
        ["add_broadcast"] = () => A + B,
        ["add_alpha"] = () => add(A, B, alpha: 2),
        ["sub_scalar"] = () => A - 1.5,
        ["rsub_scalar"] = () => 2 - A,
        ["mul_int_scalar"] = () => I * 3,
        ["mul_int_float_scalar"] = () => I * 0.5,
        ["div_int_true"] = () => I / 4,
        ["div_floor"] = () => I.div(4, rounding_mode: "floor"),
        ["div_trunc_neg"] = () => (-I).div(4, rounding_mode: "trunc"),
        ["remainder_neg"] = () => (-I).remainder(4),
        ["pow_scalar"] = () => A.pow(2),
        ["pow_tensor"] = () => B.pow(B),
        ["int_plus_float_tensor"] = () => I + B,
        ["bool_plus_int"] = () => M + I,
        ["neg_abs"] = () => (-A).abs(),
        ["sqrt"] = () => B.sqrt(),
        ["exp_log1p"] = () => A.exp().log1p(),
        ["floor_ceil_round"] = () => stack([(A * 2.5).floor(), (A * 2.5).ceil(), (A * 2.5).round()]),
        ["round_half_even"] = () => tensor(new[] { 0.5f, 1.5f, 2.5f, -0.5f, -1.5f }).round(),
        ["sin_cos_tanh"] = () => stack([A.sin(), A.cos(), A.tanh()]),
        ["sigmoid"] = () => A.sigmoid(),
        ["relu"] = () => A.relu(),
        ["gelu"] = () => A.gelu(),
        ["gelu_tanh"] = () => A.gelu("tanh"),
        ["leaky_relu"] = () => A.leaky_relu(0.2),
        ["elu"] = () => A.elu(0.5),
        ["softmax_dim1"] = () => A.softmax(1),
        ["softmax_dim0"] = () => A.softmax(0),
        ["log_softmax_neg_dim"] = () => A.log_softmax(-1),
        ["clamp_both"] = () => A.clamp(-0.5, 0.5),
        ["clamp_min_only"] = () => A.clamp(min: 0),
        ["where_scalar"] = () => where(A > 0, A, 0.0),
        ["where_tensor"] = () => where(M, A, B),
        ["eq_gt"] = () => stack([I.eq(2), I > 2]),
        ["logical"] = () => stack([M & ~M.flip(0), M | M.flip(1), M ^ M.flip(0)]),
        ["isnan_isinf"] = () => stack([tensor(new[] { 1.0f, float.NaN, float.PositiveInfinity }).isnan(), tensor(new[] { 1.0f, float.NaN, float.NegativeInfinity }).isinf()]),
        ["nan_to_num"] = () => tensor(new[] { 1.0f, float.NaN, float.PositiveInfinity, float.NegativeInfinity }).nan_to_num(0.0, posinf: 9.0),
        ["matmul_2d"] = () => A.matmul(C),
        ["matmul_vec"] = () => C.t().matmul(B),
        ["matmul_batched_broadcast"] = () => P.transpose(1, 2).matmul(A.t()),
        ["bmm"] = () => P.bmm(P.transpose(1, 2)),
        ["outer"] = () => B.outer(B),
        ["einsum"] = () => einsum("bij,jk->bik", P, C.t()),
        ["sum_all"] = () => A.sum(),
        ["sum_dim_keepdim"] = () => P.sum(1, keepdim: true),
        ["sum_dims"] = () => P.sum([0L, 2L]),
        ["sum_int"] = () => I.sum(),
        ["mean_neg_dim"] = () => P.mean(-1),
        ["std_unbiased"] = () => P.std(1),
        ["var_biased"] = () => P.var(1, unbiased: false),
        ["std_all"] = () => P.std(),
        ["max_all"] = () => P.max(),
        ["max_dim_values"] = () => P.max(2).values,
        ["max_dim_indices"] = () => P.max(2).indices,
        ["min_dim_keepdim_values"] = () => P.min(0, keepdim: true).values,
        ["argmax_all"] = () => P.argmax(),
        ["argmin_dim"] = () => P.argmin(1),
        ["prod_dim"] = () => C.prod(1),
        ["norm_all"] = () => A.norm(),
        ["norm_p1_dim"] = () => P.norm(1, p: 1),
        ["cumsum"] = () => C.cumsum(1),
        ["logsumexp"] = () => P.logsumexp(2),
        ["all_any"] = () => stack([M.all(1), M.any(1)]),
        ["topk_values"] = () => P.topk(2, dim: -1).values,
        ["topk_indices"] = () => P.topk(2, dim: -1).indices,
        ["sort_desc_values"] = () => P.sort(1, descending: true).values,
        ["argsort"] = () => P.argsort(-1),
        ["view"] = () => C.view(2, 6),
        ["reshape_infer"] = () => P.reshape(-1, 8),
        ["flatten_partial"] = () => P.flatten(1),
        ["unsqueeze_squeeze"] = () => B.unsqueeze(0).unsqueeze(2).squeeze(0),
        ["permute"] = () => P.permute(2, 0, 1),
        ["transpose_contiguous"] = () => P.transpose(0, 2).contiguous(),
        ["expand"] = () => B.unsqueeze(1).expand(3, 2),
        ["repeat"] = () => B.repeat(2, 2),
        ["cat_dim1"] = () => cat([A, A * 2], 1),
        ["stack_dim1"] = () => stack([B, B * 2], 1),
        ["split_second"] = () => C.split(2, dim: 1)[1],
        ["chunk_last"] = () => P.chunk(3, dim: 1)[2],
        ["narrow"] = () => C.narrow(1, 1, 2),
        ["index_select"] = () => C.index_select(1, Long(3, 0)),
        ["gather"] = () => C.gather(1, tensor(new long[] { 0, 0, 1, 0, 3, 2 }, [3, 2])),
        ["scatter_src"] = () => zeros(3, 4).scatter(1, tensor(new long[] { 1, 2, 0 }, [3, 1]), ones(3, 1) * 7),
        ["scatter_add_dupes"] = () => zeros(5).scatter_add(0, Long(0, 1, 1, 4), tensor(new[] { 1f, 2f, 3f, 4f })),
        ["masked_fill"] = () => A.masked_fill(M, -9.0),
        ["one_hot"] = () => Long(2, 0, 1).one_hot(4),
        ["tril_triu"] = () => stack([C[.., ..3].tril(), C[.., ..3].triu(1)]),
        ["index_int_range"] = () => P[1, 1..3],
        ["index_step"] = () => C[-1, TensorIndex.Slice(step: 2)],
        ["index_ellipsis"] = () => P[TensorIndex.Ellipsis, 0],
        ["index_none"] = () => B[TensorIndex.None, .., TensorIndex.None],
        ["index_mask"] = () => A[M],
        ["index_tensor"] = () => C[Long(2, 0)],
        ["index_two_tensors"] = () => C[Long(0, 2), Long(1, 3)],
        ["index_slice_then_tensor"] = () => P[.., 1.., Long(0, 3)],
        ["index_int_and_tensor"] = () => P[0, .., Long(1, 2)],
        ["cdist"] = () => cdist(A, A * 0.5),
        ["float16_roundtrip"] = () => (A * 1000).half().@float(),
        ["bfloat16_roundtrip"] = () => (A * 1000).bfloat16().@float(),
        ["to_int_truncates"] = () => (A * 2.5).to(int32),
        ["linspace"] = () => linspace(-1, 1, 5),
        ["arange_float_step"] = () => arange(0, 1, 0.25),
        ["arange_int"] = () => arange(2, 11, 3),
        ["eye_rect"] = () => eye(2, 3),
        ["full_int"] = () => full([2, 2], 7),
    };

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    [Fact]
    public void Fixtures_CoverEveryCase() =>
        Assert.Equal(Fixtures.GetProperty("cases").EnumerateObject().Select(p => p.Name).Order(), Cases.Keys.Order());

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Op_MatchesPyTorch(string name)
    {
        using var scope = NewDisposeScope();
        TorchAssert.Matches(Fixtures.GetProperty("cases").GetProperty(name), Cases[name](), name);
    }

    [Fact]
    public void ManualSeed_SameStreamAsPyTorch()
    {
        using var scope = NewDisposeScope();
        var seeded = Fixtures.GetProperty("seeded");
        manual_seed(0);
        TorchAssert.Matches(seeded.GetProperty("randn_2x3"), randn(2, 3), "randn");
        TorchAssert.Matches(seeded.GetProperty("rand_4"), rand(4), "rand");
        TorchAssert.Matches(seeded.GetProperty("randint_0_10_5"), randint(0, 10, [5]), "randint");
        TorchAssert.Matches(seeded.GetProperty("randperm_6"), randperm(6), "randperm");
    }
}
