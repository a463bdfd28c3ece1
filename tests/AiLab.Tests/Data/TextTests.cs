using AiLab.Data;

namespace AiLab.Tests.Data;

public sealed class TextTests
{
    [Fact]
    public void Words_LowercasesKeepsApostrophesDropsPunctuation()
    {
        var tokens = Tokenizer.Words().Tokenize("Don't PANIC: call 555-0100, café naïve 数字三!");

        Assert.Equal(["don't", "panic", "call", "555", "0100", "café", "naïve", "数字三"], tokens);
        Assert.Equal(["Hello", "World"], Tokenizer.Words(lowercase: false).Tokenize("Hello, World"));
    }

    [Fact]
    public void Characters_OnePerTextElement()
    {
        Assert.Equal(["A", "n", "n", "e"], Tokenizer.Characters().Tokenize("Anne"));
        Assert.Equal(["e\u0301", "x"], Tokenizer.Characters().Tokenize("e\u0301x"));
        Assert.Equal(["a", "b"], Tokenizer.Characters(lowercase: true).Tokenize("AB"));
    }

    [Fact]
    public void Vocabulary_Build_SpecialsFirstThenByFrequencyThenOrdinal()
    {
        string[][] documents = [["b", "a", "c", "a"], ["c", "a", "d"]];

        var vocabulary = Vocabulary.Build(documents);

        Assert.Equal(["<pad>", "<unk>", "a", "c", "b", "d"], vocabulary.Tokens);
        Assert.Equal((0, 1), (vocabulary.PadIndex, vocabulary.UnknownIndex));
        Assert.Equal(3, vocabulary.Frequency("a"));
        Assert.Equal(0, vocabulary.Frequency("zzz"));
    }

    [Fact]
    public void Vocabulary_MinFrequencyAndMaxSize_DropRareTokensToUnknown()
    {
        string[][] documents = [["b", "a", "c", "a"], ["c", "a", "d"]];

        var frequent = Vocabulary.Build(documents, minFrequency: 2);
        var small = Vocabulary.Build(documents, maxSize: 3, specials: ["<bos>"]);

        Assert.Equal(["<pad>", "<unk>", "a", "c"], frequent.Tokens);
        Assert.Equal([2, 1, 3, 1], frequent.Encode(["a", "b", "c", "never-seen"]));
        Assert.False(frequent.Contains("b"));
        Assert.Equal(["<pad>", "<unk>", "<bos>"], small.Tokens);
    }

    [Fact]
    public void Vocabulary_DecodeAndInvalidArguments()
    {
        var vocabulary = Vocabulary.Build([["x", "y"]]);

        Assert.Equal(["x", "<unk>"], vocabulary.Decode([2, 1, 0, 0]));
        Assert.Equal(["x", "<pad>"], vocabulary.Decode([2, 0], skipPadding: false));
        Assert.Throws<ArgumentOutOfRangeException>(() => vocabulary.Token(9));
        Assert.Throws<ArgumentException>(() => Vocabulary.Build([["x"]], specials: ["<pad>"]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Vocabulary.Build([["x"]], minFrequency: 0));
    }

    [Fact]
    public void Pad_EndPaddingEndTruncation_IdsMaskAndLengths()
    {
        var batch = Sequences.Pad([[5, 6, 7], [8], [1, 2, 3, 4, 9]], padValue: 0, maxLength: 4);

        Assert.Equal(new[,] { { 5, 6, 7, 0 }, { 8, 0, 0, 0 }, { 1, 2, 3, 4 } }, batch.Ids);
        Assert.Equal(new[,] { { true, true, true, false }, { true, false, false, false }, { true, true, true, true } }, batch.Mask);
        Assert.Equal([3, 1, 4], batch.Lengths);
    }

    [Fact]
    public void Pad_StartPaddingStartTruncation_KeepsLastTokens()
    {
        var batch = Sequences.Pad([[5, 6, 7], [1, 2, 3, 4, 9]], padValue: -1, maxLength: 4, padding: PadSide.Start, truncation: PadSide.Start);

        Assert.Equal(new[,] { { -1, 5, 6, 7 }, { 2, 3, 4, 9 } }, batch.Ids);
        Assert.Equal(new[,] { { false, true, true, true }, { true, true, true, true } }, batch.Mask);
    }

    [Fact]
    public void EncodeBatch_NoMaxLength_PadsToLongestWithPadIndex()
    {
        var vocabulary = Vocabulary.Build([["a", "b"]]);

        var batch = vocabulary.EncodeBatch([["a"], ["b", "a", "q"]]);

        Assert.Equal(new[,] { { 2, 0, 0 }, { 3, 2, 1 } }, batch.Ids);
    }

    [Fact]
    public void SpamAssassin_VocabularyFromTrainingSplit_UnknownTokensOnlyOutsideIt()
    {
        var data = Datasets.SpamAssassin();
        var split = DataSplit.TrainTest(data.Count, 0.2, seed: 0, stratify: data.Labels);
        var tokenizer = Tokenizer.Words();
        var trainTokens = tokenizer.Tokenize(data.Texts.TakeRows(split.Train));

        var vocabulary = Vocabulary.Build(trainTokens, minFrequency: 1);

        Assert.DoesNotContain(vocabulary.UnknownIndex, trainTokens.SelectMany(vocabulary.Encode));
        var testIds = tokenizer.Tokenize(data.Texts.TakeRows(split.Test)).SelectMany(vocabulary.Encode).ToArray();
        Assert.Contains(vocabulary.UnknownIndex, testIds);
    }
}
