using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text;

namespace AiLab.Notebooks.Scripting;

/// <summary>
/// Turns a value into its MIME representations. A type can choose its own by declaring a public instance method
/// <c>IReadOnlyDictionary&lt;string, string&gt; ToDisplayBundle()</c> (found by name, so libraries need not reference
/// this assembly); everything else becomes <c>text/plain</c>.
/// </summary>
internal static class DisplayFormatter
{
    /// <summary>Collections show at most this many items.</summary>
    public const int MaxItems = 100;

    private const int MaxDepth = 3;

    /// <summary>The representations of <paramref name="value"/>, restricted to <paramref name="mimeTypes"/> when any are given.</summary>
    /// <exception cref="ArgumentException">The value has no representation of a requested MIME type.</exception>
    public static IReadOnlyDictionary<string, string> Format(object? value, IReadOnlyList<string> mimeTypes)
    {
        var bundle = Bundle(value);
        if (mimeTypes.Count == 0)
        {
            return bundle;
        }
        var selected = new Dictionary<string, string>();
        foreach (var mime in mimeTypes)
        {
            if (bundle.TryGetValue(mime, out var content))
            {
                selected[mime] = content;
            }
            else if (value is string text)
            {
                selected[mime] = text;
            }
            else
            {
                throw new ArgumentException(
                    $"cannot display {TypeName(value)} as '{mime}'; it offers {string.Join(", ", bundle.Keys)}", nameof(mimeTypes));
            }
        }
        return selected;
    }

    /// <summary>All representations of <paramref name="value"/>.</summary>
    public static IReadOnlyDictionary<string, string> Bundle(object? value)
    {
        if (value is not null && FindBundleMethod(value.GetType()) is { } method)
        {
            IReadOnlyDictionary<string, string>? own;
            try
            {
                own = (IReadOnlyDictionary<string, string>?)method.Invoke(value, null);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
            if (own is null || own.Count == 0)
            {
                throw new InvalidOperationException($"{TypeName(value)}.ToDisplayBundle() returned no representation");
            }
            return new Dictionary<string, string>(own);
        }
        return new Dictionary<string, string> { [MimeTypes.PlainText] = Text(value) };
    }

    /// <summary>The plain-text form of a bundle (its text/plain entry, else its first entry).</summary>
    public static string PlainText(IReadOnlyDictionary<string, string> bundle) =>
        bundle.TryGetValue(MimeTypes.PlainText, out var text) ? text : bundle.Values.FirstOrDefault() ?? "";

    /// <summary>
    /// The text form of a value: <c>&lt;null&gt;</c>, strings as they are, numbers in the invariant culture,
    /// collections as <c>[ 1, 2, 3 ]</c>, dictionaries as <c>{ a: 1 }</c>, objects without their own
    /// <c>ToString</c> as their public properties.
    /// </summary>
    public static string Text(object? value) => value is string s ? s : Describe(value, 0, quoteStrings: false);

    private static MethodInfo? FindBundleMethod(Type type)
    {
        var method = type.GetMethod("ToDisplayBundle", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
        return method is not null && typeof(IReadOnlyDictionary<string, string>).IsAssignableFrom(method.ReturnType) ? method : null;
    }

    private static string Describe(object? value, int depth, bool quoteStrings)
    {
        switch (value)
        {
            case null:
                return "<null>";
            case string s:
                return quoteStrings ? $"\"{s}\"" : s;
            case char c:
                return quoteStrings ? $"'{c}'" : c.ToString();
            case IFormattable formattable:
                return formattable.ToString(null, CultureInfo.InvariantCulture);
            case IDictionary dictionary when depth < MaxDepth:
                return Join("{ ", " }", Entries(dictionary).Select(e =>
                    $"{Describe(e.Key, depth + 1, true)}: {Describe(e.Value, depth + 1, true)}"), dictionary.Count);
            case IEnumerable items when depth < MaxDepth:
                return Join("[ ", " ]", items.Cast<object?>().Select(item => Describe(item, depth + 1, true)), (items as ICollection)?.Count);
        }

        var type = value.GetType();
        var toString = type.GetMethod(nameof(ToString), BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
        if (toString?.DeclaringType != typeof(object) && toString?.DeclaringType != typeof(ValueType) || depth >= MaxDepth)
        {
            return value.ToString() ?? "";
        }
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .Select(p => $"{p.Name} = {Describe(ReadProperty(p, value), depth + 1, true)}");
        return Join($"{TypeName(value)} {{ ", " }", properties, null);
    }

    // IDictionary's own enumerator yields DictionaryEntry (its IEnumerable one may yield KeyValuePair).
    private static IEnumerable<DictionaryEntry> Entries(IDictionary dictionary)
    {
        var entries = dictionary.GetEnumerator();
        while (entries.MoveNext())
        {
            yield return entries.Entry;
        }
    }

    private static object? ReadProperty(PropertyInfo property, object target)
    {
        try
        {
            return property.GetValue(target);
        }
        catch (TargetInvocationException e)
        {
            return $"<{e.InnerException?.GetType().Name ?? "error"}>";
        }
    }

    private static string Join(string open, string close, IEnumerable<string> parts, int? knownCount)
    {
        var text = new StringBuilder(open);
        var shown = 0;
        var more = 0;
        foreach (var part in parts)
        {
            if (shown == MaxItems)
            {
                more = knownCount is { } count ? count - shown : 1;
                break;
            }
            text.Append(shown++ == 0 ? "" : ", ").Append(part);
        }
        if (more > 0)
        {
            text.Append(knownCount is null ? ", …" : $", … ({more} more)");
        }
        return shown == 0 ? open.TrimEnd() + close.TrimStart() : text.Append(close).ToString();
    }

    private static string TypeName(object? value) => value?.GetType().Name ?? "null";
}
