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
    public void Update(object? newValue)
    {
        var bundle = DisplayFormatter.Format(newValue, _mimeTypes);
        if (NotebookOutput.Current is { } sink)
        {
            sink.Update(DisplayId, bundle);
        }
        else
        {
            Console.WriteLine(DisplayFormatter.PlainText(bundle));
        }
    }

    internal void Show(object? value)
    {
        var bundle = DisplayFormatter.Format(value, _mimeTypes);
        if (NotebookOutput.Current is { } sink)
        {
            sink.Display(DisplayId, bundle);
        }
        else
        {
            Console.WriteLine(DisplayFormatter.PlainText(bundle));
        }
    }
}
