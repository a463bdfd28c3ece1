namespace AiLab.Torch.Modules;

/// <summary>
/// PyTorch's reduction names and ATen's integer codes for them (<c>torch.nn._reduction.get_enum</c>):
/// the one place the strings "none", "mean" and "sum" are mapped.
/// </summary>
internal static class Reduction
{
    /// <summary>ATen's code for a reduction name: 0 none, 1 mean, 2 sum.</summary>
    internal static long ToEnum(string reduction) => reduction switch
    {
        "none" => 0,
        "mean" => 1,
        "sum" => 2,
        _ => throw Unknown(reduction, "'none', 'mean' or 'sum'"),
    };

    /// <summary>Checks a reduction name and returns it; <paramref name="batchmean"/> also allows kl_div's "batchmean".</summary>
    internal static string Check(string reduction, bool batchmean = false)
    {
        if (batchmean && reduction == "batchmean") return reduction;
        if (reduction is not ("none" or "mean" or "sum"))
            throw Unknown(reduction, batchmean ? "'none', 'batchmean', 'mean' or 'sum'" : "'none', 'mean' or 'sum'");
        return reduction;
    }

    private static ArgumentException Unknown(string? reduction, string allowed) =>
        new($"reduction must be {allowed}, got '{reduction}'", nameof(reduction));
}
