using System.Diagnostics;

namespace AiLab.Torch.Tests;

[Collection(TorchCollection.Name)]
public sealed class LifetimeTests
{
    [Fact]
    public void DisposeScope_DisposesWhatWasCreatedInside()
    {
        Tensor inner, kept, detached;
        using var outside = ones(1);
        using (var scope = NewDisposeScope())
        {
            inner = ones(2) * 3;
            kept = (inner + 1).MoveToOuterDisposeScope();
            detached = (inner + 2).DetachFromDisposeScope();
            Assert.Equal(2, scope.Count); // ones(2) and inner
        }
        Assert.True(inner.IsDisposed);
        Assert.False(kept.IsDisposed);
        Assert.False(detached.IsDisposed);
        Assert.False(outside.IsDisposed);
        kept.Dispose();
        detached.Dispose();
    }

    [Fact]
    public void DisposeScope_Nested_MovesToTheEnclosingScope()
    {
        Tensor moved;
        using (var outer = NewDisposeScope())
        {
            using (NewDisposeScope())
            {
                moved = ones(3).MoveToOuterDisposeScope();
            }
            Assert.False(moved.IsDisposed);
            Assert.Equal(1, outer.Count);
        }
        Assert.True(moved.IsDisposed);
    }

    [Fact]
    public void DisposeScope_ClosingOuterFirst_ClosesInnerToo()
    {
        var outer = NewDisposeScope();
        var inner = NewDisposeScope();
        var t = ones(1);
        outer.Dispose();
        Assert.True(t.IsDisposed);
        using var after = ones(1);
        Assert.False(after.IsDisposed); // no scope is current any more
        inner.Dispose();
        Assert.False(after.IsDisposed);
    }

    [Fact]
    public async Task DisposeScope_FollowsAwaitOnASingleThreadedContext()
    {
        // The notebook runner executes cells on one thread with a single-threaded
        // SynchronizationContext; scopes (like libtorch's grad mode) are per thread.
        var (created, disposedAtEnd) = await SingleThreadContext.Run(async () =>
        {
            Tensor t;
            using (NewDisposeScope())
            {
                await Task.Delay(10);
                t = ones(2);
                await Task.Yield();
                using (no_grad())
                {
                    await Task.Delay(1);
                    Assert.False(is_grad_enabled());
                }
            }
            return (t, t.IsDisposed);
        });
        Assert.True(disposedAtEnd);
        Assert.True(created.IsDisposed);
    }

    [Fact]
    public void ForgottenTensors_AreFinalizedByTheGc()
    {
        var before = Tensor.LiveCount;
        for (var i = 0; i < 2000; i++) _ = ones(64, 64) + 1;
        CollectFully();
        Assert.True(Tensor.LiveCount - before < 100, $"{Tensor.LiveCount - before} tensors still alive after GC");
    }

    [Fact]
    public void DisposedTensor_StaysDisposed_WhenItsNativeSlotServesANewTensor()
    {
        // Disposing returns the tensor's native slot to a per-thread pool; the next tensor reuses it.
        var first = ones(2);
        first.Dispose();
        using var second = full([3], 7.0f);
        Assert.True(first.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => first.sum());
        first.Dispose();  // a second Dispose must not free what the slot now holds
        Assert.False(second.IsDisposed);
        Assert.Equal([7f, 7f, 7f], second.ToArray<float>());
    }

    [Fact]
    public void TensorsDisposedOnAnotherThread_AreFreedAndCounted()
    {
        var before = Tensor.LiveCount;
        var tensors = Enumerable.Range(0, 1000).Select(_ => ones(4)).ToArray();
        Assert.Equal(before + 1000, Tensor.LiveCount);
        var other = new Thread(() => { foreach (var t in tensors) t.Dispose(); });
        other.Start();
        other.Join();
        Assert.Equal(before, Tensor.LiveCount);
        Assert.All(tensors, t => Assert.True(t.IsDisposed));
        using var next = ones(4);  // this thread's pool is unaffected
        using var sum = next.sum();
        Assert.Equal(4f, sum.item<float>());
    }

    [Fact]
    public void TrainingLoop_InDisposeScopes_KeepsMemoryFlat()
    {
        manual_seed(0);
        using var x = randn(32, 16);
        using var y = randn(32, 1);
        using var w = zeros([16, 1], requires_grad: true);
        void Step()
        {
            using var scope = NewDisposeScope();
            var loss = (x.matmul(w) - y).pow(2).mean();
            loss.backward();
            using (no_grad()) w.sub_(w.grad! * 0.01);
            w.grad = null;
        }
        for (var i = 0; i < 500; i++) Step(); // warm up allocator and JIT
        CollectFully();
        var liveBefore = Tensor.LiveCount;
        var rssBefore = ResidentBytes();
        for (var i = 0; i < 10_000; i++) Step();
        CollectFully();
        var rssGrowthMb = (ResidentBytes() - rssBefore) / 1e6;
        Assert.Equal(liveBefore, Tensor.LiveCount);
        Assert.True(rssGrowthMb < 50, $"resident memory grew {rssGrowthMb:F1} MB over 10,000 steps");
    }

    // Finalizes garbage left by earlier tests, so the live count only reflects this test.
    private static void CollectFully()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static long ResidentBytes()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64;
    }
}

/// <summary>Runs async code on one dedicated thread whose awaits resume on that thread.</summary>
internal sealed class SingleThreadContext : SynchronizationContext
{
    private readonly System.Collections.Concurrent.BlockingCollection<(SendOrPostCallback, object?)> _queue = new();

    public override void Post(SendOrPostCallback d, object? state) => _queue.Add((d, state));

    internal static Task<T> Run<T>(Func<Task<T>> body)
    {
        var result = new TaskCompletionSource<T>();
        var thread = new Thread(() =>
        {
            var context = new SingleThreadContext();
            SetSynchronizationContext(context);
            var task = body();
            task.ContinueWith(_ => context._queue.CompleteAdding(), TaskScheduler.Default);
            foreach (var (callback, state) in context._queue.GetConsumingEnumerable()) callback(state);
            if (task.IsFaulted) result.SetException(task.Exception!.InnerExceptions);
            else result.SetResult(task.Result);
        });
        thread.Start();
        return result.Task;
    }
}
