using Handbook.Markdown.Indented;
using Markdig.Parsers;
using Markdig.Syntax;

namespace Handbook.Markdown.Admonitions;

/// <summary>Which way a call-out was written; all three render the same.</summary>
public enum AdmonitionDialect
{
    /// <summary><c>!!! note "Title"</c>, <c>??? note</c>, <c>???+ note</c> with an indented body.</summary>
    MkDocs,

    /// <summary><c>:::tip Title</c> … <c>:::</c>, also <c>:::tip[Title]</c>.</summary>
    Docusaurus,

    /// <summary><c>&gt; [!NOTE]</c> at the start of a block quote.</summary>
    GitHub,
}

/// <summary>Whether a call-out can be folded, and whether it starts open (<c>???+</c>).</summary>
public enum AdmonitionFolding
{
    None,
    Closed,
    Open,
}

/// <summary>
/// A call-out (note, tip, warning, question…) with its body as child blocks. Every dialect is turned into this one node,
/// so rendering and the question index treat them alike.
/// </summary>
public sealed class AdmonitionBlock(BlockParser? parser) : ContainerBlock(parser), IIndentedContainer
{
    /// <summary>The type as the author wrote it, lower-case (<c>faq</c>, <c>tip</c>).</summary>
    public required string Kind { get; init; }

    /// <summary>The title as written; null for the type's default title; empty for MkDocs' <c>""</c> (no title bar).</summary>
    public string? Title { get; set; }

    public AdmonitionFolding Folding { get; init; }

    public AdmonitionDialect Dialect { get; init; }

    /// <summary>Extra classes written after the type (<c>!!! note inline end</c>).</summary>
    public IReadOnlyList<string> ExtraClasses { get; init; } = [];

    public int ContentColumn { get; init; }

    public bool HasLazyBody { get; set; }

    /// <summary>An MkDocs title whose closing quote is missing: the next line may finish it.</summary>
    internal bool TitleMayContinue { get; set; }

    public AdmonitionKind Style => AdmonitionKind.Of(Kind);

    /// <summary>The title shown: the author's, else the type capitalised (Python-Markdown's default).</summary>
    public string DisplayTitle => string.IsNullOrWhiteSpace(Title) ? AdmonitionKind.DefaultTitle(Kind) : Title.Trim();

    /// <summary>A question with its answer folded under it (<c>??? question "Tell me about…"</c>).</summary>
    public bool IsQuestion => Style.Name == "question" && !string.IsNullOrWhiteSpace(Title);
}
