using Microsoft.Data.Analysis;
using TorchSharp;
using static TorchSharp.torch;

namespace AiLab.Data;

/// <summary>Labelled texts: n documents and n class labels.</summary>
public sealed class TextDataset
{
    /// <summary>Checks that the counts agree and every label names a class.</summary>
    public TextDataset(string name, string[] texts, int[] labels, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(labels);
        DatasetChecks.SameCount(texts.Length, labels.Length, nameof(labels));
        DatasetChecks.Labels(labels, classNames);
        Name = name;
        Texts = texts;
        Labels = labels;
        ClassNames = classNames;
    }

    /// <summary>The dataset's name, e.g. "spam_assassin".</summary>
    public string Name { get; }

    /// <summary>The documents.</summary>
    public string[] Texts { get; }

    /// <summary>Class of each document, an index into <see cref="ClassNames"/>.</summary>
    public int[] Labels { get; }

    /// <summary>Name of each class.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The labels as a new int64 tensor of length n (the texts need a tokenizer and vocabulary first).</summary>
    public Tensor y => torch.tensor(Labels, dtype: torch.int64);

    /// <summary>Number of documents.</summary>
    public int Count => Labels.Length;

    /// <summary>How many documents each class has.</summary>
    public int[] ClassCounts() => DatasetChecks.CountLabels(Labels, ClassNames.Count);

    /// <summary>The documents at <paramref name="indices"/>, in that order.</summary>
    public TextDataset Subset(IReadOnlyList<int> indices) =>
        new(Name, Texts.TakeRows(indices), Labels.TakeRows(indices), ClassNames);

    /// <summary>
    /// The documents as a <see cref="DataFrame"/>: a string column "text" and a string column "target" with each
    /// document's class name. A copy.
    /// </summary>
    public DataFrame ToDataFrame() =>
        new(new StringDataFrameColumn("text", Texts), new StringDataFrameColumn("target", Labels.Select(label => ClassNames[label])));
}
