using System.Text.RegularExpressions;
using Handbook.Markdown.Indented;
using Markdig.Parsers;
using Markdig.Syntax;

namespace Handbook.Markdown.Admonitions;

/// <summary>
/// Python-Markdown's admonitions and pymdownx.details: <c>!!! type "Title"</c>, collapsible <c>??? type</c> and
/// <c>???+ type</c> (open), with the body indented four spaces below. Extra words after the type are classes.
/// A title whose closing quote is missing is taken to the end of the line (or finished by the next line) with a warning.
/// </summary>
public sealed partial class MkDocsAdmonitionParser : BlockParser
{
    public MkDocsAdmonitionParser()
    {
        OpeningCharacters = ['!', '?'];
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

        var folding = match.Groups["marker"].Value switch
        {
            "???" => AdmonitionFolding.Closed,
            "???+" => AdmonitionFolding.Open,
            _ => AdmonitionFolding.None,
        };
        var words = match.Groups["type"].Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        string? title = null;
        var titleMayContinue = false;
        if (match.Groups["title"].Success)
        {
            title = match.Groups["title"].Value;
        }
        else if (match.Groups["open"].Success)
        {
            title = match.Groups["open"].Value.Trim();
            titleMayContinue = true;
            MarkdownWarnings.Add(processor.Document, processor.LineIndex, column, "admonition-title",
                "this admonition's title has no closing quote; write the title on one line, in double quotes");
        }

        var block = new AdmonitionBlock(this)
        {
            Kind = words[0].ToLowerInvariant(),
            Title = title,
            Folding = folding,
            Dialect = AdmonitionDialect.MkDocs,
            ExtraClasses = words.Skip(1).ToList(),
            ContentColumn = column + 4,
            TitleMayContinue = titleMayContinue,
            Column = column,
            Line = processor.LineIndex,
            Span = new SourceSpan(processor.Start, processor.Line.End),
        };
        processor.NewBlocks.Push(block);
        return BlockState.ContinueDiscard;
    }

    public override BlockState TryContinue(BlockProcessor processor, Block block)
    {
        var admonition = (AdmonitionBlock)block;
        if (admonition.TitleMayContinue)
        {
            admonition.TitleMayContinue = false;
            var line = processor.Line.ToString();
            var quote = line.IndexOf('"', StringComparison.Ordinal);
            if (!processor.IsBlankLine && quote >= 0 && line.LastIndexOf('"') == quote && line[(quote + 1)..].Trim().Length == 0)
            {
                admonition.Title = (admonition.Title + " " + line[..quote].Trim()).Trim();
                return BlockState.ContinueDiscard;
            }
        }

        var state = IndentedBody.TryContinue(processor, admonition, "admonition");
        if (state == BlockState.Continue)
        {
            admonition.UpdateSpanEnd(processor.Line.End);
        }

        return state;
    }

    public override bool Close(BlockProcessor processor, Block block)
    {
        if (block is AdmonitionBlock { Count: 0 } empty)
        {
            MarkdownWarnings.Add(processor.Document, empty.Line, empty.Column, "admonition-empty",
                "this admonition has no body; indent its text by 4 spaces under the marker line");
        }

        return true;
    }

    // Python-Markdown: '!!! ?([\w\-]+(?: +[\w\-]+)*)(?: +"(.*?)")? *$'; a title missing its closing quote is caught as 'open'.
    [GeneratedRegex("""^(?<marker>!!!|\?\?\?\+?) ?(?<type>[\w\-]+(?:[ \t]+[\w\-]+)*)(?:[ \t]+(?:"(?<title>.*)"|"(?<open>[^"]*)))?[ \t]*$""")]
    private static partial Regex Marker();
}
