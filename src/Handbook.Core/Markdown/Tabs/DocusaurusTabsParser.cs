using System.Net;
using System.Text.RegularExpressions;
using Markdig.Parsers;
using Markdig.Syntax;

namespace Handbook.Markdown.Tabs;

/// <summary>
/// Docusaurus' <c>&lt;Tabs&gt;</c> and <c>&lt;TabItem value="…" label="…" default&gt;</c> components, each tag on a line of
/// its own, closed by <c>&lt;/TabItem&gt;</c> and <c>&lt;/Tabs&gt;</c>. The content between is Markdown, indented however the
/// author liked (MDX has no indented code blocks). Runs before the HTML block parser, which would otherwise take the tags.
/// </summary>
public sealed partial class DocusaurusTabsParser : BlockParser
{
    public DocusaurusTabsParser()
    {
        OpeningCharacters = ['<'];
    }

    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.IsCodeIndent)
        {
            return BlockState.None;
        }

        var line = processor.Line.ToString().TrimEnd();
        var column = processor.Column;
        var tag = OpeningTag().Match(line);
        if (tag.Success)
        {
            var attributes = tag.Groups["attributes"].Value;
            Block block = tag.Groups["name"].Value == "Tabs"
                ? new TabSetBlock(this) { IsDocusaurus = true }
                : new TabBlock(this)
                {
                    Label = Attribute(attributes, "label") ?? Attribute(attributes, "value") ?? "Tab",
                    IsDefault = DefaultFlag().IsMatch(attributes),
                    IsDocusaurus = true,
                    ContentColumn = -1,
                };
            block.Column = column;
            block.Line = processor.LineIndex;
            block.Span = new SourceSpan(processor.Start, processor.Line.End);
            processor.NewBlocks.Push(block);
            return BlockState.ContinueDiscard;
        }

        if (ClosingTag().IsMatch(line))
        {
            // A closing tag with nothing open: dropped (with a warning) rather than left as raw HTML that breaks the page.
            MarkdownWarnings.Add(processor.Document, processor.LineIndex, column, "tabs-unopened", $"'{line.Trim()}' closes nothing; remove it");
            processor.NewBlocks.Push(new DroppedLineBlock(this) { Column = column, Line = processor.LineIndex });
            return BlockState.BreakDiscard;
        }

        return BlockState.None;
    }

    public override BlockState TryContinue(BlockProcessor processor, Block block)
    {
        var line = processor.Line.ToString().Trim();
        switch (block)
        {
            case TabSetBlock set when line == "</Tabs>":
                set.IsClosed = true;
                return BlockState.BreakDiscard;
            case TabBlock tab when line == "</TabItem>":
                tab.IsClosed = true;
                return BlockState.BreakDiscard;
            case TabBlock tab when line == "</Tabs>":
                return BlockState.Break; // the set closes it
            case TabBlock tab when !processor.IsBlankLine:
                if (tab.ContentColumn < 0)
                {
                    tab.ContentColumn = processor.Column;
                }

                if (processor.Column > tab.ContentColumn)
                {
                    processor.GoToColumn(tab.ContentColumn);
                }

                return BlockState.Continue;
            default:
                return BlockState.Continue;
        }
    }

    public override bool Close(BlockProcessor processor, Block block)
    {
        switch (block)
        {
            case TabSetBlock { IsClosed: false, IsDocusaurus: true } set:
                MarkdownWarnings.Add(processor.Document, set.Line, set.Column, "tabs-unclosed", "this '<Tabs>' is never closed; add '</Tabs>' after its last '</TabItem>'");
                break;
            case TabBlock { IsClosed: false, IsDocusaurus: true } tab when tab.Parent is not TabSetBlock { IsClosed: true }:
                MarkdownWarnings.Add(processor.Document, tab.Line, tab.Column, "tabs-unclosed", $"this '<TabItem>' ('{tab.Label}') is never closed; add '</TabItem>' after its content");
                break;
        }

        return true;
    }

    private static string? Attribute(string attributes, string name)
    {
        foreach (Match match in AttributePattern().Matches(attributes))
        {
            if (match.Groups["name"].Value == name)
            {
                return WebUtility.HtmlDecode(match.Groups["value"].Value);
            }
        }

        return null;
    }

    [GeneratedRegex("""^<(?<name>Tabs|TabItem)(?<attributes>\s[^>]*)?>$""")]
    private static partial Regex OpeningTag();

    [GeneratedRegex("""^</(Tabs|TabItem)>$""")]
    private static partial Regex ClosingTag();

    [GeneratedRegex("""(?<name>[A-Za-z]+)\s*=\s*(?:"(?<value>[^"]*)"|'(?<value>[^']*)'|\{\s*["'](?<value>[^"']*)["']\s*\})""")]
    private static partial Regex AttributePattern();

    [GeneratedRegex("""(^|\s)default(\s|$|=\{?true)""")]
    private static partial Regex DefaultFlag();
}

/// <summary>A line the dialect parsers consumed and that renders as nothing (a stray closing tag).</summary>
public sealed class DroppedLineBlock(BlockParser parser) : LeafBlock(parser);
