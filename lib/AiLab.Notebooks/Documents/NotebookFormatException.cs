namespace AiLab.Notebooks.Documents;

/// <summary>A notebook file that Polyglot Notebooks could not open either (invalid <c>#!meta</c> or .ipynb JSON).</summary>
internal sealed class NotebookFormatException : Exception
{
    /// <summary>Creates the exception for <paramref name="file"/> at 1-based <paramref name="line"/>.</summary>
    public NotebookFormatException(string file, int line, string reason, Exception? inner = null)
        : base($"{file}({line}): {reason}", inner)
    {
        File = file;
        Line = line;
        Reason = reason;
    }

    /// <summary>The file name (or "notebook" for text parsed in memory).</summary>
    public string File { get; }

    /// <summary>1-based line of the problem.</summary>
    public int Line { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }
}
