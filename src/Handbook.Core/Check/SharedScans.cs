using System.Collections.Concurrent;
using Handbook.Render;

namespace Handbook.Check;

/// <summary>The scans of shared markup made during one build, one per key, safe to fill from parallel page renders.</summary>
public sealed class SharedScans
{
    private readonly ConcurrentDictionary<string, Lazy<SharedScan>> _scans = new(StringComparer.Ordinal);

    /// <summary>
    /// The scan of <paramref name="fragment"/>, made the first time its key is seen. Which page comes first varies from run to run,
    /// so the scan names only the folder (for resolving) and the sidebar template (for reporting), never that page.
    /// </summary>
    public SharedScan GetOrScan(SharedFragment fragment, string fromPage) => _scans.GetOrAdd(fragment.Key, key => new Lazy<SharedScan>(() =>
    {
        var folder = fromPage.LastIndexOf('/') is var slash and >= 0 ? fromPage[..(slash + 1)] : "";
        var scan = PageScanner.Scan(folder + "(shared)", fragment.Html);
        return new SharedScan(key, scan.OutputPath, "templates/" + TemplateSet.Sidebar, scan.Ids, scan.Links);
    })).Value;
}
