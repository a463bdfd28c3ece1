namespace AiLab.Data;

/// <summary>How a dataset file's field is typed in the <see cref="Microsoft.Data.Analysis.DataFrame"/> it loads into.</summary>
internal enum FieldType
{
    /// <summary>A <c>DoubleDataFrameColumn</c>: the type the algorithms take.</summary>
    Number,

    /// <summary>A <c>StringDataFrameColumn</c> (categories, names, free text).</summary>
    Text,

    /// <summary>A <c>DateTimeDataFrameColumn</c> from ISO dates (<c>yyyy-MM-dd</c>, optionally with a time).</summary>
    Date,
}

/// <summary>One declared field of a dataset file: its name in the file (and the frame) and its type.</summary>
internal readonly record struct FrameField(string Name, FieldType Type);
