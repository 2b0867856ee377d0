namespace Handbook.Render;

/// <summary>
/// One output page: where it goes, its title, the template that renders its body, and how to build that template's model.
/// Each kind of page is one record in <c>Render/Pages/</c>; the planner decides which pages a handbook has.
/// </summary>
public abstract record Page(string OutputPath, string Title, string Template)
{
    /// <summary>Fills the page-specific part of the template model; every value goes through <see cref="TemplateObject"/>.</summary>
    public abstract void Describe(TemplateObject model, PageContext context);

    /// <summary>Where this page's own links come from, for diagnostics about them (a content file, or the page itself).</summary>
    public virtual string SourcePath => OutputPath;

    /// <summary>Pages in the sidebar's reading order get previous/next links among their kind.</summary>
    public virtual string? SequenceKey => null;

    /// <summary>Whether search engines should list this page: it gets a canonical link and a sitemap entry.</summary>
    public virtual bool IsIndexable => true;

    /// <summary>What the page is about in a sentence, for its description and Open Graph meta; null: the site's description.</summary>
    public virtual string? Summary => null;

    /// <summary>Printable sheets get a smaller, print-first layout.</summary>
    public virtual bool IsSheet => false;
}
