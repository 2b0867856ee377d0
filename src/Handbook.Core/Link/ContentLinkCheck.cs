using Handbook.Config;
using Handbook.Diagnostics;
using Handbook.Model;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Handbook.Link;

/// <summary>
/// Checks the links written in Markdown between content files (<c>[see](other.md#section)</c>) against the chapters and their
/// heading ids, so a broken one is reported at its source line. Returns the site targets (<c>page.html#fragment</c>) it
/// reported, so the HTML link check does not report them again on every page that renders the same Markdown
/// (the chapter page and print.html), and the links to missing <c>.md</c> files as written, which rendering leaves unchanged.
/// </summary>
public static class ContentLinkCheck
{
    public static IReadOnlySet<string> Run(LinkedHandbook handbook, LinkCheckMode mode, DiagnosticBag diagnostics)
    {
        var chapters = handbook.Model.Chapters;
        var stories = handbook.Model.Stories;
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var bySource = handbook.Content;
        var severity = mode == LinkCheckMode.Warn ? Severity.Warning : Severity.Error;
        // A chapter's ids are listed once per check, however many links point into it.
        var ids = new Dictionary<Chapter, IReadOnlySet<string>>(ReferenceEqualityComparer.Instance);
        bool HasId(Chapter chapter, string id) => (ids.TryGetValue(chapter, out var known) ? known : ids[chapter] = Ids(chapter)).Contains(id);
        foreach (var chapter in chapters)
        {
            foreach (var link in chapter.Links)
            {
                if (Problem(chapter.SourcePath, link.Url, chapter, bySource, reported, HasId) is { } problem)
                {
                    diagnostics.Add(new Diagnostic(new SourceLocation(chapter.SourcePath, link.Line + 1, link.Column + 1), severity, "link-broken", "broken link " + problem));
                }
            }
        }

        // Story fields link to content files relative to the story's own file, like chapters do.
        foreach (var story in stories)
        {
            foreach (var (field, links) in StoryLinks.Of(story))
            {
                foreach (var link in links)
                {
                    if (Problem(story.SourcePath, link.Url ?? "", null, bySource, reported, HasId) is { } problem)
                    {
                        diagnostics.Add(new Diagnostic(field.Location, severity, "link-broken", "broken link " + problem));
                    }
                }
            }
        }

        return reported;
    }

    /// <summary>What is wrong with a link written in <paramref name="fromSource"/>, or null; a broken site target goes into <paramref name="reported"/>.</summary>
    private static string? Problem(string fromSource, string url, Chapter? self, Render.ContentIndex content, HashSet<string> reported, Func<Chapter, string, bool> hasId)
    {
        if (url.StartsWith('#') && url.Length > 1)
        {
            // In a story a bare #fragment points into whichever page shows it: the HTML check judges it there.
            if (self is null || hasId(self, Uri.UnescapeDataString(url[1..])))
            {
                return null;
            }

            reported.Add(self.OutputPath + url);
            return $"'{url}': there is no heading with id '{url[1..]}' on this page";
        }

        var target = Render.ContentLinks.Resolve(fromSource, url, content);
        switch (target.Kind)
        {
            case Render.ContentLinkKind.MissingPage:
                reported.Add(url);
                return $"'{url}': there is no content file '{target.SourcePath}'";
            case Render.ContentLinkKind.MissingFile:
                reported.Add(url);
                return $"'{url}': there is no file '{target.SourcePath}'";
            case Render.ContentLinkKind.Draft:
                reported.Add(url);
                return $"'{url}': {target.SourcePath} is a draft (draft or unlisted in its front matter), left out of this build";
            case Render.ContentLinkKind.Page when target.Fragment.Length > 1 && !hasId(target.Chapter!, Uri.UnescapeDataString(target.Fragment[1..])):
                reported.Add(target.SitePath);
                return $"'{url}': {target.SourcePath} has no heading with id '{target.Fragment[1..]}'";
            default:
                return null;
        }
    }

    // Found once per story object: the preview server hands later builds the same objects while their text is unchanged.
    private static readonly Derived<Story, IReadOnlyList<(StoryText Field, IReadOnlyList<LinkInline> Links)>> StoryLinks = new(FindStoryLinks);

    private static IReadOnlyList<(StoryText Field, IReadOnlyList<LinkInline> Links)> FindStoryLinks(Story story) =>
        StoryTexts(story)
            .Select(field => (field, (IReadOnlyList<LinkInline>)Markdig.Markdown.Parse(field.Value, Markdown.MarkdownPipelines.StoryField).Descendants<LinkInline>().ToList()))
            .ToList();

    private static IEnumerable<StoryText> StoryTexts(Story story) =>
        new[] { story.Situation, story.Task, story.Result, story.TieIn, story.Lesson }.Concat(story.Actions).OfType<StoryText>();


    private static IReadOnlySet<string> Ids(Chapter chapter) =>
        chapter.Headings.Select(h => h.Id).Concat(chapter.BlockIds).ToHashSet(StringComparer.Ordinal);
}
