namespace AiLab.Notebooks.Results;

/// <summary>One output of an executed cell.</summary>
internal sealed class CellOutput
{
    /// <summary>What kind of output this is.</summary>
    public required OutputKind Kind { get; init; }

    /// <summary>For streams: <c>stdout</c> or <c>stderr</c>.</summary>
    public string? Stream { get; init; }

    /// <summary>For streams: the text written.</summary>
    public string? Text { get; set; }

    /// <summary>For displays and results: content by MIME type (<c>image/png</c> base64-encoded).</summary>
    public Dictionary<string, string>? Data { get; set; }

    /// <summary>For displays: the kernel's value id, which <c>DisplayedValueUpdated</c> events refer to.</summary>
    public string? DisplayId { get; init; }

    /// <summary>For errors: the exception type, <c>CompilationError</c>, <c>Timeout</c> or <c>KernelCrash</c>.</summary>
    public string? ErrorName { get; init; }

    /// <summary>For errors: the message.</summary>
    public string? ErrorValue { get; init; }

    /// <summary>For errors: the kernel's message lines (diagnostics carry notebook file lines).</summary>
    public List<string>? Traceback { get; init; }

    /// <summary>A stream output.</summary>
    public static CellOutput ForStream(string stream, string text) => new() { Kind = OutputKind.Stream, Stream = stream, Text = text };
}
