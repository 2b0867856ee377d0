using Markdig;
using Markdig.Extensions.AutoLinks;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Syntax.Inlines;

namespace Handbook.Markdown.AutoLinks;

/// <summary>
/// Bare links (<c>https://…</c>, <c>www.…</c>, <c>mailto:</c>, <c>ftp://</c>, <c>tel:</c>) as Markdig's <see cref="AutoLinkParser"/> finds
/// them, found from the <c>:</c> after the scheme or the <c>.</c> after <c>www</c> instead of from its first letter.
/// </summary>
/// <remarks>
/// Markdig's parser wakes at every <c>h</c>, <c>f</c>, <c>m</c>, <c>t</c> and <c>w</c>, about one character of prose in five, and
/// each wake ends the run of text being read and starts another: that was half of what parsing a guide cost (a thousand pages:
/// 97 ms with it, 51 ms without). This parser wakes at the far rarer <c>:</c> and <c>.</c>, looks back for the scheme in the text
/// just read, and hands the same place to Markdig's own parser, with the tree as Markdig's parser would have seen it there:
/// the text before the scheme ends before it, and a text that was only the scheme is taken out. The links, and the rest of the
/// tree, are the ones Markdig makes (a test parses random Markdown both ways and compares every node). The pipeline must track
/// precise source positions, as the guide's does: the end of the text before a link is computed again from its position.
/// </remarks>
public sealed class SchemeAutoLinkParser : InlineParser
{
    /// <summary>What a bare link starts with, as Markdig's parser first tests where it wakes; each holds a <c>:</c> or a <c>.</c>.</summary>
    private static readonly string[] Prefixes = ["https://", "http://", "ftp://", "mailto:", "tel:", "www."];

    private readonly AutoLinkParser _markdig;

    public SchemeAutoLinkParser(AutoLinkOptions options)
    {
        _markdig = new AutoLinkParser(options);
        OpeningCharacters = [':', '.'];
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text;
        var at = slice.Start;
        var start = LinkStart(text, at, slice.End);
        // The scheme must be the end of the text just read, as one literal of this same text: a scheme split by other markup
        // (a code span, an entity) is not where Markdig's parser would have woken either.
        if (start < 0
            || processor.Inline is not LiteralInline literal
            || !ReferenceEquals(literal.Content.Text, text)
            || literal.Content.End != at - 1
            || literal.Content.Start > start
            || !FollowsWhatMarkdigAllows(text, start, slice.End))
        {
            return false;
        }

        var (end, spanEnd) = (literal.Content.End, literal.Span.End);
        var parent = literal.Parent;
        var previous = literal.PreviousSibling;
        var alone = literal.Content.Start == start;
        if (alone)
        {
            // What the processor held before this text began: the inline before it, or the container it opened in.
            literal.Remove();
            processor.Inline = previous ?? (ReferenceEquals(parent, processor.Root) ? null : parent);
        }
        else
        {
            literal.Content.End = start - 1;
            literal.Span.End = processor.GetSourcePosition(start - 1);
        }

        var link = new StringSlice(text, start, slice.End);
        if (_markdig.Match(processor, ref link))
        {
            slice = link;
            return true;
        }

        if (alone)
        {
            if (previous is not null)
            {
                previous.InsertAfter(literal);
            }
            else
            {
                // It was the only child: the last one added, with nothing before it.
                parent!.AppendChild(literal);
            }
        }
        else
        {
            literal.Content.End = end;
            literal.Span.End = spanEnd;
        }

        processor.Inline = literal;
        return false;
    }

    /// <summary>
    /// Where the text up to <paramref name="end"/> starts with one of the <see cref="Prefixes"/> whose <c>:</c> or <c>.</c> is the
    /// one at <paramref name="at"/>, or -1: the only place Markdig's parser could have found a link that ends past it.
    /// </summary>
    private static int LinkStart(string text, int at, int end)
    {
        foreach (var prefix in Prefixes)
        {
            var offset = prefix.IndexOf(text[at], StringComparison.Ordinal);
            var start = at - offset;
            if (offset >= 0 && start >= 0 && text.AsSpan(start, end - start + 1).StartsWith(prefix, StringComparison.Ordinal))
            {
                return start;
            }
        }

        return -1;
    }

    /// <summary>The rest of Markdig's own first test, on the character before the link: the tree is touched only for what passes.</summary>
    private bool FollowsWhatMarkdigAllows(string text, int start, int end)
    {
        var previous = new StringSlice(text, start, end).PeekCharExtra(-1);
        return previous.IsWhiteSpaceOrZero() || _markdig.Options.ValidPreviousCharacters.Contains(previous, StringComparison.Ordinal);
    }
}

/// <summary>Bare links as Markdig's <see cref="AutoLinkExtension"/> makes them, parsed with <see cref="SchemeAutoLinkParser"/>.</summary>
public sealed class SchemeAutoLinkExtension : IMarkdownExtension
{
    private readonly AutoLinkOptions _options = new();

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<SchemeAutoLinkParser>())
        {
            // First, as Markdig's extension puts its parser: ahead of the pipe table parser, which also wakes at ':'.
            pipeline.InlineParsers.Insert(0, new SchemeAutoLinkParser(_options));
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }
}
