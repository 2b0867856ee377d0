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
            var elapsed = clock.Elapsed.TotalMilliseconds;
            Console.WriteLine($"{stage,-28} {elapsed,8:0.0} ms   (live heap after: {GC.GetTotalMemory(forceFullCollection: true) / (1024 * 1024)} MB)");
            clock.Restart();
        }

        var diagnostics = new DiagnosticBag();
        var sources = SourceLoader.Load(project, diagnostics);
        Mark("load");
        var config = sources.Settings;
        var model = ModelBuilder.Build(sources, config, diagnostics);
        Mark("model");
        var kept = ModelBuilder.Build(sources, config, new DiagnosticBag(), keepMarkdownTrees: true);
        Mark("model again (warm, every tree kept, as the preview does)");
        _ = Guide.GuideExtractor.Extract(kept.Chapters, new DiagnosticBag());
        Mark("  of which guide extraction");
        for (var round = 1; round <= 3; round++)
        {
            foreach (var page in sources.Pages)
            {
                _ = Markdig.Markdown.Parse(page.Text, Markdown.MarkdownPipelines.Guide);
            }

            Mark($"  Markdig parse, guide pipeline (serial, round {round})");
            var plain = new MarkdownPipelineBuilder().UsePipeTables().UseYamlFrontMatter().Build();
            foreach (var page in sources.Pages)
            {
                _ = Markdig.Markdown.Parse(page.Text, plain);
            }

            Mark($"  Markdig parse, plain pipeline (serial, round {round})");
            foreach (var page in sources.Pages)
            {
                _ = ChapterReader.Read(page, new DiagnosticBag());
            }

            Mark($"  ChapterReader.Read (serial, round {round})");
        }

        for (var round = 1; round <= 2; round++)
        {
            var bag = new DiagnosticBag();
            var read = new Chapter[sources.Pages.Count];
            Parallel.For(0, sources.Pages.Count, i => read[i] = ChapterReader.Read(sources.Pages[i], sources.ContentDir, bag));
            Mark($"  ChapterReader.Read (Parallel.For, shared bag, round {round})");
            Parallel.For(0, sources.Pages.Count, i => read[i] = ChapterReader.Read(sources.Pages[i], sources.ContentDir, new DiagnosticBag()));
            Mark($"  ChapterReader.Read (Parallel.For, own bags, round {round})");
            _ = Guide.GuideExtractor.Extract(read, new DiagnosticBag());
            Mark($"  GuideExtractor (round {round})");
        }

        var prepared = PageSources.Prepare(sources.Pages, sources.ContentDir, new DiagnosticBag());
        Mark("  PageSources.Prepare");
        var chapters = prepared.Select(p => ChapterReader.Read(p, sources.ContentDir, new DiagnosticBag())).ToList();
        Mark("  ChapterReader.Read again (serial)");
        var nav = NavBuilder.Build(chapters, sources.NavFiles, sources.ContentDir, new DiagnosticBag());
        Mark("  NavBuilder");
        _ = Stories.StoryReader.ReadBank(sources.Stories, new DiagnosticBag());
        Mark($"  StoryReader ({sources.Stories.Count} stories)");
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
        for (var round = 1; round <= 2; round++)
        {
            var byKind = new Dictionary<string, (int Pages, double Ms, long Allocated, long Written)>();
            foreach (var page in site.Pages)
            {
                var one = Stopwatch.StartNew();
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var rendered = html[page.OutputPath] = PageRenderer.RenderWithParts(site, page);
                var kind = byKind.GetValueOrDefault(page.GetType().Name);
                byKind[page.GetType().Name] = (kind.Pages + 1, kind.Ms + one.Elapsed.TotalMilliseconds, kind.Allocated + GC.GetAllocatedBytesForCurrentThread() - allocated, kind.Written + rendered.Html.Length);
            }

            Mark($"render ({site.Pages.Count} pages, serial, round {round})");
            foreach (var (kind, (pages, ms, allocated, written)) in byKind.OrderByDescending(k => k.Value.Ms).Take(round == 1 ? 4 : 12))
            {
                Console.WriteLine($"  {kind,-26} {pages,5} pages {ms,8:0.0} ms {allocated / 1024,8} KiB allocated for {written / 1024,6} Ki chars");
            }

            var shared = new SharedScans();
            _ = html.Select(p => PageScanner.Scan(p.Key, p.Value.Html, p.Value.Sidebar, shared, p.Value.Markdown, p.Value.BuiltInTemplates)).ToList();
            Mark($"scan ({html.Values.Sum(h => (long)Encoding.UTF8.GetByteCount(h.Html)) / 1024} KiB written, serial, round {round})");
        }

        // Once more, sampling what the render allocates by type: where the garbage collector's work comes from.
        using (var sampler = new AllocationSampler())
        {
            foreach (var page in site.Pages)
            {
                _ = PageRenderer.RenderWithParts(site, page);
            }

            Mark("render once more, sampling allocations");
            sampler.Print(top: 15);
        }

        var sharedOnce = new SharedScans();
        var scans = html.Select(p => PageScanner.Scan(p.Key, p.Value.Html, p.Value.Sidebar, sharedOnce, p.Value.Markdown, p.Value.BuiltInTemplates)).ToList();
        Mark("scan once more, for the verifier");
        LinkVerifier.Verify(scans, new HashSet<string>(html.Keys), (page, _) => SourceLocation.File(page), reported, config.LinkCheck, diagnostics);
        Mark("verify links");
        _ = entries;
    }
}
