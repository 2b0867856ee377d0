using System.Text.RegularExpressions;
using Handbook.Markdown.Indented;
using Markdig.Parsers;
using Markdig.Syntax;

namespace Handbook.Markdown.Tabs;

/// <summary>pymdownx.tabbed: <c>=== "Label"</c> with the tab's content indented below; consecutive tabs form one set.</summary>
public sealed partial class MkDocsTabParser : BlockParser
{
    public MkDocsTabParser()
    {
        OpeningCharacters = ['='];
    }

    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.IsCodeIndent)
        {
            return BlockState.None;
        }

        var column = processor.Column;
        var match = Marker().Match(processor.Line.ToString());
        if (!match.Success)
        {
            return BlockState.None;
        }

        var flags = match.Groups["flags"].Value;
        processor.NewBlocks.Push(new TabBlock(this)
        {
            Label = match.Groups["label"].Value.Trim(),
            IsDefault = flags.Contains('+', StringComparison.Ordinal),
            StartsNewSet = flags.Contains('!', StringComparison.Ordinal),
            ContentColumn = column + 4,
            Column = column,
            Line = processor.LineIndex,
            Span = new SourceSpan(processor.Start, processor.Line.End),
        });
        return BlockState.ContinueDiscard;
    }

    public override BlockState TryContinue(BlockProcessor processor, Block block) =>
        IndentedBody.TryContinue(processor, (ContainerBlock)block, "tab");

    public override bool Close(BlockProcessor processor, Block block)
    {
        if (block is TabBlock { Count: 0 } empty)
        {
            MarkdownWarnings.Add(processor.Document, empty.Line, empty.Column, "tab-empty",
                $"the tab '{empty.Label}' has no content; indent its content by 4 spaces under the '===' line");
        }

        return true;
    }

    [GeneratedRegex("""^===(?<flags>[!+]{0,2})[ \t]+"(?<label>[^"]*)"[ \t]*$""")]
    private static partial Regex Marker();
}
