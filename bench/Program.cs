using System.Globalization;

// Side-by-side benchmarks: TorchSharp against PyTorch's Python front end (bench/README.md).
//   dotnet run --project bench -c Release -- [threads ...]   default: 1 2 (each side keeps its best thread count)
int[] threadCounts;
try
{
    threadCounts = args.Length == 0 ? [1, 2] : [.. args.Select(a => int.Parse(a, CultureInfo.InvariantCulture))];
}
catch (FormatException)
{
    Console.Error.WriteLine("usage: AiLab.Bench [threads ...]   (default: 1 2)");
    return 2;
}
SideBySide.Run(threadCounts);
return 0;
