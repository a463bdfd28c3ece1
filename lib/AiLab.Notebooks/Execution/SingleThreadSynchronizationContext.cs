using System.Diagnostics;
using System.Reflection;

namespace AiLab.Notebooks.Execution;

/// <summary>
/// A synchronization context that runs every continuation on the one thread that pumps it, so that code after an
/// <c>await</c> in a cell resumes on the cell thread (libtorch's grad mode and dispose scopes are thread-local).
/// </summary>
internal sealed class SingleThreadSynchronizationContext : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State, long Enqueued)> _queue = new();
    private readonly object _gate = new();
    private bool _completed;
    private int _pumpThreadId;

    /// <summary>
    /// How long the oldest queued continuation has waited, or null when none waits. A long wait while a cell runs
    /// means the cell thread is blocked on something that needs the cell thread (<c>.Result</c> on an async call).
    /// </summary>
    public TimeSpan? OldestPendingAge
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count == 0 ? null : Stopwatch.GetElapsedTime(_queue.Peek().Enqueued);
            }
        }
    }

    /// <inheritdoc />
    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (_gate)
        {
            if (!_completed)
            {
                _queue.Enqueue((d, state, Stopwatch.GetTimestamp()));
                Monitor.Pulse(_gate);
                return;
            }
        }
        // Work posted after the pump stopped (a fire-and-forget task outliving the notebook) still runs.
        ThreadPool.QueueUserWorkItem(s => d(s), state);
    }

    /// <inheritdoc />
    public override void Send(SendOrPostCallback d, object? state)
    {
        if (Environment.CurrentManagedThreadId == _pumpThreadId)
        {
            d(state);
            return;
        }
        using var done = new ManualResetEventSlim();
        Exception? error = null;
        Post(_ =>
        {
            try
            {
                d(state);
            }
            catch (Exception e)
            {
                error = e;
            }
            finally
            {
                done.Set();
            }
        }, null);
        done.Wait();
        if (error is not null)
        {
            throw new TargetInvocationException(error);
        }
    }

    /// <inheritdoc />
    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs posted continuations on the calling thread until <paramref name="task"/> completes.</summary>
    public void RunUntilComplete(Task task)
    {
        _pumpThreadId = Environment.CurrentManagedThreadId;
        task.ContinueWith(_ =>
        {
            lock (_gate)
            {
                _completed = true;
                Monitor.Pulse(_gate);
            }
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        while (true)
        {
            (SendOrPostCallback Callback, object? State, long Enqueued) work;
            lock (_gate)
            {
                while (_queue.Count == 0 && !_completed)
                {
                    Monitor.Wait(_gate);
                }
                if (_queue.Count == 0)
                {
                    return;
                }
                work = _queue.Dequeue();
            }
            work.Callback(work.State);
        }
    }
}
