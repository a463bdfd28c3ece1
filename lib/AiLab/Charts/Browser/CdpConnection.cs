using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AiLab.Charts.Browser;

/// <summary>
/// The Chrome DevTools Protocol over Chromium's <c>--remote-debugging-pipe</c>: JSON messages separated by
/// NUL bytes, requests matched to responses by id, everything else delivered as events. Using the pipe
/// (not a TCP port) means the browser sees end-of-file and exits when this process dies, however it dies.
/// </summary>
internal sealed class CdpConnection : IDisposable
{
    private readonly Stream toBrowser;
    private readonly Stream fromBrowser;
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> pending = new();
    private readonly Task readLoop;
    private int nextId;
    private volatile string? closedReason;

    public CdpConnection(Stream toBrowser, Stream fromBrowser)
    {
        this.toBrowser = toBrowser;
        this.fromBrowser = fromBrowser;
        readLoop = Task.Run(ReadLoopAsync);
    }

    /// <summary>Raised on the reading thread for every event: method, session id (null for the browser), params.</summary>
    public event Action<string, string?, JsonObject>? EventReceived;

    /// <summary>Sends a command and returns its <c>result</c>; a protocol error becomes an exception naming the method.</summary>
    public async Task<JsonObject> SendAsync(string method, object? parameters, string? sessionId, TimeSpan timeout)
    {
        if (closedReason is { } reason) throw new InvalidOperationException($"The browser connection is closed ({reason}).");
        var id = Interlocked.Increment(ref nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = PlotlyJson.ToNode(parameters) ?? new JsonObject() };
        if (sessionId is not null) message["sessionId"] = sessionId;
        var completion = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = completion;
        try
        {
            var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
            await writeLock.WaitAsync().ConfigureAwait(false);
            try
            {
                await toBrowser.WriteAsync(bytes).ConfigureAwait(false);
                toBrowser.WriteByte(0);
                await toBrowser.FlushAsync().ConfigureAwait(false);
            }
            catch (IOException e)
            {
                Close(e.Message);
                throw new InvalidOperationException($"The browser connection is closed ({e.Message}).", e);
            }
            finally
            {
                writeLock.Release();
            }
            var response = await completion.Task.WaitAsync(timeout).ConfigureAwait(false);
            if (response["error"] is JsonObject error)
                throw new InvalidOperationException($"Chromium refused {method}: {(string?)error["message"]} {(string?)error["data"]}".TrimEnd());
            return response["result"] as JsonObject ?? new JsonObject();
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Chromium did not answer {method} within {timeout.TotalSeconds:0} s.");
        }
        finally
        {
            pending.TryRemove(id, out _);
        }
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var read = await fromBrowser.ReadAsync(buffer).ConfigureAwait(false);
                if (read == 0) break;
                var start = 0;
                for (var i = 0; i < read; i++)
                {
                    if (buffer[i] != 0) continue;
                    message.Write(buffer, start, i - start);
                    Dispatch(message.GetBuffer().AsSpan(0, (int)message.Length));
                    message.SetLength(0);
                    start = i + 1;
                }
                message.Write(buffer, start, read - start);
            }
            Close("the browser closed the pipe");
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            Close(e.Message);
        }
        catch (JsonException e)
        {
            // Not the protocol any more: fail every waiting command now rather than let each time out.
            Close($"unreadable message from the browser: {e.Message}");
        }
    }

    private void Dispatch(ReadOnlySpan<byte> utf8)
    {
        if (JsonNode.Parse(utf8) is not JsonObject message) return;
        if (message["id"] is JsonValue idValue && idValue.TryGetValue<int>(out var id))
        {
            if (pending.TryGetValue(id, out var completion)) completion.TrySetResult(message);
            return;
        }
        if ((string?)message["method"] is { } method)
        {
            try
            {
                EventReceived?.Invoke(method, (string?)message["sessionId"], message["params"] as JsonObject ?? new JsonObject());
            }
            catch (Exception e) when (e is InvalidOperationException or JsonException or FormatException)
            {
                // A faulty event handler must not stop the reader; the command waiting on it will time out with a message.
            }
        }
    }

    private void Close(string reason)
    {
        closedReason ??= reason;
        foreach (var completion in pending.Values)
            completion.TrySetException(new InvalidOperationException($"The browser connection closed ({reason})."));
    }

    public void Dispose()
    {
        Close("disposed");
        toBrowser.Dispose();
        fromBrowser.Dispose();
        readLoop.Wait(TimeSpan.FromSeconds(2));
        writeLock.Dispose();
    }
}
