using System.Text;

namespace AiLab.Charts;

public sealed partial class Figure
{
    /// <summary>
    /// The notebook display protocol: <c>text/html</c> (draws the figure with plotly.js, see <see cref="ChartDisplay"/>)
    /// and <c>text/plain</c> (title and trace summary, for headless logs). The runner's <c>display(fig)</c> and a
    /// cell ending in a figure both use it.
    /// </summary>
    public IReadOnlyDictionary<string, string> ToDisplayBundle()
    {
        var source = ChartDisplay.PlotlyJs;
        var carry = source.Kind == PlotlyJsSource.Inline.Kind && ChartDisplay.ClaimInlineLibrary();
        return new Dictionary<string, string>
        {
            ["text/html"] = ChartHtml.Fragment(this, source, carry),
            ["text/plain"] = ToString(),
        };
    }

    /// <summary>Title and one line per trace, e.g. <c>Figure "ROC curve": 3 traces</c> then <c>  scatter "MLP (AUC = 0.991)" (115 points)</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("Figure");
        if (Title is { } title) text.Append(" \"").Append(title).Append('"');
        text.Append(": ").Append(traces.Length).Append(traces.Length == 1 ? " trace" : " traces");
        foreach (var trace in traces) text.Append("\n  ").Append(trace);
        return text.ToString();
    }
}
