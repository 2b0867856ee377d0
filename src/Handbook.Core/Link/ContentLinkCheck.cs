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
/// (the chapter page and print.html). Links to missing <c>.md</c> files are all reported here, so the HTML check skips them.
/// </summary>
public static class ContentLinkCheck
{
    public static IReadOnlySet<string> Run(IReadOnlyList<Chapter> chapters, LinkCheckMode mode, DiagnosticBag diagnostics)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var bySource = chapters.ToDictionary(c => c.SourcePath, StringComparer.Ordinal);
        foreach (var chapter in chapters)
        {
            foreach (var link in chapter.Document.Descendants<LinkInline>())
            {
                var url = link.Url ?? "";
                string? problem = null;
                string? target = null;
                if (url.StartsWith('#') && url.Length > 1)
                {
                    if (!HasId(chapter, Uri.UnescapeDataString(url[1..])))
                    {
                        problem = $"'{url}': there is no heading with id '{url[1..]}' on this page";
                        target = chapter.OutputPath + url;
                    }
                }
                else if (Render.ContentLinks.TryTarget(chapter.SourcePath, url, out var source, out var fragment))
                {
                    if (!bySource.TryGetValue(source, out var other))
                    {
                        problem = $"'{url}': there is no content file '{source}'";
                    }
                    else if (fragment.Length > 1 && !HasId(other, Uri.UnescapeDataString(fragment[1..])))
                    {
                        problem = $"'{url}': {source} has no heading with id '{fragment[1..]}'";
                        target = other.OutputPath + fragment;
                    }
                }

                if (problem is null)
                {
                    continue;
                }

                if (target is not null)
                {
                    reported.Add(target);
                }

                var at = new SourceLocation(chapter.SourcePath, link.Line + 1, link.Column + 1);
                diagnostics.Add(new Diagnostic(at, mode == LinkCheckMode.Warn ? Severity.Warning : Severity.Error, "link-broken", "broken link " + problem));
            }
        }

        return reported;
    }

    private static bool HasId(Chapter chapter, string id) =>
        chapter.Headings.Any(h => h.Id == id)
        || chapter.Document.Descendants().Any(o => o is Block b && Markdig.Renderers.Html.HtmlAttributesExtensions.TryGetAttributes(b)?.Id == id);
}
