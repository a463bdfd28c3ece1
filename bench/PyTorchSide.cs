using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

/// <summary>Runs one workload of pytorch_bench.py in a fresh Debian python3 process (python3-torch).</summary>
internal static class PyTorchSide
{
    // Debian's interpreter, not a pyenv or venv one on PATH: python3-torch is installed for it.
    private static readonly string Python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "pytorch_bench.py");

    /// <summary>The PyTorch version the last successful run reported.</summary>
    internal static string? Version { get; private set; }

    // Set once python3 or its torch module is missing, so the reason is printed once, not every round.
    private static bool unavailable;

    /// <summary>The workload's value, or null (with the reason on stderr) when the Python side cannot run.</summary>
    internal static double? Measure(string workload, int threads)
    {
        if (unavailable) return null;
        var startInfo = new ProcessStartInfo(Python, [Script, threads.ToString(CultureInfo.InvariantCulture), workload])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Debian's libtorch calls a generic BLAS (OpenBLAS here) that does not follow torch.set_num_threads:
        // pin its pool, and OpenMP's, to the same count so both sides really use `threads` threads.
        startInfo.Environment["OPENBLAS_NUM_THREADS"] = threads.ToString(CultureInfo.InvariantCulture);
        startInfo.Environment["OMP_NUM_THREADS"] = threads.ToString(CultureInfo.InvariantCulture);
        try
        {
            using var process = Process.Start(startInfo)!;
            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                unavailable = errors.Result.Contains("No module named 'torch'", StringComparison.Ordinal);
                Console.Error.WriteLine($"PyTorch side failed ({Python} {Script} {threads} {workload}): {errors.Result.Trim()}");
                return null;
            }
            var result = JsonDocument.Parse(output).RootElement;
            Version = result.GetProperty("torch_version").GetString();
            return result.GetProperty(workload).GetDouble();
        }
        catch (Win32Exception e)
        {
            unavailable = true;
            Console.Error.WriteLine($"PyTorch side not run: {e.Message} (apt-get install --no-install-recommends python3-torch)");
            return null;
        }
    }
}
