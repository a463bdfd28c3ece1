namespace AiLab.Notebooks.Scripting;

/// <summary>An output shown by <c>display(x)</c>; <see cref="Update"/> replaces it in place.</summary>
public sealed class DisplayedValue
{
    private readonly string[] _mimeTypes;

    internal DisplayedValue(string[] mimeTypes)
    {
        _mimeTypes = mimeTypes ?? [];
        DisplayId = Guid.NewGuid().ToString("N");
    }

    /// <summary>Identifies the output (the same id across updates).</summary>
    public string DisplayId { get; }

    /// <summary>Replaces the displayed output with <paramref name="newValue"/>, formatted the same way.</summary>
    public void Update(object? newValue) => Send(newValue, (sink, bundle) => sink.Update(DisplayId, bundle));

    internal void Show(object? value) => Send(value, (sink, bundle) => sink.Display(DisplayId, bundle));

    // Outside a notebook run (no sink) the text form goes to the console.
    private void Send(object? value, Action<IOutputSink, IReadOnlyDictionary<string, string>> send)
    {
        var bundle = DisplayFormatter.Format(value, _mimeTypes);
        if (NotebookOutput.Current is { } sink)
        {
            send(sink, bundle);
        }
        else
        {
            Console.WriteLine(DisplayFormatter.PlainText(bundle));
        }
    }
}
