using System.Text;

namespace AiLab.Charts;

/// <summary>
/// Writes files so a reader never sees half of one: the content goes to a temporary file in the same folder,
/// which is then renamed over the target (atomic on one file system). Parallel writers of the same file
/// simply replace each other's complete copies.
/// </summary>
internal static class AtomicFile
{
    public static void WriteAllText(string path, string text) => Write(path, temp => File.WriteAllText(temp, text, new UTF8Encoding(false)));

    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, temp => File.WriteAllBytes(temp, bytes));

    public static void Copy(string source, string destination) => Write(destination, temp => File.Copy(source, temp, overwrite: true));

    private static void Write(string path, Action<string> writeTemporary)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            writeTemporary(temp);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
