using System.Text;

namespace AiLab.Notebooks.Output;

/// <summary>
/// Writes files atomically: the content goes to a temporary file in the same folder, which then replaces the
/// target by a rename, so a reader never sees half a file and a crash never leaves one.
/// </summary>
internal static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="text"/> as UTF-8 (no byte order mark).</summary>
    public static void WriteAllText(string path, string text) => WriteAllBytes(path, Utf8.GetBytes(text));

    /// <summary>Writes <paramref name="bytes"/>.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="destination"/> atomically unless it already holds them; true when it wrote.</summary>
    public static bool WriteIfDifferent(string destination, byte[] bytes)
    {
        if (File.Exists(destination) && new FileInfo(destination).Length == bytes.Length && File.ReadAllBytes(destination).AsSpan().SequenceEqual(bytes))
        {
            return false;
        }
        WriteAllBytes(destination, bytes);
        return true;
    }
}
