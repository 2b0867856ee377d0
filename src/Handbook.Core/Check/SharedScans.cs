using System.Collections.Concurrent;
using Handbook.Render;

namespace Handbook.Check;

/// <summary>The scans of shared markup made during one build, one per key, safe to fill from parallel page renders.</summary>
public sealed class SharedScans
{
    private readonly ConcurrentDictionary<string, Lazy<SharedScan>> _scans = new(StringComparer.Ordinal);

    /// <summary>
    /// The scan of <paramref name="fragment"/>, made the first time its key is seen. Which page comes first varies from run to run,
    /// so the scan names only the folder (for resolving) and the sidebar template (for reporting), never that page. Shared markup
    /// is the built-in sidebar's (a project's own sidebar is rendered per page), so it is read as markup the build wrote itself.
    /// </summary>
    public SharedScan GetOrScan(SharedFragment fragment, string fromPage) => _scans.GetOrAdd(fragment.Key, key => new Lazy<SharedScan>(() =>
    {
        var folder = fromPage.LastIndexOf('/') is var slash and >= 0 ? fromPage[..(slash + 1)] : "";
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var links = new List<PageLink>();
        if (!GeneratedMarkupScanner.TryScan(fragment.Html, ids, links))
        {
            var scan = PageScanner.Scan(folder + "(shared)", fragment.Html);
            (ids, links) = ([.. scan.Ids], [.. scan.Links]);
        }

        return new SharedScan(key, folder + "(shared)", "templates/" + TemplateSet.Sidebar, ids, links);
    })).Value;
}
