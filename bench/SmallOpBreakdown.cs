using System.Diagnostics;
using AiLab.Torch;
using AiLab.Torch.Native;
using static AiLab.Torch.torch;

/// <summary>
/// Where the time of <c>a.add(b)</c> on 4-element tensors goes, layer by layer: libtorch's own
/// <c>at::add</c> called from C++, the shim call through P/Invoke (freeing the result handle), the
/// same plus the managed <see cref="Tensor"/> around the result, the generic <c>Op.Call</c>, and the
/// public method. Rounds interleave the layers so that load on a shared machine hits all alike;
/// each line is the best round.
/// </summary>
internal static unsafe class SmallOpBreakdown
{
    private const int Rounds = 15;
    private const int Iterations = 300_000;

    internal static void Run()
    {
        set_num_threads(1);
        using var a = ones(4);
        using var b = ones(4);
        var add = new Op("aten::add", "Tensor");
        add.Call(a, b).Dispose();  // finds the operator
        var handle = add.Handle;

        var args = stackalloc NativeArg[2];
        var outs = stackalloc NativeArg[1];
        args[0] = new NativeArg { Kind = ArgKind.Tensor, Pointer = a.Handle };
        args[1] = new NativeArg { Kind = ArgKind.Tensor, Pointer = b.Handle };
        var (argsPtr, outsPtr) = ((IntPtr)args, (IntPtr)outs);

        var layers = new (string Name, Action Body)[]
        {
            ("C++ at::add (libtorch alone)", () => { }),
            ("+ P/Invoke shim call, free result", () =>
            {
                for (var i = 0; i < Iterations; i++)
                {
                    NativeMethods.ailab_op_call(handle, (NativeArg*)argsPtr, 2, (NativeArg*)outsPtr, 1, out _);
                    NativeMethods.ailab_tensor_free(((NativeArg*)outsPtr)->Pointer);
                }
            }),
            ("+ managed Tensor (pooled finalizable slot), disposed", () =>
            {
                for (var i = 0; i < Iterations; i++)
                {
                    NativeMethods.ailab_op_call(handle, (NativeArg*)argsPtr, 2, (NativeArg*)outsPtr, 1, out _);
                    new Tensor(((NativeArg*)outsPtr)->Pointer, 0).Dispose();
                }
            }),
            ("+ generic Op.Call(params ReadOnlySpan<Arg>)", () => { for (var i = 0; i < Iterations; i++) add.Call(a, b).Dispose(); }),
            ("= a.add(b) (the public method)", () => { for (var i = 0; i < Iterations; i++) a.add(b).Dispose(); }),
        };
        var best = Enumerable.Repeat(double.MaxValue, layers.Length).ToArray();
        for (var round = 0; round < Rounds; round++)
        {
            best[0] = Math.Min(best[0], NativeMethods.ailab_bench_direct_add(Iterations));
            for (var k = 1; k < layers.Length; k++)
            {
                var sw = Stopwatch.StartNew();
                layers[k].Body();
                best[k] = Math.Min(best[k], sw.Elapsed.TotalSeconds / Iterations);
            }
        }
        Console.WriteLine($"a.add(b) on 4-element float tensors, 1 thread, best of {Rounds} interleaved rounds of {Iterations:N0}");
        Console.WriteLine();
        Console.WriteLine("| layer | ns per call | added |");
        Console.WriteLine("|---|---|---|");
        for (var k = 0; k < layers.Length; k++)
        {
            var added = k == 0 ? "" : $"{(best[k] - best[k - 1]) * 1e9:+0;-0} ns";
            Console.WriteLine($"| {layers[k].Name} | {best[k] * 1e9:F0} | {added} |");
        }
    }
}
