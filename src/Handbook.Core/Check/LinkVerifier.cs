using Handbook.Config;
using Handbook.Diagnostics;

namespace Handbook.Check;

/// <summary>
/// The link check that ends every build: each internal href/src must name a file of the output, and each #fragment an element id
/// of the page it names. External URLs are not fetched (the build never touches the network).
/// </summary>
public static class LinkVerifier
{
    public static void Verify(
        IReadOnlyList<PageScan> pages,
        IReadOnlySet<string> outputFiles,
        Func<string, string, SourceLocation> locate,
        IReadOnlySet<string> reportedTargets,
        LinkCheckMode mode,
        DiagnosticBag diagnostics)
    {
        var idsByPage = pages.ToDictionary(p => p.OutputPath, p => p.Ids, StringComparer.Ordinal);
        var broken = new List<(string Page, SourceLocation Source, PageLink Link, string Problem)>();
        foreach (var page in pages.OrderBy(p => p.OutputPath, StringComparer.Ordinal))
        {
            foreach (var link in page.Links)
            {
                if (Problem(page, link.Url, outputFiles, idsByPage, reportedTargets) is { } problem)
                {
                    broken.Add((page.OutputPath, locate(page.OutputPath, link.Url), link, problem));
                }
            }
        }

        // Markup shared by many pages (a folder's sidebar) is checked once, from its folder.
        var shared = pages.Select(p => p.Shared).OfType<SharedScan>().DistinctBy(s => s.Key).OrderBy(s => s.Key, StringComparer.Ordinal);
        foreach (var fragment in shared)
        {
            var from = new PageScan(fragment.ResolveFrom, fragment.Ids, fragment.Links);
            foreach (var link in fragment.Links)
            {
                if (Problem(from, link.Url, outputFiles, idsByPage, reportedTargets) is { } problem)
                {
                    broken.Add(("the sidebar of " + fragment.ResolveFrom[..(fragment.ResolveFrom.LastIndexOf('/') + 1)] + "*", SourceLocation.File(fragment.Source), link, problem));
                }
            }
        }

        // The same broken link rendered on several pages (a chapter and print.html, a template line on every page) is one mistake:
        // report it once.
        foreach (var group in broken.GroupBy(b => (b.Link.Url, b.Source.Line > 0 && b.Source.Path.StartsWith(TemplatesFolder, StringComparison.Ordinal) ? b.Source.ToString() : b.Problem)))
        {
            var (page, source, link, problem) = group.First();
            var others = group.Select(b => b.Page).Distinct(StringComparer.Ordinal).Count() - 1;
            var also = others > 0 ? $" (and on {others} other page{(others == 1 ? "" : "s")})" : "";
            var message = $"broken link in {page}: {link.Element} '{link.Url}' {problem}{also}";
            diagnostics.Add(new Diagnostic(source, mode == LinkCheckMode.Warn ? Severity.Warning : Severity.Error, "link-broken", message));
        }
    }

    private const string TemplatesFolder = Load.SourceLoader.TemplatesFolder + "/";

    /// <summary>Why <paramref name="url"/> on <paramref name="page"/> does not resolve, or null when it does (or is external).</summary>
    /// <remarks>
    /// Links the Markdown check already reported at their source line are not reported again: <paramref name="reportedTargets"/>
    /// holds the site targets it found broken (<c>page.html#fragment</c>) and the links to missing <c>.md</c> files as written
    /// (the renderer leaves those unchanged).
    /// </remarks>
    public static string? Problem(PageScan page, string url, IReadOnlySet<string> outputFiles, IReadOnlyDictionary<string, IReadOnlySet<string>> idsByPage, IReadOnlySet<string> reportedTargets)
    {
        url = url.Trim();
        if (url.Length == 0)
        {
            return "is empty";
        }

        if (IsExternal(url) || reportedTargets.Contains(url))
        {
            return null;
        }

        var hash = url.IndexOf('#');
        var fragment = hash >= 0 ? Uri.UnescapeDataString(url[(hash + 1)..]) : null;
        var pathPart = hash >= 0 ? url[..hash] : url;
        var query = pathPart.IndexOf('?');
        if (query >= 0)
        {
            pathPart = pathPart[..query];
        }

        string target;
        if (pathPart.Length == 0)
        {
            target = page.OutputPath;
        }
        else if (pathPart.StartsWith('/'))
        {
            return "is root-relative; links must be relative so the site works under a subpath and from disk";
        }
        else
        {
            var resolved = Resolve(page.OutputPath, Uri.UnescapeDataString(pathPart));
            if (resolved is null)
            {
                return "points outside the site";
            }

            target = resolved.EndsWith('/') || resolved.Length == 0 ? resolved + "index.html" : resolved;
            if (!outputFiles.Contains(target))
            {
                return outputFiles.Contains(target + "/index.html") || outputFiles.Contains(target + ".html")
                    ? $"names a folder or extensionless path; link the file itself so it works from disk"
                    : $"names '{target}', which is not in the output";
            }
        }

        if (!string.IsNullOrEmpty(fragment) && idsByPage.TryGetValue(target, out var ids) && !ids.Contains(fragment) && !reportedTargets.Contains(target + "#" + fragment))
        {
            return $"has no element with id '{fragment}' in {target}";
        }

        return null;
    }

    private static bool IsExternal(string url)
    {
        if (url.StartsWith("//", StringComparison.Ordinal))
        {
            return true;
        }

        var colon = url.IndexOf(':');
        if (colon <= 0)
        {
            return false;
        }

        var slash = url.IndexOfAny(['/', '?', '#']);
        return slash < 0 || colon < slash;
    }

    /// <summary>Resolves a relative path against a page's folder; null when it climbs above the site root.</summary>
    public static string? Resolve(string fromPage, string relative)
    {
        var parts = new List<string>(fromPage.Split('/')[..^1]);
        var segments = relative.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment is "." || (segment.Length == 0 && i < segments.Length - 1))
            {
                continue;
            }

            if (segment == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(segment);
        }

        return string.Join('/', parts);
    }
}
