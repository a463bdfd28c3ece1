namespace AiLab.Notebooks.Execution;

/// <summary>A display output of an earlier cell replaced by <c>DisplayedValue.Update</c>.</summary>
/// <param name="DisplayId">The display's id.</param>
/// <param name="Data">Its new content by MIME type.</param>
internal sealed record DisplayUpdate(string DisplayId, Dictionary<string, string> Data);
