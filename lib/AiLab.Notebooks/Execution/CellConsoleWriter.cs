using System.Text;

namespace AiLab.Notebooks.Execution;

/// <summary>A console writer that sends everything written to the running cell's outputs.</summary>
internal sealed class CellConsoleWriter(OutputRecorder recorder, string stream) : TextWriter
{
    /// <inheritdoc />
    public override Encoding Encoding => Encoding.UTF8;

    /// <inheritdoc />
    public override void Write(char value) => recorder.Stream(stream, value.ToString());

    /// <inheritdoc />
    public override void Write(string? value) => recorder.Stream(stream, value ?? "");

    /// <inheritdoc />
    public override void Write(char[] buffer, int index, int count) => recorder.Stream(stream, new string(buffer, index, count));

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<char> buffer) => recorder.Stream(stream, new string(buffer));

    /// <inheritdoc />
    public override void WriteLine(string? value) => recorder.Stream(stream, (value ?? "") + new string(CoreNewLine));
}
