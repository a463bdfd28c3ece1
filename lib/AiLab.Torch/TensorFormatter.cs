using System.Globalization;
using System.Text;

namespace AiLab.Torch;

/// <summary>Formats tensors the way PyTorch prints them (torch/_tensor_str.py): shared element width,
/// integer mode <c>1.</c>, fixed <c>0.1234</c> or scientific <c>1.0000e+05</c> chosen from the values,
/// summaries with <c>...</c> beyond 1000 elements, and dtype/device/grad suffixes. Unlike Python it
/// does not wrap long rows at 80 columns.</summary>
internal static class TensorFormatter
{
    private const int Threshold = 1000;
    private const int EdgeItems = 3;
    private const int Precision = 4;
    private const string Prefix = "tensor(";

    internal static string Format(Tensor t)
    {
        var dtype = t.dtype;
        var sizes = t.shape;
        var numel = t.numel();
        var suffixes = new List<string>();

        string body;
        if (numel == 0)
        {
            body = "[]";
            if (sizes.Length != 1) suffixes.Add($"size=({string.Join(", ", sizes)}{(sizes.Length == 1 ? "," : "")})");
        }
        else
        {
            using var cpu = t.detach().to(Device.CPU, ScalarType.Float64);
            var values = cpu.ToArray<double>();
            var summarize = numel > Threshold;
            var shown = summarize ? ShownValues(values, sizes) : values;
            var formatElement = ElementFormatter(dtype, shown);
            // Like PyTorch, nan and inf do not widen the columns.
            var width = shown.Where(double.IsFinite).Select(v => formatElement(v).Length).DefaultIfEmpty(1).Max();
            var sb = new StringBuilder();
            AppendDims(sb, values, sizes, 0, 0, width, formatElement, summarize, Prefix.Length);
            body = sb.ToString();
        }

        if (dtype is not (ScalarType.Float32 or ScalarType.Int64 or ScalarType.Bool)) suffixes.Add($"dtype={dtype.ToTorchString()}");
        var device = t.device;
        if (device.type != DeviceType.CPU) suffixes.Add($"device='{device}'");
        if (t.requires_grad) suffixes.Add("requires_grad=True");
        var text = new StringBuilder(Prefix).Append(body);
        foreach (var s in suffixes) text.Append(", ").Append(s);
        return text.Append(')').ToString();
    }

    private static Func<double, string> ElementFormatter(ScalarType dtype, double[] values)
    {
        var inv = CultureInfo.InvariantCulture;
        if (dtype == ScalarType.Bool) return v => v != 0 ? "True" : "False";
        if (!dtype.IsFloatingPoint()) return v => ((long)v).ToString(inv);

        var finite = values.Where(double.IsFinite).Select(Math.Abs).Where(v => v != 0).ToArray();
        string Special(double v) => double.IsNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
        if (finite.Length == 0) return v => double.IsFinite(v) ? "0." : Special(v);
        var max = finite.Max();
        var min = finite.Min();
        var integral = values.Where(double.IsFinite).All(v => v == Math.Ceiling(v));
        var scientific = max / min > 1000 || max > 1e8 || (!integral && min < 1e-4);
        if (integral && !scientific) return v => double.IsFinite(v) ? v.ToString("0", inv) + "." : Special(v);
        if (scientific) return v => double.IsFinite(v) ? v.ToString("0.0000e+00", inv) : Special(v);
        return v => double.IsFinite(v) ? v.ToString("F" + Precision, inv) : Special(v);
    }

    // The values printed when summarizing: the first and last EdgeItems along every dimension.
    private static double[] ShownValues(double[] values, long[] sizes)
    {
        var shown = new List<double>();
        void Walk(int dim, long offset)
        {
            var stride = sizes.Skip(dim + 1).Aggregate(1L, (a, b) => a * b);
            foreach (var i in EdgeIndices(sizes[dim]))
            {
                if (dim == sizes.Length - 1) shown.Add(values[offset + i]);
                else Walk(dim + 1, offset + i * stride);
            }
        }
        if (sizes.Length == 0) return values;
        Walk(0, 0);
        return shown.ToArray();
    }

    private static IEnumerable<long> EdgeIndices(long size) =>
        size <= 2 * EdgeItems
            ? Enumerable.Range(0, (int)size).Select(i => (long)i)
            : Enumerable.Range(0, EdgeItems).Select(i => (long)i).Concat(Enumerable.Range(0, EdgeItems).Select(i => size - EdgeItems + i));

    private static void AppendDims(StringBuilder sb, double[] values, long[] sizes, int dim, long offset, int width,
        Func<double, string> format, bool summarize, int indent)
    {
        if (sizes.Length == 0)
        {
            sb.Append(format(values[0]));
            return;
        }
        var size = sizes[dim];
        var stride = sizes.Skip(dim + 1).Aggregate(1L, (a, b) => a * b);
        var elided = summarize && size > 2 * EdgeItems;
        sb.Append('[');
        var first = true;
        for (long i = 0; i < size; i++)
        {
            if (elided && i == EdgeItems)
            {
                AppendSeparator(sb, sizes, dim, indent);
                sb.Append(dim == sizes.Length - 1 ? " ..." : "...");
                i = size - EdgeItems - 1;
                continue;
            }
            if (!first) AppendSeparator(sb, sizes, dim, indent);
            first = false;
            if (dim == sizes.Length - 1) sb.Append(format(values[offset + i]).PadLeft(width));
            else AppendDims(sb, values, sizes, dim + 1, offset + i * stride, width, format, summarize, indent + 1);
        }
        sb.Append(']');
    }

    // Between rows of a matrix: a newline (two between matrices of a 3-D tensor) and indentation.
    private static void AppendSeparator(StringBuilder sb, long[] sizes, int dim, int indent)
    {
        if (dim == sizes.Length - 1)
        {
            sb.Append(", ");
            return;
        }
        sb.Append(',');
        sb.Append('\n', sizes.Length - 1 - dim);
        sb.Append(' ', indent + 1);
    }
}
