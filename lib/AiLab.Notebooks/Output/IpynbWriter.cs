using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiLab.Notebooks.Documents;
using AiLab.Notebooks.Results;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace AiLab.Notebooks.Output;

/// <summary>
/// Writes Jupyter notebooks through <c>Microsoft.DotNet.Interactive.Documents</c>' own writer (the form VS Code
/// opens and GitHub renders): with the outputs of a run — every MIME type kept, per-cell timing in the cell metadata
/// (<c>execution</c> timestamps as Jupyter writes them, and <c>ailab.seconds</c> / <c>ailab.line</c>) — or
/// without outputs (<c>ailab export --to ipynb</c>).
/// </summary>
internal static class IpynbWriter
{
    /// <summary>The notebook as .ipynb JSON; <paramref name="executions"/> supplies outputs (none for an export).</summary>
    public static string Write(NotebookDocument document, IReadOnlyList<CellExecution>? executions = null)
    {
        var byCell = (executions ?? []).ToDictionary(e => e.Cell);
        var output = new InteractiveDocument();
        foreach (var (key, value) in document.Source.Metadata.Where(m => !OwnMetadata.Contains(m.Key)))
        {
            output.Metadata[key] = value;
        }
        foreach (var cell in document.Cells)
        {
            output.Add(Element(cell, byCell.GetValueOrDefault(cell.Number)));
        }
        var defaultKernel = document.Source.GetDefaultKernelName() ?? KnownKernels.CSharp;
        var language = defaultKernel is "csharp" or "fsharp" or "pwsh" ? defaultKernel : KnownKernels.CSharp;
        return WithKernelInfo(output.ToJupyterJson(language), KernelInfo(document)) + "\n";
    }

    // The writer fills these itself; copied from a parsed .ipynb they are plain dictionaries it cannot cast.
    private static readonly HashSet<string> OwnMetadata = ["kernelInfo", "polyglot_notebook", "kernelspec", "language_info"];

    // Measured on Documents 1.0.0-beta.26120.1: the writer puts the kernel list straight under "polyglot_notebook",
    // while VS Code writes and reads {"polyglot_notebook": {"kernelInfo": {…}}}; write VS Code's form, with the
    // notebook's own kernel declarations.
    private static string WithKernelInfo(string json, JsonNode? kernelInfo)
    {
        var notebook = JsonNode.Parse(json)!;
        var metadata = notebook["metadata"]!.AsObject();
        var written = metadata["polyglot_notebook"]?.DeepClone();
        metadata["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = kernelInfo?.DeepClone() ?? written };
        return notebook.ToJsonString(Json);
    }

    private static JsonNode? KernelInfo(NotebookDocument document)
    {
        var metadata = document.Source.Metadata;
        object? value = metadata.TryGetValue("kernelInfo", out var dib) ? dib
            : metadata.TryGetValue("polyglot_notebook", out var polyglot) && polyglot is IDictionary<string, object> p && p.TryGetValue("kernelInfo", out var jupyter) ? jupyter
            : null;
        return value is null ? null : JsonNode.Parse(JsonSerializer.Serialize(value, KernelInfoJson));
    }

    // KernelInfoCollection carries its own converter; camelCase like the rest of the metadata.
    private static readonly JsonSerializerOptions KernelInfoJson = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, IndentSize = 1, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static InteractiveDocumentElement Element(NotebookCell cell, CellExecution? execution)
    {
        var element = new InteractiveDocumentElement(cell.Content, cell.Kernel) { Id = $"cell-{cell.Number.ToString(CultureInfo.InvariantCulture)}" };
        if (cell.IsMarkdown || execution is null)
        {
            return element;
        }
        element.ExecutionOrder = execution.ExecutionCount;
        var finished = execution.Started + TimeSpan.FromSeconds(execution.Seconds);
        element.Metadata = new Dictionary<string, object>
        {
            ["execution"] = new Dictionary<string, object>
            {
                ["iopub.execute_input"] = Timestamp(execution.Started),
                ["shell.execute_reply"] = Timestamp(finished),
            },
            ["ailab"] = new Dictionary<string, object> { ["seconds"] = Math.Round(execution.Seconds, 4), ["line"] = cell.StartLine },
        };
        foreach (var output in execution.Outputs)
        {
            element.Outputs.Add(Output(output, execution.ExecutionCount));
        }
        return element;
    }

    private static InteractiveDocumentOutputElement Output(CellOutput output, int executionCount)
    {
        switch (output.Kind)
        {
            case OutputKind.Stream:
                return new TextElement(output.Text ?? "", output.Stream ?? "stdout");
            case OutputKind.Display:
                return new DisplayElement(Data(output.Data));
            case OutputKind.Result:
                var result = new ReturnValueElement { ExecutionOrder = executionCount };
                foreach (var (mime, value) in Data(output.Data))
                {
                    result.Data[mime] = value;
                }
                return result;
            default:
                return new ErrorElement(output.ErrorValue ?? "", output.ErrorName ?? "Error", [.. output.Traceback ?? []]);
        }
    }

    private static Dictionary<string, object> Data(Dictionary<string, string>? data) =>
        (data ?? []).ToDictionary(p => p.Key, p => (object)p.Value);

    private static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
