using System.Collections;
using System.Runtime.CompilerServices;

namespace AiLab.Torch.Data;

/// <summary>
/// Finds the tensors a batch holds — the batch itself if it is a tensor, and recursively the items of arrays,
/// lists and other enumerables, dictionary values and tuples — so the data loader can own and dispose them.
/// </summary>
internal static class BatchOwnership
{
    internal static IEnumerable<Tensor> TensorsIn(object? batch)
    {
        switch (batch)
        {
            case null or string:
                yield break;
            case Tensor t:
                yield return t;
                break;
            case IDictionary dictionary:
                foreach (var value in dictionary.Values)
                    foreach (var t in TensorsIn(value)) yield return t;
                break;
            case ITuple tuple:
                for (var k = 0; k < tuple.Length; k++)
                    foreach (var t in TensorsIn(tuple[k])) yield return t;
                break;
            case IEnumerable items:
                foreach (var item in items)
                    foreach (var t in TensorsIn(item)) yield return t;
                break;
        }
    }
}
