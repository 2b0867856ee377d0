using System.Collections.Concurrent;
using Handbook.Check;
using Handbook.Load;
using Handbook.Render;

namespace Handbook.Build;

/// <summary>A rendered page with the key of the inputs it was rendered from (see <see cref="PageInputs"/>).</summary>
internal sealed record RenderedPage(string Key, byte[] Html, PageScan Scan);

/// <summary>
/// The pages of the last successful build. A build opens a session, takes every page whose inputs are unchanged from it,
/// renders the rest, and replaces the cache with its own pages only if it succeeds: a failed build leaves the cache
/// describing the site still being served.
/// </summary>
internal sealed class PageCache
{
    private Dictionary<string, RenderedPage> _pages = new(StringComparer.Ordinal);

    public Session Begin(SourceSet sources, SiteContext site, Func<SourceFile, string> hashOf) => new(this, new PageInputs(sources, site, hashOf));

    internal sealed class Session(PageCache cache, PageInputs inputs)
    {
        private readonly Dictionary<string, RenderedPage> _next = new(StringComparer.Ordinal);
        private readonly Lock _gate = new();
        private int _reused;

        public int Reused => _reused;

        private readonly ConcurrentDictionary<string, string> _keys = new(StringComparer.Ordinal);

        /// <summary>Whether the cache holds this page as its inputs would render it now.</summary>
        public bool IsCurrent(Page page) => cache._pages.TryGetValue(page.OutputPath, out var cached) && cached.Key == KeyOf(page);

        private string KeyOf(Page page) => _keys.GetOrAdd(page.OutputPath, _ => inputs.KeyOf(page));

        /// <summary>The page from the cache if its inputs are unchanged, else <paramref name="render"/>'s (null when rendering failed).</summary>
        public (byte[] Html, PageScan Scan)? GetOrRender(Page page, Func<Page, (byte[] Html, PageScan Scan)?> render)
        {
            var key = KeyOf(page);
            if (cache._pages.TryGetValue(page.OutputPath, out var cached) && cached.Key == key)
            {
                Interlocked.Increment(ref _reused);
                Remember(page, cached);
                return (cached.Html, cached.Scan);
            }

            if (render(page) is not { } fresh)
            {
                return null;
            }

            Remember(page, new RenderedPage(key, fresh.Html, fresh.Scan));
            return fresh;
        }

        public void Commit() => cache._pages = _next;

        private void Remember(Page page, RenderedPage rendered)
        {
            lock (_gate)
            {
                _next[page.OutputPath] = rendered;
            }
        }
    }
}
