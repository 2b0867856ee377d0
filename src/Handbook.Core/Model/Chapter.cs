using Handbook.Diagnostics;
using Markdig.Syntax;

namespace Handbook.Model;

/// <summary>A heading of a chapter with its Python-Markdown-compatible id.</summary>
public sealed record Heading(int Level, string Text, string Id, SourceLocation Location);

/// <summary>
/// A Markdown page of the guide. <see cref="Document"/> is Markdig's AST with heading ids already assigned;
/// after the model stage it is only read (rendering runs in parallel).
/// </summary>
public sealed record Chapter(
    string SourcePath,
    string OutputPath,
    string Title,
    int Order,
    string? Description,
    MarkdownDocument Document,
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
}
