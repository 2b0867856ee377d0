using System.Collections.Concurrent;
using PuppeteerSharp;

namespace Handbook.Tests.Browser;

/// <summary>
/// Watches every request a tab makes, to prove the site never reaches another host (no CDN font or script), and can
/// answer requests itself to emulate a host such as GitHub Pages without leaving the machine.
/// </summary>
public sealed class PageRequests
{
    private readonly ConcurrentQueue<string> urls = new();

    private PageRequests()
    {
    }

    public IReadOnlyList<string> Urls => urls.ToList();

    /// <summary>Starts intercepting: each request is recorded, then answered by <paramref name="respond"/> when it returns data, else let through.</summary>
    public static async Task<PageRequests> TrackAsync(IPage page, Func<string, ResponseData?>? respond = null)
    {
        var tracker = new PageRequests();
        await page.SetRequestInterceptionAsync(true);
        page.Request += async (_, e) =>
        {
            var url = e.Request.Url;
            tracker.urls.Enqueue(url);
            if (respond?.Invoke(url) is { } response)
            {
                await e.Request.RespondAsync(response);
            }
            else if (IsLocal(url))
            {
                await e.Request.ContinueAsync();
            }
            else
            {
                // Never let a test reach the network; the assertion on Urls reports it.
                await e.Request.AbortAsync();
            }
        };
        return tracker;
    }

    public static bool IsLocal(string url) =>
        url.StartsWith("file://", StringComparison.Ordinal)
        || url.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)
        || url.StartsWith("data:", StringComparison.Ordinal)
        || url.StartsWith("about:", StringComparison.Ordinal);

    /// <summary>Asserts every request was to <c>file://</c> or 127.0.0.1 (or to one of <paramref name="alsoAllowed"/> prefixes, answered in-process).</summary>
    public void AssertOnlyLocal(params string[] alsoAllowed)
    {
        var foreign = Urls.Where(u => !IsLocal(u) && !alsoAllowed.Any(a => u.StartsWith(a, StringComparison.Ordinal))).Distinct().ToList();
        Assert.True(foreign.Count == 0, "requests to another host:\n" + string.Join('\n', foreign));
    }
}
