using System.Text;
using System.Text.Json;

namespace AiLab.Notebooks.Documents;

/// <summary>
/// Finds, for each cell of a .ipynb file, the JSON line holding each of its source lines (nbformat stores a cell's
/// source as an array of strings, one per line, or as one string, whose lines then share its JSON line).
/// </summary>
internal static class IpynbLineLocator
{
    /// <summary>For each cell in order, the 1-based file line of each of its lines.</summary>
    public static IReadOnlyList<int[]> Locate(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var newlines = new List<long>();
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                newlines.Add(i);
            }
        }
        int LineAt(long offset)
        {
            var index = newlines.BinarySearch(offset);
            return (index < 0 ? ~index : index) + 1;
        }

        var result = new List<int[]>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        // depth 1: the notebook object; depth 2: "cells" array; depth 3: a cell object.
        var inCells = false;
        List<int>? current = null;
        while (reader.Read())
        {
            if (!inCells)
            {
                inCells = reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("cells");
                continue;
            }
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.EndArray)
            {
                break;
            }
            if (reader.TokenType == JsonTokenType.StartObject && reader.CurrentDepth == 2)
            {
                current = [];
                result.Add([]);
            }
            else if (current is not null && reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 3 && reader.ValueTextEquals("source"))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    var line = LineAt(reader.TokenStartIndex);
                    var count = reader.GetString()!.Split('\n').Length;
                    current.AddRange(Enumerable.Repeat(line, count));
                }
                else if (reader.TokenType == JsonTokenType.StartArray)
                {
                    while (reader.Read() && reader.TokenType == JsonTokenType.String)
                    {
                        current.Add(LineAt(reader.TokenStartIndex));
                    }
                }
                result[^1] = [.. current];
            }
        }
        return result;
    }
}
