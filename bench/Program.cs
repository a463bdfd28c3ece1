using System.Globalization;

// Side-by-side benchmarks: TorchSharp against PyTorch's Python front end (bench/README.md).
//   dotnet run --project bench -c Release -- [threads ...]   default: 1 2 (each side keeps its best thread count)
string[] requested = args.Length == 0 ? ["1", "2"] : args;
var threadCounts = new List<int>();
foreach (var arg in requested)
{
    if (!int.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out var threads) || threads < 1)
    {
        Console.Error.WriteLine($"'{arg}' is not a thread count; usage: AiLab.Bench [threads ...]   (default: 1 2)");
        return 2;
    }
    threadCounts.Add(threads);
}
SideBySide.Run(threadCounts);
return 0;
