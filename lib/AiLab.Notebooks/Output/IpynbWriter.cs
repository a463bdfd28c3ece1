using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiLab.Notebooks.Documents;
using AiLab.Notebooks.Results;
using AiLab.Notebooks.Scripting;

namespace AiLab.Notebooks.Output;

/// <summary>
/// Writes Jupyter notebooks (nbformat 4.5) with the metadata Polyglot Notebooks uses, so VS Code opens them as C#
/// notebooks and GitHub renders them: with the outputs of a run (every MIME type kept, per-cell timings in the
/// metadata) or without outputs (<c>ailab export --to ipynb</c>).
/// </summary>
internal static class IpynbWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private const string DefaultKernelInfo = """{"defaultKernelName":"csharp","items":[{"aliases":[],"name":"csharp"}]}""";

    /// <summary>The notebook as .ipynb JSON; <paramref name="executions"/> supplies outputs (none for an export).</summary>
    public static string Write(NotebookDocument document, IReadOnlyList<CellExecution>? executions = null)
    {
        var byCell = (executions ?? []).ToDictionary(e => e.Cell);
        var cells = new JsonArray();
        foreach (var cell in document.Cells)
        {
            cells.Add(cell.IsMarkdown ? MarkdownCell(cell) : CodeCell(cell, byCell.GetValueOrDefault(cell.Number)));
        }
        var notebook = new JsonObject
        {
            ["cells"] = cells,
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["language_info"] = new JsonObject
                {
                    ["file_extension"] = ".cs", ["mimetype"] = "text/x-csharp", ["name"] = "C#", ["pygments_lexer"] = "csharp",
                },
                ["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = KernelInfo(document) },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        return notebook.ToJsonString(Json) + "\n";
    }

    private static JsonNode KernelInfo(NotebookDocument document)
    {
        if (document.Metadata is { } metadata && JsonNode.Parse(metadata.Json) is JsonObject root && root["kernelInfo"] is JsonObject kernelInfo)
        {
            return kernelInfo.DeepClone();
        }
        return JsonNode.Parse(DefaultKernelInfo)!;
    }

    private static JsonObject MarkdownCell(NotebookCell cell) => new()
    {
        ["cell_type"] = "markdown",
        ["id"] = CellId(cell),
        ["metadata"] = new JsonObject(),
        ["source"] = Lines(cell.Content),
    };

    private static JsonObject CodeCell(NotebookCell cell, CellExecution? execution)
    {
        var metadata = new JsonObject
        {
            ["dotnet_interactive"] = new JsonObject { ["language"] = cell.Kernel },
            ["polyglot_notebook"] = new JsonObject { ["kernelName"] = cell.Kernel },
        };
        var outputs = new JsonArray();
        if (execution is not null)
        {
            var finished = execution.Started + TimeSpan.FromSeconds(execution.Seconds);
            metadata["execution"] = new JsonObject
            {
                ["iopub.execute_input"] = Timestamp(execution.Started),
                ["shell.execute_reply"] = Timestamp(finished),
            };
            metadata["ailab"] = new JsonObject { ["seconds"] = Math.Round(execution.Seconds, 4), ["line"] = cell.StartLine };
            foreach (var output in execution.Outputs)
            {
                outputs.Add(Output(output, execution.ExecutionCount));
            }
        }
        return new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = execution?.ExecutionCount,
            ["id"] = CellId(cell),
            ["metadata"] = metadata,
            ["outputs"] = outputs,
            ["source"] = Lines(cell.Content),
        };
    }

    private static JsonObject Output(CellOutput output, int executionCount) => output.Kind switch
    {
        OutputKind.Stream => new JsonObject
        {
            ["output_type"] = "stream", ["name"] = output.Stream ?? "stdout", ["text"] = Lines(output.Text ?? ""),
        },
        OutputKind.Display => new JsonObject
        {
            ["output_type"] = "display_data", ["data"] = Data(output.Data), ["metadata"] = new JsonObject(),
        },
        OutputKind.Result => new JsonObject
        {
            ["output_type"] = "execute_result", ["execution_count"] = executionCount, ["data"] = Data(output.Data), ["metadata"] = new JsonObject(),
        },
        _ => new JsonObject
        {
            ["output_type"] = "error",
            ["ename"] = output.ErrorName ?? "Error",
            ["evalue"] = output.ErrorValue ?? "",
            ["traceback"] = new JsonArray([.. (output.Traceback ?? []).Select(line => (JsonNode?)JsonValue.Create(line))]),
        },
    };

    // Text types are stored as arrays of lines (the nbformat convention); binary types as one base64 string.
    private static JsonObject Data(Dictionary<string, string>? data)
    {
        var result = new JsonObject();
        foreach (var (mime, content) in data ?? [])
        {
            result[mime] = mime.StartsWith("text/", StringComparison.Ordinal) || mime.EndsWith("+xml", StringComparison.Ordinal)
                ? Lines(content)
                : JsonValue.Create(content.Replace("\n", "", StringComparison.Ordinal));
        }
        if (result.Count == 0)
        {
            result[MimeTypes.PlainText] = new JsonArray();
        }
        return result;
    }

    /// <summary>Splits text into nbformat's line array: every line but the last keeps its "\n".</summary>
    public static JsonArray Lines(string text)
    {
        var lines = new JsonArray();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }
        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }
        return lines;
    }

    private static string CellId(NotebookCell cell) => $"cell-{cell.Number.ToString(CultureInfo.InvariantCulture)}";

    private static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
