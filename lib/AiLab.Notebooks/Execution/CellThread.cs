using System.Runtime.ExceptionServices;

namespace AiLab.Notebooks.Execution;

/// <summary>
/// Runs a notebook's cells on one dedicated thread with a <see cref="SingleThreadSynchronizationContext"/>, so that
/// thread-static state set in one cell is seen by the next and <c>await</c> never moves a cell to another thread.
/// </summary>
internal static class CellThread
{
    // Notebooks recurse (trees, backtracking); the default 1.5 MB of a secondary thread is small.
    private const int StackBytes = 64 * 1024 * 1024;

    /// <summary>Runs <paramref name="body"/> on a new thread pumping <paramref name="context"/> and waits for it.</summary>
    public static T Run<T>(SingleThreadSynchronizationContext context, Func<Task<T>> body)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            SynchronizationContext.SetSynchronizationContext(context);
            try
            {
                var task = body();
                context.RunUntilComplete(task);
                result = task.GetAwaiter().GetResult();
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        }, StackBytes)
        {
            Name = "ailab notebook cells",
            IsBackground = true,
        };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }
}
