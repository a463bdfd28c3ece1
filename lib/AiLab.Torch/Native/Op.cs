using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AiLab.Torch.Native;

/// <summary>
/// An ATen operator, found by (name, overload) through the dispatcher on first use and cached.
/// Typed wrappers keep one static <see cref="Op"/> per overload and call it with <see cref="Arg"/>s.
/// </summary>
internal sealed unsafe class Op
{
    private const int InlineResults = 8;
    private const int MaxArguments = 24;  // ATen's widest schemas (e.g. lstm, multi_head_attention) take fewer
    private IntPtr _handle;

    internal Op(string name, string overload = "")
    {
        Name = name;
        Overload = overload;
    }

    internal string Name { get; }
    internal string Overload { get; }
    internal string FullName => Overload.Length == 0 ? Name : $"{Name}.{Overload}";

    /// <summary>The shim's handle of the operator, found on first use.</summary>
    internal IntPtr Handle => _handle != IntPtr.Zero ? _handle : Find();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private IntPtr Find()
    {
        NativeMethods.Check(NativeMethods.ailab_op_find(Name, Overload, out var handle), FullName);
        return _handle = handle;
    }

    /// <summary>The schema as libtorch prints it (for error messages and docs).</summary>
    internal string Schema
    {
        get
        {
            NativeMethods.Check(NativeMethods.ailab_op_schema(Handle, out var text), FullName);
            return Marshal.PtrToStringUTF8(text) ?? "";
        }
    }

    /// <summary>True when the shim calls this operator unboxed (tensors and scalars only, one tensor result).</summary>
    internal bool IsUnboxed => NativeMethods.ailab_op_is_unboxed(Handle) != 0;

    /// <summary>Calls an operator that returns one tensor.</summary>
    internal Tensor Call(params ReadOnlySpan<Arg> args)
    {
        NativeArg* outs = stackalloc NativeArg[InlineResults];
        var count = Invoke(args, outs, InlineResults);
        if (count != 1 || outs[0].Kind != ArgKind.Tensor) throw NotOneTensor(outs, count);
        return new Tensor(outs[0].Pointer, outs[0].NBytes);
    }

    /// <summary>Calls an operator that returns several tensors (a tuple or a tensor list).</summary>
    internal Tensor[] CallTensors(params ReadOnlySpan<Arg> args)
    {
        NativeArg* inline = stackalloc NativeArg[InlineResults];
        var count = Invoke(args, inline, InlineResults);
        if (count <= InlineResults) return ToTensors(inline, count);
        var all = new NativeArg[count];
        fixed (NativeArg* outs = all)
        {
            NativeMethods.Check(NativeMethods.ailab_op_results(outs, count), FullName);
            return ToTensors(outs, count);
        }
    }

    /// <summary>Calls an operator that returns a number or a bool (e.g. <c>aten::item</c>, <c>aten::equal</c>).</summary>
    internal Scalar CallScalar(params ReadOnlySpan<Arg> args)
    {
        NativeArg* outs = stackalloc NativeArg[InlineResults];
        var count = Invoke(args, outs, InlineResults);
        if (count == 1)
        {
            switch (outs[0].Kind)
            {
                case ArgKind.Int: return outs[0].Int;
                case ArgKind.Double: return outs[0].Double;
                case ArgKind.Bool: return outs[0].Int != 0;
            }
        }
        ReleaseResults(outs, count);
        throw new TorchException(FullName, "expected one number result");
    }

    /// <summary>Calls an in-place operator (first argument <c>self</c>); the shim makes no handle for the self it returns.</summary>
    internal void CallInPlace(params ReadOnlySpan<Arg> args) => Invoke(args, null, capacity: 0);

    // Failures are built in methods of their own: their string formatting would otherwise add
    // zero-initialised locals to the hot methods' frames (see Invoke's remarks).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private TorchException NotOneTensor(NativeArg* outs, int count)
    {
        ReleaseResults(outs, count);
        return new TorchException(FullName, $"expected one tensor result, got {count} results");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private TorchException Failure() => new(FullName, NativeMethods.LastError());

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ArgumentException TooManyArguments() => new($"{FullName}: at most {MaxArguments} arguments are supported");

    private Tensor[] ToTensors(NativeArg* outs, int count)
    {
        var tensors = new Tensor[count];
        for (var k = 0; k < count; k++)
        {
            if (outs[k].Kind != ArgKind.Tensor)
            {
                for (var j = 0; j < k; j++) tensors[j].Dispose();
                ReleaseResults(outs + k, count - k);
                throw new TorchException(FullName, $"result {k} is not a tensor ({outs[k].Kind})");
            }
            tensors[k] = new Tensor(outs[k].Pointer, outs[k].NBytes);
        }
        return tensors;
    }

    private static void ReleaseResults(NativeArg* outs, int count)
    {
        for (var k = 0; k < Math.Min(count, InlineResults); k++)
            if (outs[k].Kind == ArgKind.Tensor) NativeMethods.ailab_tensor_free(outs[k].Pointer);
    }

    /// <summary>Marshals the arguments, calls the shim, returns the number of results.</summary>
    /// <remarks>
    /// A small op costs under a microsecond, so the common case (tensors and numbers) has no
    /// try/finally, no allocation and no locals the JIT must zero: it clears them with AVX-512 stores,
    /// and on the machines measured the runtime's SSE code that sets up the P/Invoke frame right after
    /// then stalled for ~250 ns per call (bench/'s breakdown mode measures each layer).
    /// </remarks>
    private int Invoke(ReadOnlySpan<Arg> args, NativeArg* outs, int capacity)
    {
        var handle = Handle;
        if (args.Length > MaxArguments) throw TooManyArguments();
        // A fixed-size local rather than stackalloc: methods with stackalloc skip tiered compilation.
        Unsafe.SkipInit(out NativeArgBuffer buffer);
        var native = (NativeArg*)Unsafe.AsPointer(ref buffer[0]);
        for (var k = 0; k < args.Length; k++)
            if (!TryMarshalScalar(in args[k], ref native[k]))
                return InvokeWithBuffers(handle, args, native, k, outs, capacity);
        var status = NativeMethods.ailab_op_call(handle, native, args.Length, outs, capacity, out var count);
        // The tensors must stay reachable (not finalized) until the native call has returned.
        foreach (ref readonly var a in args) GC.KeepAlive(a.Reference);
        if (status != 0) throw Failure();
        return count;
    }

    /// <summary>Fills a tensor, number, dtype, device, None or default argument; false for lists and strings.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryMarshalScalar(in Arg a, ref NativeArg n)
    {
        n.Kind = a.Kind;
        switch (a.Kind)
        {
            case ArgKind.Tensor:
                n.Pointer = ((Tensor)a.Reference!).Handle;
                return true;
            case ArgKind.Int or ArgKind.Bool or ArgKind.ScalarType:
                n.Int = a.Integer;
                return true;
            case ArgKind.Double:
                n.Double = a.Floating;
                return true;
            case ArgKind.Device:
                var device = (Device)a.Reference!;
                n.Int = (long)device.type;
                n.Length = device.index;
                return true;
            case ArgKind.None or ArgKind.Default:
                return true;
            default:
                return false;
        }
    }

    /// <summary>The path for calls with lists or strings (from argument <paramref name="first"/> on):
    /// number lists are pinned, tensor lists and strings copied to native memory, all freed after the call.</summary>
    private int InvokeWithBuffers(IntPtr handle, ReadOnlySpan<Arg> args, NativeArg* native, int first, NativeArg* outs, int capacity)
    {
        GCHandle[]? pins = null;
        List<IntPtr>? allocations = null;
        try
        {
            for (var k = first; k < args.Length; k++)
            {
                ref readonly var a = ref args[k];
                ref var n = ref native[k];
                if (TryMarshalScalar(in a, ref n)) continue;
                switch (a.Kind)
                {
                    case ArgKind.IntList or ArgKind.DoubleList:
                        var array = (Array)a.Reference!;
                        pins ??= new GCHandle[args.Length];
                        pins[k] = GCHandle.Alloc(array, GCHandleType.Pinned);
                        n.Pointer = pins[k].AddrOfPinnedObject();
                        n.Length = array.Length;
                        break;
                    case ArgKind.BoolList:
                        var flags = (bool[])a.Reference!;
                        var flagsMemory = Allocate(ref allocations, flags.Length * sizeof(long));
                        for (var j = 0; j < flags.Length; j++) ((long*)flagsMemory)[j] = flags[j] ? 1 : 0;
                        n.Pointer = flagsMemory;
                        n.Length = flags.Length;
                        break;
                    case ArgKind.TensorList or ArgKind.OptionalTensorList:
                        var tensors = (Tensor?[])a.Reference!;
                        var list = Allocate(ref allocations, Math.Max(1, tensors.Length) * IntPtr.Size);
                        for (var j = 0; j < tensors.Length; j++)
                            ((IntPtr*)list)[j] = tensors[j]?.Handle ?? (a.Kind == ArgKind.TensorList
                                ? throw new ArgumentNullException($"{FullName}: tensor list element {j} is null")
                                : IntPtr.Zero);
                        n.Pointer = list;
                        n.Length = tensors.Length;
                        break;
                    case ArgKind.String:
                        var text = Marshal.StringToCoTaskMemUTF8((string)a.Reference!);
                        (allocations ??= []).Add(text);
                        n.Pointer = text;
                        break;
                }
            }
            var status = CallShim(handle, native, args.Length, outs, capacity, out var count);
            if (status != 0) throw Failure();
            return count;
        }
        finally
        {
            if (pins is not null)
                foreach (var pin in pins)
                    if (pin.IsAllocated) pin.Free();
            if (allocations is not null)
                foreach (var memory in allocations) Marshal.FreeCoTaskMem(memory);
            foreach (ref readonly var a in args) GC.KeepAlive(a.Reference);
        }
    }

    // The JIT does not inline a P/Invoke inside a try region; keep it in this small method instead.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int CallShim(IntPtr handle, NativeArg* args, int nargs, NativeArg* outs, int capacity, out int count) =>
        NativeMethods.ailab_op_call(handle, args, nargs, outs, capacity, out count);

    private static IntPtr Allocate(ref List<IntPtr>? allocations, int bytes)
    {
        var memory = Marshal.AllocCoTaskMem(bytes);
        (allocations ??= []).Add(memory);
        return memory;
    }

    [InlineArray(MaxArguments)]
    private struct NativeArgBuffer
    {
        private NativeArg _first;
    }
}
