namespace AiLab.Notebooks.Results;

/// <summary>The MIME types the runner's pages and notebooks treat specially.</summary>
internal static class MimeTypes
{
    /// <summary>Plain text, every output's fallback.</summary>
    public const string PlainText = "text/plain";

    /// <summary>HTML (tables, charts).</summary>
    public const string Html = "text/html";

    /// <summary>Markdown.</summary>
    public const string Markdown = "text/markdown";

    /// <summary>PNG images, base64-encoded.</summary>
    public const string Png = "image/png";
}
