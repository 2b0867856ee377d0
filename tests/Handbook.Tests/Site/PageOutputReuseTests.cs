using Handbook.Coach;
using Handbook.Diagnostics;
using Handbook.Link;
using Handbook.Load;
using Handbook.Model;
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
        var diagnostics = new DiagnosticBag();
        var sources = SourceLoader.Load(project.Root, diagnostics);
        var model = ModelBuilder.Build(sources, sources.Settings, diagnostics);
        var linked = Linker.Link(model, includePrivate: false, diagnostics);
        linked = linked with { Coaching = StoryCoach.Run(linked, diagnostics) };
        var site = new SiteContext(linked, PagePlanner.Plan(linked), TemplateSet.Load(sources.TemplateOverrides, diagnostics), new RenderOptions(false, null));

        // Every page once on a thread of its own: what a page is with no page before it.
        var fresh = site.Pages.ToDictionary(p => p.OutputPath, p => OnANewThread(() => PageRenderer.Render(site, p)), StringComparer.Ordinal);

        // Then all on this one thread, the largest first and the smallest last, twice: each follows pages longer and shorter than itself.
        var bySize = site.Pages.OrderByDescending(p => fresh[p.OutputPath].Length).ToList();
        foreach (var page in bySize.Concat(bySize.AsEnumerable().Reverse()))
        {
            Assert.Equal(fresh[page.OutputPath], PageRenderer.Render(site, page));
        }

        Assert.True(fresh.Values.Max(h => h.Length) > 2 * fresh.Values.Min(h => h.Length), "the pages differ enough in size to show leftovers");
    }

    private static string OnANewThread(Func<string> render)
    {
        string? html = null;
        var thread = new Thread(() => html = render());
        thread.Start();
        thread.Join();
        return html!;
    }
}
