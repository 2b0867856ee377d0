using Handbook.Coach;
using Handbook.Diagnostics;
using Handbook.Link;
using Handbook.Load;
using Handbook.Model;
using Handbook.Render;

namespace Handbook.Tests.Support;

/// <summary>The stages up to rendering, run in-process on a project, for tests that render pages one by one.</summary>
public static class RenderStages
{
    /// <summary>What the render stage gets: the project loaded, modelled, linked and coached, with the page plan and its templates.</summary>
    public static (SiteContext Site, HandbookModel Model) SiteOf(TempProject project)
    {
        var diagnostics = new DiagnosticBag();
        var sources = SourceLoader.Load(project.Root, diagnostics);
        var model = ModelBuilder.Build(sources, sources.Settings, diagnostics);
        var linked = Linker.Link(model, includePrivate: false, diagnostics);
        linked = linked with { Coaching = StoryCoach.Run(linked, diagnostics) };
        return (new SiteContext(linked, PagePlanner.Plan(linked), TemplateSet.Load(sources.TemplateOverrides, diagnostics), new RenderOptions(false, null)), model);
    }

    /// <summary>What <paramref name="render"/> returns on a thread that has rendered nothing before (each thread keeps buffers of its own).</summary>
    public static string OnANewThread(Func<string> render)
    {
        string? result = null;
        var thread = new Thread(() => result = render());
        thread.Start();
        thread.Join();
        return result!;
    }
}
