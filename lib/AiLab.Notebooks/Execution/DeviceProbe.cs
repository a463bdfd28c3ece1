using System.Reflection;

namespace AiLab.Notebooks.Execution;

/// <summary>
/// Asks the notebook's library which device it used: the static <c>AiLab.Lab.Device</c> property, found by name
/// among the loaded assemblies (this project must not reference the library). Null when no notebook loaded it.
/// </summary>
internal static class DeviceProbe
{
    /// <summary>The device's text (<c>cpu</c>, <c>cuda:0</c>), or null.</summary>
    public static string? Describe()
    {
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (assembly.GetName().Name != "AiLab")
            {
                continue;
            }
            try
            {
                var property = assembly.GetType("AiLab.Lab")?.GetProperty("Device", BindingFlags.Public | BindingFlags.Static);
                return property?.GetValue(null)?.ToString();
            }
            catch (Exception e) when (e is TargetInvocationException or TypeLoadException or FileLoadException)
            {
                return null;
            }
        }
        return null;
    }
}
