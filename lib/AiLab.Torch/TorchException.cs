namespace AiLab.Torch;

/// <summary>An error reported by libtorch, with the operation that raised it.</summary>
public sealed class TorchException : Exception
{
    /// <summary>Creates the exception for <paramref name="operation"/> with libtorch's message.</summary>
    public TorchException(string operation, string message) : base($"{operation}: {message}")
    {
        Operation = operation;
        TorchMessage = message;
    }

    /// <summary>The operator or entry point that failed, e.g. <c>aten::mm</c>.</summary>
    public string Operation { get; }

    /// <summary>libtorch's own message, without the operation prefix.</summary>
    public string TorchMessage { get; }
}
