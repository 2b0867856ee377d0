using Handbook.Markdown;
using Handbook.Model;

namespace Handbook.Render;

/// <summary>One page being rendered: hrefs are made relative to it.</summary>
public sealed class PageContext(SiteContext site, Page page) : IPageLinks
{
    public SiteContext Site { get; } = site;

    public Page Page { get; } = page;

    /// <summary>The chapter being rendered: its question headings link to the question index.</summary>
    public Chapter? Chapter { get; init; }

    /// <summary>The content file whose Markdown is being rendered (a chapter, or a story for its fields), for rewriting <c>other.md</c> links.</summary>
    public string? SourcePath
    {
        get => _sourcePath ?? Chapter?.SourcePath;
        init => _sourcePath = value;
    }

    private readonly string? _sourcePath;

    public int HeadingOffset { get; init; }

    public string HeadingIdPrefix { get; init; } = "";

    /// <summary>
    /// On the print page, where every chapter is a section of one document: the section id of each chapter by its page,
    /// so links between chapters stay inside the document.
    /// </summary>
    public IReadOnlyDictionary<string, string>? ChapterSections { get; init; }

    /// <summary>On the print page archetype references point at the archetype's section of the same document.</summary>
    public Func<Archetype, string>? ArchetypeSection { get; init; }

    public string Href(string sitePath) => Urls.Relative(Page.OutputPath, sitePath);

    public string? ArchetypeHref(int number) =>
        !Site.Handbook.ArchetypesByNumber.TryGetValue(number, out var archetype) ? null
        : ArchetypeSection is null ? Href(Urls.Archetype(archetype.Slug))
        : "#" + ArchetypeSection(archetype);

    public string? QuestionHref(string headingId)
    {
        if (Chapter is null || !Site.Handbook.QuestionByGuideHeading.TryGetValue(Chapter.SourcePath + "#" + headingId, out var question))
        {
            return null;
        }

        return Href(Urls.Questions + "#" + question.Id);
    }

    public string RewriteUrl(string url)
    {
        if (url.StartsWith('#') && url.Length > 1)
        {
            return "#" + HeadingIdPrefix + url[1..];
        }

        if (SourcePath is null || ContentLinks.Resolve(SourcePath, url, Site.Handbook.Content) is not { Kind: ContentLinkKind.Page or ContentLinkKind.File } resolved)
        {
            return url;
        }

        var target = resolved.SitePath;
        if (resolved.Kind == ContentLinkKind.File)
        {
            return Href(target);
        }

        var hash = target.IndexOf('#');
        var targetPage = hash >= 0 ? target[..hash] : target;
        if (ChapterSections is not null && ChapterSections.TryGetValue(targetPage, out var section))
        {
            return hash >= 0 ? $"#{section}-{target[(hash + 1)..]}" : "#" + section;
        }

        return Href(target);
    }

    /// <summary>Whether Markdown rendered for this page holds a Mermaid diagram: only then does the page load the renderer.</summary>
    public bool HasDiagrams { get; private set; }

    /// <summary>
    /// The guide Markdown rendered for this page, in order, each marked with whether it holds raw HTML: the rest is markup the
    /// build wrote itself, which the link check reads with <see cref="Check.GeneratedMarkupScanner"/> instead of a full HTML
    /// parse. A page renders on one thread.
    /// </summary>
    public IReadOnlyList<RenderedMarkdown> RenderedMarkdown => _renderedMarkdown;

    private readonly List<RenderedMarkdown> _renderedMarkdown = [];

    /// <summary>Makes this a context for a part of <paramref name="value"/>'s page (the print page's chapters): what it renders is recorded there.</summary>
    public PageContext PartOf
    {
        init => _renderedMarkdown = value._renderedMarkdown;
    }

    /// <summary>Renders Markdown blocks of the guide for this page, with archetype references and content links resolved.</summary>
    public SafeHtml RenderMarkdown(Markdig.Syntax.MarkdownObject markdown)
    {
        HasDiagrams |= Markdown.Mermaid.MermaidDiagrams.In(markdown);
        return Generated(MarkdownRenderer.Render(markdown, MarkdownPipelines.Guide, this), RawHtml.In(markdown));
    }

    /// <summary>Renders a whole chapter for this page, its tree opened once (parsed again if the model let it go), with what its reading found.</summary>
    public SafeHtml RenderChapter(Model.Chapter chapter)
    {
        HasDiagrams |= chapter.HasDiagrams;
        return Generated(MarkdownRenderer.Render((Markdig.Syntax.MarkdownObject)chapter.Markdown.Open(), MarkdownPipelines.Guide, this), chapter.HasRawHtml);
    }

    public SafeHtml RenderMarkdown(IEnumerable<Markdig.Syntax.Block> blocks)
    {
        var list = blocks as IReadOnlyList<Markdig.Syntax.Block> ?? blocks.ToList();
        HasDiagrams |= Markdown.Mermaid.MermaidDiagrams.InAny(list);
        return Generated(MarkdownRenderer.Render(list, MarkdownPipelines.Guide, this), list.Any(RawHtml.In));
    }

    private SafeHtml Generated(string html, bool hasRawHtml)
    {
        if (html.Length > 0)
        {
            _renderedMarkdown.Add(new RenderedMarkdown(html, hasRawHtml));
        }

        return new SafeHtml(html);
    }
}

/// <summary>Guide Markdown as rendered into a page; <see cref="HasRawHtml"/> when its author wrote HTML into it.</summary>
public sealed record RenderedMarkdown(string Html, bool HasRawHtml);
