namespace AiLab.Data;

/// <summary>
/// A dataset file is missing, altered (its SHA-256 differs from <c>data/SHA256SUMS</c>) or unreadable,
/// or the data folder itself cannot be found. The message names the file and says how to restore it.
/// </summary>
public sealed class DataFileException : IOException
{
    /// <summary>Creates the exception for <paramref name="fileName"/> (a path relative to the data folder).</summary>
    public DataFileException(string fileName, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        FileName = fileName;
    }

    /// <summary>The file's path relative to the data folder, e.g. <c>sklearn/iris.csv</c>.</summary>
    public string FileName { get; }
}
