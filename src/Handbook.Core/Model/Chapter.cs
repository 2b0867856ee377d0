using Handbook.Diagnostics;

namespace Handbook.Model;

/// <summary>A heading of a chapter with its Python-Markdown-compatible id.</summary>
public sealed record Heading(int Level, string Text, string Id, SourceLocation Location);

/// <summary>A Markdown link as written in a chapter (<c>[see](other.md#part)</c>), at its 0-based line and column.</summary>
public sealed record MarkdownLink(string Url, int Line, int Column);

/// <summary>An archetype reference written in a chapter's prose (<c>#3</c>), at its 0-based line and column.</summary>
public sealed record ArchetypeReference(int Number, int Line, int Column);

/// <summary>
/// A stretch of a chapter for search: the text under one heading of level 1 to 3 (or before the first), with the heading's
/// title, where it sits (<c>Chapter › Section</c>) and its anchor (<c>#id</c>, or empty for the page's top). The text is UTF-8:
/// a whole guide's text is held for the search index, at half the size of a string's.
/// </summary>
public sealed record SearchSection(string Title, string Section, string Anchor, byte[] Text);

/// <summary>
/// A Markdown page of the guide. <see cref="Markdown"/> is Markdig's AST with heading ids already assigned; after the model
/// stage it is only read (rendering runs in parallel). What later stages need of every chapter (its headings, links, ids, search
/// text and lead) is found when it is read, so they need not walk its tree again.
/// </summary>
public sealed record Chapter(
    string SourcePath,
    string OutputPath,
    string Title,
    int Order,
    string? Description,
    ChapterMarkdown Markdown,
    IReadOnlyList<Heading> Headings)
{
    /// <summary>The site's home page.</summary>
    public bool IsIndex => OutputPath == "index.html";

    /// <summary>A folder's index page (<c>index.md</c> or <c>README.md</c>, at any depth).</summary>
    public bool IsFolderIndex => OutputPath == "index.html" || OutputPath.EndsWith("/index.html", StringComparison.Ordinal);

    /// <summary>The source path relative to the content folder (<c>01-intro/setup.md</c>).</summary>
    public string ContentPath { get; init; } = SourcePath;

    /// <summary>The navigation label (front matter <c>sidebar_label</c>/<c>nav_title</c>), else the title.</summary>
    public string NavTitle { get; init; } = Title;

    /// <summary>The front matter's order (<c>order</c>, <c>sidebar_position</c>, <c>weight</c>, <c>nav_order</c>), if any.</summary>
    public double? Position { get; init; }

    /// <summary>The Docusaurus doc id: front matter <c>id</c> in place of the file name, folder kept (<c>guide/intro</c>).</summary>
    public string? DocId { get; init; }

    /// <summary>Front matter <c>tags</c> and <c>keywords</c>, for search.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary><c>draft: true</c> or <c>unlisted: true</c>: left out of a published build, like a private story.</summary>
    public bool IsDraft { get; init; }

    /// <summary>Material's <c>hide: [toc]</c>: no table of contents on this page.</summary>
    public bool HideToc { get; init; }

    /// <summary>Material's <c>hide: [navigation]</c>: no sidebar on this page.</summary>
    public bool HideNavigation { get; init; }

    /// <summary>Whether the body has its own H1; when not, the page shows its title as one.</summary>
    public bool HasH1 { get; init; }

    /// <summary>Whether the page's author wrote HTML into its Markdown (found once when it is read, not at every render of it).</summary>
    public bool HasRawHtml { get; init; }

    /// <summary>Whether the page holds a Mermaid diagram.</summary>
    public bool HasDiagrams { get; init; }

    /// <summary>Every link written in the page's Markdown, for the content link check.</summary>
    public IReadOnlyList<MarkdownLink> Links { get; init; } = [];

    /// <summary>Every archetype reference in the page's prose, checked against the guide's archetypes.</summary>
    public IReadOnlyList<ArchetypeReference> ArchetypeReferences { get; init; } = [];

    /// <summary>Ids given to blocks other than headings (<c>{#id}</c>, a question call-out's anchor): link targets too.</summary>
    public IReadOnlyList<string> BlockIds { get; init; } = [];

    /// <summary>The page's text by section, for the search index.</summary>
    public IReadOnlyList<SearchSection> SearchSections { get; init; } = [];

    /// <summary>The first paragraph's text, shortened to about 200 characters (what a link preview shows without a description).</summary>
    public string? Lead { get; init; }
}
