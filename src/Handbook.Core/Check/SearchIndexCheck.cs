using Handbook.Config;
using Handbook.Diagnostics;
using Handbook.Model;
using Handbook.Render;

namespace Handbook.Check;

/// <summary>
/// The search index is output too: every entry's URL must resolve like a link on a page at the site root, and no entry may
/// lead to a private story in a build that does not publish them (a second guard behind the link stage, which leaves them out).
/// </summary>
public static class SearchIndexCheck
{
    public static void Verify(
        IReadOnlyList<SearchIndex.Entry> entries,
        IReadOnlyList<PageScan> pages,
        IReadOnlySet<string> outputFiles,
        IEnumerable<Story> unpublishedStories,
        LinkCheckMode mode,
        DiagnosticBag diagnostics)
    {
        var at = SourceLocation.File(Urls.SearchIndex);
        var idsByPage = pages.ToDictionary(p => p.OutputPath, p => p.Ids, StringComparer.Ordinal);
        var none = new HashSet<string>(StringComparer.Ordinal);
        var fromRoot = new PageScan(Urls.SearchIndex, none, []);
        foreach (var entry in entries)
        {
            if (LinkVerifier.Problem(fromRoot, entry.Url, outputFiles, idsByPage, reportedTargets: none) is { } problem)
            {
                var message = $"search result '{entry.Title}' links '{entry.Url}', which {problem}";
                if (mode == LinkCheckMode.Warn)
                {
                    diagnostics.Warning(at, "search-link-broken", message);
                }
                else
                {
                    diagnostics.Error(at, "search-link-broken", message);
                }
            }
        }

        var privateAnchors = unpublishedStories.Where(s => !s.IsPublic).Select(s => "#story-" + s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in entries.Where(e => privateAnchors.Any(a => e.Url.EndsWith(a, StringComparison.Ordinal))))
        {
            diagnostics.Error(at, "search-private-story", $"the search index would publish private story '{entry.Title}'");
        }
    }
}
