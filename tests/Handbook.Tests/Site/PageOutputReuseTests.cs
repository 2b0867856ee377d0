using Handbook.Render;
using Handbook.Tests.Support;

namespace Handbook.Tests.Site;

/// <summary>
/// Each thread renders its pages into one builder of its own (see <see cref="PageRenderer"/>): nothing of one page may reach the
/// next, whatever their sizes and order.
/// </summary>
public sealed class PageOutputReuseTests
{
    [Fact]
    public void Every_page_rendered_after_others_on_its_thread_is_what_a_new_thread_renders()
    {
        using var project = TempProject.CopyOfRepository();
        var (site, _) = RenderStages.SiteOf(project);

        // Every page once on a thread of its own: what a page is with no page before it.
        var fresh = site.Pages.ToDictionary(p => p.OutputPath, p => RenderStages.OnANewThread(() => PageRenderer.Render(site, p)), StringComparer.Ordinal);

        // Then all on this one thread, the largest first and the smallest last, twice: each follows pages longer and shorter than itself.
        var bySize = site.Pages.OrderByDescending(p => fresh[p.OutputPath].Length).ToList();
        foreach (var page in bySize.Concat(bySize.AsEnumerable().Reverse()))
        {
            Assert.Equal(fresh[page.OutputPath], PageRenderer.Render(site, page));
        }

        Assert.True(fresh.Values.Max(h => h.Length) > 2 * fresh.Values.Min(h => h.Length), "the pages differ enough in size to show leftovers");
    }
}
