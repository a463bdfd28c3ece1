namespace AiLab.Notebooks.Scripting;

/// <summary>The MIME types notebook outputs use.</summary>
internal static class MimeTypes
{
    /// <summary>HTML, rendered as is (charts use it).</summary>
    public const string Html = "text/html";

    /// <summary>Plain text.</summary>
    public const string PlainText = "text/plain";

    /// <summary>A PNG image, base64-encoded.</summary>
    public const string Png = "image/png";

    /// <summary>Markdown source.</summary>
    public const string Markdown = "text/markdown";
}
