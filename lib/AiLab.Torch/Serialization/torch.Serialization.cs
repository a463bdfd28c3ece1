using AiLab.Torch.Serialization;

namespace AiLab.Torch;

// Serialization: https://pytorch.org/docs/stable/torch.html#serialization — in the safetensors format
// rather than PyTorch's pickle (safe to load, readable by Python's safetensors).
public static partial class torch
{
    /// <summary>
    /// Saves named tensors (e.g. <c>model.state_dict()</c>) to <paramref name="path"/> in the safetensors format, with
    /// optional string <paramref name="metadata"/>. The file is replaced atomically. Python reads it with
    /// <c>safetensors.torch.load_file(path)</c>.
    /// </summary>
    public static void save(IReadOnlyDictionary<string, Tensor> tensors, string path, IReadOnlyDictionary<string, string>? metadata = null) =>
        SafeTensors.Save(tensors, path, metadata);

    /// <summary>Loads every tensor of a safetensors file onto <paramref name="device"/> (default CPU); the caller owns them.</summary>
    public static Dictionary<string, Tensor> load(string path, Device? device = null) => SafeTensors.Load(path, device);

    /// <summary>Loads every tensor of a safetensors file and its <c>__metadata__</c> strings.</summary>
    public static Dictionary<string, Tensor> load(string path, out IReadOnlyDictionary<string, string> metadata, Device? device = null) =>
        SafeTensors.Load(path, out metadata, device);
}
