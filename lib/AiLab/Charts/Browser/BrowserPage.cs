using System.Text.Json.Nodes;

namespace AiLab.Charts.Browser;

/// <summary>
/// One browser tab: navigation, script evaluation, and what the page did — script errors and console errors,
/// and every URL it requested (so tests can prove a page made no network request).
/// </summary>
internal sealed class BrowserPage : IAsyncDisposable
{
    private readonly CdpConnection connection;
    private readonly string targetId;
    private readonly string sessionId;
    private readonly List<string> errors = [];
    private readonly List<string> requestedUrls = [];
    private TaskCompletionSource loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public BrowserPage(CdpConnection connection, string targetId, string sessionId)
    {
        this.connection = connection;
        this.targetId = targetId;
        this.sessionId = sessionId;
        connection.EventReceived += OnEvent;
    }

    /// <summary>Uncaught exceptions, console.error calls and error-level log entries, in order.</summary>
    public IReadOnlyList<string> Errors
    {
        get { lock (errors) return errors.ToArray(); }
    }

    /// <summary>Every URL the page asked for (documents, scripts, images, fetches).</summary>
    public IReadOnlyList<string> RequestedUrls
    {
        get { lock (requestedUrls) return requestedUrls.ToArray(); }
    }

    internal async Task EnableEventsAsync()
    {
        foreach (var domain in new[] { "Runtime", "Page", "Log", "Network" })
            await Send($"{domain}.enable", null).ConfigureAwait(false);
    }

    /// <summary>Loads <paramref name="url"/> and waits for its load event.</summary>
    public async Task NavigateAsync(string url)
    {
        loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var result = await Send("Page.navigate", new { url }).ConfigureAwait(false);
        if ((string?)result["errorText"] is { Length: > 0 } error)
            throw new InvalidOperationException($"The browser could not load {url}: {error}");
        await loaded.Task.WaitAsync(HeadlessChromium.CommandTimeout).ConfigureAwait(false);
    }

    /// <summary>
    /// Evaluates a JavaScript expression (awaiting it when it is a promise) and returns its JSON value;
    /// a thrown exception becomes a <see cref="BrowserScriptException"/> with the script's message.
    /// </summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var result = await Send("Runtime.evaluate", new { expression, awaitPromise = true, returnByValue = true }).ConfigureAwait(false);
        if (result["exceptionDetails"] is JsonObject details)
        {
            var description = Text(details, "exception", "description") ?? Text(details, "text") ?? "unknown error";
            throw new BrowserScriptException($"Script error in the browser: {description}");
        }
        return result["result"]?["value"]?.DeepClone();
    }

    private Task<JsonObject> Send(string method, object? parameters) =>
        connection.SendAsync(method, parameters, sessionId, HeadlessChromium.CommandTimeout);

    private void OnEvent(string method, string? eventSessionId, JsonObject parameters)
    {
        if (eventSessionId != sessionId) return;
        switch (method)
        {
            case "Page.loadEventFired":
                loaded.TrySetResult();
                break;
            case "Runtime.exceptionThrown":
                var details = parameters["exceptionDetails"];
                AddError(Text(details, "exception", "description") ?? Text(details, "text") ?? "uncaught exception");
                break;
            case "Runtime.consoleAPICalled":
                if (Text(parameters, "type") != "error") break;
                var args = (parameters["args"] as JsonArray ?? []).Select(a => a?["value"]?.ToString() ?? Text(a, "description") ?? "");
                AddError("console.error: " + string.Join(' ', args));
                break;
            case "Log.entryAdded":
                var entry = parameters["entry"];
                if (Text(entry, "level") == "error") AddError($"{Text(entry, "text")} {Text(entry, "url")}".TrimEnd());
                break;
            case "Network.requestWillBeSent":
                lock (requestedUrls) requestedUrls.Add(Text(parameters, "request", "url") ?? "");
                break;
        }
    }

    /// <summary>The string at a path of property names, or null when any part is missing.</summary>
    private static string? Text(JsonNode? node, params string[] path)
    {
        foreach (var key in path) node = node is JsonObject obj ? obj[key] : null;
        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }

    private void AddError(string message)
    {
        lock (errors) errors.Add(message);
    }

    public async ValueTask DisposeAsync()
    {
        connection.EventReceived -= OnEvent;
        try
        {
            await connection.SendAsync("Target.closeTarget", new { targetId }, null, TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            // The browser is closing anyway.
        }
    }
}

/// <summary>JavaScript evaluated in a page threw: the script's fault, not the browser's.</summary>
internal sealed class BrowserScriptException(string message) : InvalidOperationException(message);
