using System.Text;
using System.Text.Json;

namespace AiLab.Notebooks.Documents;

/// <summary>
/// Reads .dib files exactly as Polyglot Notebooks (dotnet/interactive's <c>CodeSubmission.Parse</c>) does, so that
/// a notebook runs here with the same cells VS Code shows.
/// </summary>
/// <remarks>
/// The rules: lines split on CRLF or LF; the first line starting with <c>#!meta</c> opens a JSON block that runs
/// to the next line starting with <c>#!</c>; a line <c>#!x</c> starts a cell only when <c>x</c> is exactly a known
/// kernel name or alias (other <c>#!</c> lines are magic commands and stay in the cell); text before the first
/// selector is C#; each cell loses its leading and trailing empty lines (whitespace-only lines stay); empty cells
/// are dropped; a file without cells is one empty C# cell.
/// </remarks>
internal static class DibParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads and parses a .dib file (UTF-8, with or without a byte order mark).</summary>
    /// <exception cref="NotebookFormatException">The file is not valid UTF-8 or its <c>#!meta</c> block is invalid.</exception>
    public static NotebookDocument ParseFile(string path)
    {
        var bytes = File.ReadAllBytes(path);
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new NotebookFormatException(Path.GetFileName(path), LineOfByte(bytes, e.Index), "the file is not valid UTF-8", e);
        }
        return Parse(text, path);
    }

    /// <summary>Parses .dib text; <paramref name="path"/> only names the file in messages and results.</summary>
    /// <exception cref="NotebookFormatException">The <c>#!meta</c> block is not valid kernel metadata.</exception>
    public static NotebookDocument Parse(string text, string? path = null)
    {
        var fileName = path is null ? "notebook" : Path.GetFileName(path);
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        var lines = DibSyntax.SplitLines(text);
        var kernels = KernelNames.Default();
        NotebookMetadata? metadata = null;
        var cells = new List<NotebookCell>();
        var kernel = KernelInfo.CSharp;
        var pending = new List<int>(); // indexes into `lines` of the current cell's lines

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (metadata is null && line.StartsWith(DibSyntax.MetaPrefix, StringComparison.Ordinal))
            {
                var metaIndex = i;
                var jsonLines = new List<string>();
                // The block ends at the next "#!" line. When none follows, the loop stops on the last line with
                // `line` holding it, so that line is also read as cell content below (Polyglot's behaviour).
                while (i < lines.Length - 1 && !(line = lines[++i]).StartsWith(DibSyntax.DirectivePrefix, StringComparison.Ordinal))
                {
                    jsonLines.Add(line);
                }
                var reachesEnd = !line.StartsWith(DibSyntax.DirectivePrefix, StringComparison.Ordinal);
                metadata = ReadMetadata(jsonLines, metaIndex + 1, reachesEnd, fileName);
                kernels = WithDeclaredKernels(metadata, fileName);
            }

            if (line.StartsWith(DibSyntax.DirectivePrefix, StringComparison.Ordinal) &&
                kernels.TryResolve(line[DibSyntax.DirectivePrefix.Length..], out var selected))
            {
                AddCell();
                kernel = selected;
            }
            else
            {
                pending.Add(i);
            }
        }
        AddCell();

        if (cells.Count == 0)
        {
            cells.Add(new NotebookCell(1, kernel, "", 1));
        }
        return new NotebookDocument(cells, kernels, metadata, path);

        void AddCell()
        {
            var first = 0;
            var last = pending.Count - 1;
            while (first <= last && lines[pending[first]].Length == 0)
            {
                first++;
            }
            while (last >= first && lines[pending[last]].Length == 0)
            {
                last--;
            }
            if (first <= last)
            {
                var content = string.Join('\n', pending.Skip(first).Take(last - first + 1).Select(index => lines[index]));
                cells.Add(new NotebookCell(cells.Count + 1, kernel, content, pending[first] + 1));
            }
            pending.Clear();
        }
    }

    private static NotebookMetadata ReadMetadata(List<string> jsonLines, int line, bool reachesEnd, string fileName)
    {
        var first = jsonLines.FindIndex(l => l.Length > 0);
        var last = jsonLines.FindLastIndex(l => l.Length > 0);
        var json = first < 0 ? "" : string.Join('\n', jsonLines.Skip(first).Take(last - first + 1));

        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            var at = first < 0 ? line : line + 1 + first + (int)(e.LineNumber ?? 0);
            throw new NotebookFormatException(fileName, at, $"the #!meta block is not valid JSON: {e.Message}", e);
        }

        using (parsed)
        {
            var root = parsed.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new NotebookFormatException(fileName, line, $"the #!meta block must be a JSON object, not {root.ValueKind}");
            }
            string? defaultKernel = null;
            var declared = new List<KernelInfo>();
            if (root.TryGetProperty("kernelInfo", out var kernelInfo) && kernelInfo.ValueKind == JsonValueKind.Object)
            {
                if (kernelInfo.TryGetProperty("defaultKernelName", out var name) && name.ValueKind == JsonValueKind.String)
                {
                    defaultKernel = name.GetString();
                }
                if (kernelInfo.TryGetProperty("items", out var items))
                {
                    if (items.ValueKind != JsonValueKind.Array)
                    {
                        throw new NotebookFormatException(fileName, line, "#!meta kernelInfo.items must be an array");
                    }
                    foreach (var item in items.EnumerateArray())
                    {
                        declared.Add(ReadKernel(item, line, fileName));
                    }
                }
            }
            return new NotebookMetadata(json, line, defaultKernel, declared, reachesEnd);
        }
    }

    private static KernelInfo ReadKernel(JsonElement item, int line, string fileName)
    {
        if (item.ValueKind != JsonValueKind.Object ||
            !item.TryGetProperty("name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String)
        {
            throw new NotebookFormatException(fileName, line, $"#!meta kernelInfo.items entry {item} has no \"name\" string");
        }
        var aliases = new List<string>();
        if (item.TryGetProperty("aliases", out var aliasesElement) && aliasesElement.ValueKind != JsonValueKind.Null)
        {
            if (aliasesElement.ValueKind != JsonValueKind.Array ||
                aliasesElement.EnumerateArray().Any(a => a.ValueKind != JsonValueKind.String))
            {
                throw new NotebookFormatException(fileName, line, $"#!meta kernel '{nameElement}' has \"aliases\" that are not an array of strings");
            }
            aliases.AddRange(aliasesElement.EnumerateArray().Select(a => a.GetString()!));
        }
        var name = nameElement.GetString()!;
        foreach (var spelling in aliases.Prepend(name))
        {
            if (string.IsNullOrWhiteSpace(spelling) || spelling.StartsWith('#'))
            {
                throw new NotebookFormatException(fileName, line, $"#!meta kernel name or alias '{spelling}' is empty or starts with '#'");
            }
        }
        return new KernelInfo(name, aliases);
    }

    private static KernelNames WithDeclaredKernels(NotebookMetadata metadata, string fileName)
    {
        try
        {
            return KernelNames.WithDeclared(metadata.DeclaredKernels);
        }
        catch (ArgumentException e)
        {
            throw new NotebookFormatException(fileName, metadata.Line, $"#!meta {e.Message}", e);
        }
    }

    private static int LineOfByte(byte[] bytes, int index) =>
        1 + bytes.AsSpan(0, Math.Clamp(index, 0, bytes.Length)).Count((byte)'\n');
}
