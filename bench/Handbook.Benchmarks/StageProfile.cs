using System.Diagnostics;
using System.Text;
using Markdig;
using Handbook.Check;
using Handbook.Coach;
using Handbook.Config;
using Handbook.Diagnostics;
using Handbook.Link;
using Handbook.Load;
using Handbook.Model;
using Handbook.Render;

namespace Handbook.Benchmarks;

/// <summary><c>profile PROJECT</c>: each stage of one build, timed on its own (single runs: a guide to where time goes, not a benchmark).</summary>
public static class StageProfile
{
    public static void Run(string project)
    {
        var clock = Stopwatch.StartNew();
        void Mark(string stage)
        {
            Console.WriteLine($"{stage,-28} {clock.Elapsed.TotalMilliseconds,8:0.0} ms");
            clock.Restart();
        }

        var diagnostics = new DiagnosticBag();
        var sources = SourceLoader.Load(project, diagnostics);
        Mark("load");
        var config = sources.Settings;
        var model = ModelBuilder.Build(sources, config, diagnostics);
        Mark("model");
        model = ModelBuilder.Build(sources, config, new DiagnosticBag());
        Mark("model again (warm)");
        _ = Guide.GuideExtractor.Extract(model.Chapters, new DiagnosticBag());
        Mark("  of which guide extraction");
        foreach (var page in sources.Pages)
        {
            _ = Markdig.Markdown.Parse(page.Text, Markdown.MarkdownPipelines.Guide);
        }

        Mark("  Markdig parse (serial)");
        var plain = new MarkdownPipelineBuilder().UsePipeTables().UseYamlFrontMatter().Build();
        foreach (var page in sources.Pages)
        {
            _ = Markdig.Markdown.Parse(page.Text, plain);
        }

        Mark("  Markdig parse, plain pipeline (serial)");
        foreach (var page in sources.Pages)
        {
            _ = ChapterReader.Read(page, new DiagnosticBag());
        }

        Mark("  ChapterReader.Read (serial)");
        var linked = Linker.Link(model, includePrivate: false, diagnostics);
        Mark("link");
        var reported = ContentLinkCheck.Run(linked, config.LinkCheck, diagnostics);
        Mark("content link check");
        linked = linked with { Coaching = StoryCoach.Run(linked, diagnostics) };
        LoopCoverageCheck.Run(linked, diagnostics);
        Render.Sheets.SheetBudget.Check(linked, diagnostics);
        Mark("coach + loop + sheet budget");
        var templates = TemplateSet.Load(sources.TemplateOverrides, diagnostics);
        Mark("templates");
        var site = new SiteContext(linked, PagePlanner.Plan(linked), templates, new RenderOptions(false, null));
        var entries = SearchIndex.Entries(site);
        Mark("plan + search index");
        var html = new Dictionary<string, RenderedHtml>();
        var byKind = new Dictionary<string, double>();
        foreach (var page in site.Pages)
        {
            var one = Stopwatch.StartNew();
            html[page.OutputPath] = PageRenderer.RenderWithParts(site, page);
            byKind[page.GetType().Name] = byKind.GetValueOrDefault(page.GetType().Name) + one.Elapsed.TotalMilliseconds;
        }

        Mark($"render ({site.Pages.Count} pages, serial)");
        foreach (var (kind, ms) in byKind.OrderByDescending(k => k.Value))
        {
            Console.WriteLine($"  {kind,-26} {ms,8:0.0} ms");
        }

        var shared = new SharedScans();
        var scans = html.Select(p => PageScanner.Scan(p.Key, p.Value.Html, p.Value.Sidebar, shared)).ToList();
        Mark($"scan ({html.Values.Sum(h => (long)Encoding.UTF8.GetByteCount(h.Html)) / 1024} KiB written, sidebars read once, serial)");
        LinkVerifier.Verify(scans, new HashSet<string>(html.Keys), (page, _) => SourceLocation.File(page), reported, config.LinkCheck, diagnostics);
        Mark("verify links");
        _ = entries;
    }
}
