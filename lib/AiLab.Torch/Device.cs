namespace AiLab.Torch;

/// <summary>Device kinds, numbered like c10::DeviceType.</summary>
public enum DeviceType
{
    /// <summary>The CPU.</summary>
    CPU = 0,
    /// <summary>An NVIDIA GPU.</summary>
    CUDA = 1,
}

/// <summary>Where a tensor lives: <c>cpu</c> or <c>cuda:N</c> (<c>torch.device</c>).</summary>
public sealed record Device(DeviceType type, int index = -1)
{
    /// <summary>The CPU.</summary>
    public static Device CPU { get; } = new(DeviceType.CPU);

    /// <summary>Parses <c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>.</summary>
    public static Device Parse(string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        var parts = description.Trim().ToLowerInvariant().Split(':');
        var type = parts[0] switch
        {
            "cpu" => DeviceType.CPU,
            "cuda" => DeviceType.CUDA,
            _ => throw new ArgumentException($"unknown device '{description}' (expected cpu, cuda or cuda:N)", nameof(description)),
        };
        if (parts.Length == 1) return new Device(type);
        if (parts.Length == 2 && int.TryParse(parts[1], out var index) && index >= 0) return new Device(type, index);
        throw new ArgumentException($"bad device index in '{description}'", nameof(description));
    }

    /// <summary>Converts <c>"cuda:0"</c>-style strings.</summary>
    public static implicit operator Device(string description) => Parse(description);

    /// <inheritdoc/>
    public override string ToString() =>
        (type == DeviceType.CPU ? "cpu" : "cuda") + (index >= 0 ? $":{index}" : "");
}
