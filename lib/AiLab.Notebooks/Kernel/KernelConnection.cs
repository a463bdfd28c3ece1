using System.Globalization;
using System.Text.Json;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Connection;
using Microsoft.DotNet.Interactive.Events;

namespace AiLab.Notebooks.Kernel;

/// <summary>
/// Talks the kernel's stdio protocol: one <see cref="KernelCommandEnvelope"/> per line in, one
/// <see cref="KernelEventEnvelope"/> per line out. Commands are sent one at a time; each ends with
/// <c>CommandSucceeded</c> or <c>CommandFailed</c> carrying its token (events of the sub-commands the kernel splits
/// a cell into carry <c>token.N</c>).
/// </summary>
internal sealed class KernelConnection(KernelProcess process)
{
    private int _submissions;

    /// <summary>Waits for <c>KernelReady</c>: <see cref="SubmissionEnd.Succeeded"/>, or why it did not come.</summary>
    public async Task<SubmissionEnd> WaitReadyAsync(TimeSpan timeout, CancellationToken cancellation)
    {
        return await ReadUntilAsync(e => e is KernelReady, timeout, cancellation);
    }

    /// <summary>
    /// Submits <paramref name="code"/> to kernel <paramref name="kernelName"/> and passes every event of it to
    /// <paramref name="onEvent"/> until it ends, the timeout passes, the kernel exits or the run is cancelled.
    /// </summary>
    public async Task<SubmissionOutcome> SubmitAsync(
        string kernelName, string code, Action<KernelEvent> onEvent, TimeSpan timeout, CancellationToken cancellation)
    {
        var token = "ailab-" + Interlocked.Increment(ref _submissions).ToString(CultureInfo.InvariantCulture);
        var command = new SubmitCode(code, kernelName);
        command.SetToken(token);
        try
        {
            await process.SendAsync(KernelCommandEnvelope.Serialize(command));
        }
        catch (IOException)
        {
            return new SubmissionOutcome(SubmissionEnd.KernelExited); // it died between cells: its pipe is closed
        }

        string? failure = null;
        var end = await ReadUntilAsync(e =>
        {
            if (!IsOf(e, token))
            {
                return false;
            }
            onEvent(e);
            if (e is CommandFailed failed && failed.Command.GetOrCreateToken() == token)
            {
                failure = failed.Message;
                return true;
            }
            return e is CommandSucceeded succeeded && succeeded.Command.GetOrCreateToken() == token;
        }, timeout, cancellation);
        return end == SubmissionEnd.Succeeded && failure is not null ? new SubmissionOutcome(SubmissionEnd.Failed, failure) : new SubmissionOutcome(end);
    }

    /// <summary>Asks the kernel to cancel what it runs (the timeout's first step; the kernel is killed after).</summary>
    public Task CancelAsync() => process.SendAsync(KernelCommandEnvelope.Serialize(new Cancel()));

    private static bool IsOf(KernelEvent e, string token)
    {
        var eventToken = e.Command?.GetOrCreateToken();
        return eventToken is not null && (eventToken == token || eventToken.StartsWith(token + ".", StringComparison.Ordinal));
    }

    // Reads events until `isLast` says so (Succeeded), the time is up, standard output ends or the run is cancelled.
    private async Task<SubmissionEnd> ReadUntilAsync(Func<KernelEvent, bool> isLast, TimeSpan timeout, CancellationToken cancellation)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timer.CancelAfter(timeout);
        try
        {
            while (await process.Lines.WaitToReadAsync(timer.Token))
            {
                while (process.Lines.TryRead(out var line))
                {
                    if (Parse(line) is { } e && isLast(e))
                    {
                        return SubmissionEnd.Succeeded;
                    }
                }
            }
            return SubmissionEnd.KernelExited;
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return SubmissionEnd.TimedOut;
        }
        catch (OperationCanceledException)
        {
            return SubmissionEnd.Cancelled;
        }
    }

    // Lines that are not events (a banner, a cell writing straight to the process's stdout) are skipped.
    private static KernelEvent? Parse(string line)
    {
        if (!line.StartsWith('{'))
        {
            return null;
        }
        try
        {
            return KernelEventEnvelope.Deserialize(line).Event;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
