using System.Text;
using System.Text.Json;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace AiLab.Notebooks.Documents;

/// <summary>
/// Reads .dib and .ipynb files with <c>Microsoft.DotNet.Interactive.Documents</c> (the parsers Polyglot Notebooks
/// uses), then finds each cell's lines in the file, so failures can name the file's own line.
/// </summary>
internal static class NotebookReader
{
    /// <summary>The notebook file extensions the runner reads.</summary>
    public static readonly IReadOnlyList<string> Extensions = [".dib", ".ipynb"];

    /// <summary>True when <paramref name="path"/> names a notebook by its extension.</summary>
    public static bool IsNotebook(string path) =>
        Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads and parses <paramref name="path"/>.</summary>
    /// <exception cref="NotebookFormatException">The file cannot be parsed (invalid JSON in #!meta or the .ipynb).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static NotebookDocument ReadFile(string path) => Parse(ReadText(path), path);

    /// <summary>Parses <paramref name="text"/> as the notebook at <paramref name="path"/> (its extension picks the format).</summary>
    /// <exception cref="NotebookFormatException">The text cannot be parsed.</exception>
    public static NotebookDocument Parse(string text, string path)
    {
        var jupyter = path.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase);
        var name = System.IO.Path.GetFileName(path);
        InteractiveDocument source;
        try
        {
            source = jupyter ? Notebook.Parse(text, KnownKernels.Create()) : CodeSubmission.Parse(text, KnownKernels.Create());
        }
        catch (JsonException e)
        {
            var line = jupyter ? (int)(e.LineNumber ?? 0) + 1 : DibLineLocator.MetadataLine(text) + 1 + (int)(e.LineNumber ?? 0);
            throw new NotebookFormatException(name, line, (jupyter ? "invalid notebook JSON: " : "invalid #!meta JSON: ") + e.Message, e);
        }
        catch (ArgumentException e)
        {
            // A declared kernel whose name or alias is already taken, for instance.
            throw new NotebookFormatException(name, jupyter ? 1 : DibLineLocator.MetadataLine(text), e.Message, e);
        }

        var lines = jupyter ? IpynbLineLocator.Locate(text) : DibLineLocator.Locate(text, source.Elements);
        var cells = source.Elements
            .Select((element, index) => new NotebookCell(
                index + 1, element.KernelName ?? KnownKernels.CSharp, Normalize(element.Contents), index < lines.Count ? lines[index] : []))
            .ToList();
        int? metadataLine = jupyter ? null : DibLineLocator.MetadataLine(text) is var m and > 0 ? m : null;
        return new NotebookDocument(System.IO.Path.GetFullPath(path), source, cells, metadataLine);
    }

    /// <summary>Reads a file's text as the parsers do (UTF-8, a byte order mark dropped).</summary>
    public static string ReadText(string path)
    {
        var text = Encoding.UTF8.GetString(File.ReadAllBytes(path));
        return text.StartsWith('\uFEFF') ? text[1..] : text;
    }

    // The .ipynb parser keeps CRLF line ends from the JSON strings; cells are compared and submitted with LF.
    private static string Normalize(string contents) => contents.Replace("\r\n", "\n");
}
