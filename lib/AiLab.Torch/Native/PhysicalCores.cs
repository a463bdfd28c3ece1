namespace AiLab.Torch.Native;

/// <summary>The number of physical CPU cores (hyper-threads not counted), read from /proc/cpuinfo on Linux.</summary>
internal static class PhysicalCores
{
    internal static int Count { get; } = Detect();

    private static int Detect()
    {
        try
        {
            if (!File.Exists("/proc/cpuinfo")) return Environment.ProcessorCount;
            var cores = new HashSet<(string Package, string Core)>();
            string package = "0", core = "";
            foreach (var line in File.ReadLines("/proc/cpuinfo").Append(""))
            {
                var colon = line.IndexOf(':');
                var key = colon < 0 ? line.Trim() : line[..colon].Trim();
                var value = colon < 0 ? "" : line[(colon + 1)..].Trim();
                if (key == "physical id") package = value;
                else if (key == "core id") core = value;
                else if (line.Length == 0 && core.Length > 0)
                {
                    cores.Add((package, core));
                    core = "";
                }
            }
            // Some VMs omit "core id": then every listed processor counts.
            var count = cores.Count > 0 ? cores.Count : Environment.ProcessorCount;
            return Math.Clamp(count, 1, Environment.ProcessorCount);
        }
        catch (IOException)
        {
            return Environment.ProcessorCount;
        }
    }
}
