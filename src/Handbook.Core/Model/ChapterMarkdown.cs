using System.Text;
using Markdig.Syntax;

namespace Handbook.Model;

/// <summary>
/// A chapter's Markdown: its text and Markdig tree. The model stage reads chapters' trees (archetypes, questions, rules; links,
/// ids and search text as each is read), then a build lets them go and a page parses its chapter again when it renders. The
/// trees of a whole guide take far more memory than its text (10,000 pages: 430 MB of trees from 175 MB of text), and trees
/// that live through the model stage cost the garbage collector more than parsing a page again costs its render (1,000 pages:
/// 1.65 s with the trees held, 1.26 s without; the repository's handbook: the same within noise). The preview server keeps
/// them, as it keeps the chapters themselves across rebuilds. A released chapter keeps its text as UTF-8, half a string's size.
/// </summary>
public sealed class ChapterMarkdown(MarkdownDocument document, string text, Func<string, MarkdownDocument> parse)
{
    private MarkdownDocument? _held = document;
    private string? _text = text;
    private byte[]? _utf8;

    /// <summary>
    /// The tree: the one read, while it is held, else a new parse of the same text with the same heading ids. Each call may parse:
    /// open it once per use.
    /// </summary>
    public MarkdownDocument Open() => _held ?? parse(Text);

    /// <summary>The Markdown the tree was parsed from (snippets included, MDX removed).</summary>
    public string Text => _text ?? Encoding.UTF8.GetString(_utf8!);

    public bool IsHeld => _held is not null;

    /// <summary>Lets the tree go; the model stage calls this before pages render in parallel, never while they do.</summary>
    public void Release()
    {
        _held = null;
        if (_text is not null)
        {
            _utf8 = Encoding.UTF8.GetBytes(_text);
            _text = null;
        }
    }
}
