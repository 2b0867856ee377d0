using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Handbook.Check;
using Handbook.Coach;
using Handbook.Config;
using Handbook.Diagnostics;
using Handbook.Link;
using Handbook.Load;
using Handbook.Model;
using Handbook.Render;
using Handbook.Render.Pages;
using Handbook.Write;

namespace Handbook.Build;

/// <summary>
/// load → model → link → render → check → write. Each stage reports into one <see cref="DiagnosticBag"/>;
/// the build stops after a stage that recorded errors, having reported all of them.
/// </summary>
public static class BuildPipeline
{
    public static BuildResult Run(BuildRequest request)
    {
        var clock = Stopwatch.StartNew();
        TemplateSet.StartParsingBuiltIns();
        if (request.WriteOutput && request.Sink is null && Directory.Exists(request.Project))
        {
            // Whatever this build's outcome, repair what a killed one left: a site moved aside and not replaced, stale staging folders.
            SiteWriter.Recover(request.Project, request.OutputFolder);
        }

        var diagnostics = new DiagnosticBag();
        var reader = request.Cache?.Sources.Begin(request.Changed);
        var sources = SourceLoader.Load(request.Project, diagnostics, reader is null ? null : reader.ReadText);
        request.Timings?.Mark("load");
        var result = sources.Config is null || diagnostics.HasErrors
            ? Finish(request, diagnostics, clock, 0, 0, usage: sources.Config is null && !Directory.Exists(request.Project))
            : Run(request, sources, sources.Settings, diagnostics, clock);

        // Only a build that ran to its end hands its files on: a cancelled one may have read files that changed again since.
        if (reader is not null)
        {
            request.Cache!.Sources.Commit(reader);
        }

        return result;
    }

    public static BuildResult Run(BuildRequest request, SourceSet sources, HandbookConfig config, DiagnosticBag diagnostics, Stopwatch clock)
    {
        if (request.Audience is { } audience)
        {
            config = config with { Audience = audience };
        }

        var cache = request.Cache;
        var keepTrees = cache is not null || request.KeepMarkdownTrees;
        var model = ModelBuilder.Build(sources, config, diagnostics, cache is null ? null : cache.ReadChapter, request.IncludePrivate, cache is null ? null : cache.ReadStory, keepTrees);
        request.Timings?.Mark("model");
        if (!keepTrees)
        {
            // The model keeps the pages' text (compactly, once their trees are gone): the strings read go.
            var text = sources.Pages.Sum(p => (long)p.Text.Length);
            sources = sources with { Pages = [] };
            if (text > LargeGuideText)
            {
                // A full collection hands their memory back now; the collector would otherwise let the heap grow through the
                // render before collecting them (10,000 pages: peak 662 MB without it, 490 MB with it; it takes about 130 ms and
                // the build as a whole gets faster, 12.9 → 10.5 s, with less to carry).
                GC.Collect();
            }
        }

        var linked = Linker.Link(model, request.IncludePrivate, diagnostics);
        var reportedLinks = ContentLinkCheck.Run(linked, config.LinkCheck, diagnostics);
        linked = linked with { Coaching = StoryCoach.Run(linked, diagnostics) };
        LoopCoverageCheck.Run(linked, diagnostics);
        Render.Sheets.SheetBudget.Check(linked, diagnostics);
        request.Timings?.Mark("link and content checks");
        var templates = cache?.LoadTemplates(sources.TemplateOverrides, diagnostics) ?? TemplateSet.Load(sources.TemplateOverrides, diagnostics);
        if (diagnostics.HasErrors)
        {
            return Finish(request, diagnostics, clock, 0, 0);
        }

        var options = new RenderOptions(request.IncludePrivate, request.BaseUrl ?? config.BaseUrl, request.LiveReload)
        {
            LastUpdated = config.Publishing.LastUpdatedFromGit ? GitDates.Read(sources.Root, SourceLoader.ContentFolder) : new Dictionary<string, string>(),
        };
        request.Timings?.Mark("templates");
        var site = new SiteContext(linked, PagePlanner.Plan(linked), templates, options);

        var searchEntries = SearchIndex.Entries(site);
        var files = SiteFiles.Create(site).ToList();
        request.Timings?.Mark("plan and search index");
        if (!StaticFilesFit(sources, site, files, diagnostics))
        {
            return Finish(request, diagnostics, clock, 0, 0);
        }

        try
        {
            return RenderCheckAndWrite(request, sources, config, diagnostics, clock, site, searchEntries, files, reportedLinks);
        }
        catch (Exception ex) when (WriteFailure(ex) is { } failure)
        {
            // The disk, not the content, failed (full, read-only, a file in the way). The writer has already removed its staging
            // folder and the previous site is untouched, so this is an ordinary error, not a crash.
            var display = SourceLoader.Relative(sources.Root, request.OutputFolder);
            diagnostics.Error(SourceLocation.File(display), "output-write-failed", $"could not write the site: {failure.Message}; the previous site, if any, is unchanged");
            return Finish(request, diagnostics, clock, site.Pages.Count, 0);
        }
    }

    private static BuildResult RenderCheckAndWrite(
        BuildRequest request,
        SourceSet sources,
        HandbookConfig config,
        DiagnosticBag diagnostics,
        Stopwatch clock,
        SiteContext site,
        IReadOnlyList<SearchIndex.Entry> searchEntries,
        List<(string Path, byte[] Bytes)> files,
        IReadOnlySet<string> reportedLinks)
    {
        var cache = request.Cache;
        var model = site.Handbook.Model;
        var sink = request.Sink;
        var sharedScans = new SharedScans();
        if (sink is null && request.WriteOutput)
        {
            sink = SiteWriter.Open(sources.Root, request.OutputFolder, request.Force, diagnostics, request.BetweenRenames, sources.ContentDir);
            if (sink is null)
            {
                return Finish(request, diagnostics, clock, 0, 0, usage: true);
            }
        }

        using (sink)
        {
            var outputFiles = new HashSet<string>(site.PagePaths, StringComparer.Ordinal);
            outputFiles.UnionWith(files.Select(f => f.Path));
            outputFiles.Add(Urls.SearchIndex);
            outputFiles.UnionWith(sources.StaticFiles.Select(f => f.OutputPath));

            var session = cache?.Pages.Begin(sources, site, cache.HashOf);
            var scans = new ConcurrentBag<PageScan>();
            var failed = false;
            // Pages that render the whole guide again (print, the question index and map, readiness) take by far the longest: start
            // them first and hand out pages one at a time, so no core is left finishing one of them alone at the end. With a cache
            // (the preview), the pages an edit changed come before the ones taken unchanged, and the quick ones among them first:
            // the preview serves each page as soon as it is written, and the edited page is the one being looked at.
            var largestFirst = session is null
                ? site.Pages.OrderBy(p => IsLarge(p) ? 0 : 1).ToList()
                : site.Pages.OrderBy(p => session.IsCurrent(p) ? 2 : IsLarge(p) ? 1 : 0).ToList();
            var parallel = new ParallelOptions { CancellationToken = request.Cancellation, MaxDegreeOfParallelism = request.MaxParallelism ?? -1 };
            Parallel.ForEach(Partitioner.Create(largestFirst, EnumerablePartitionerOptions.NoBuffering), parallel, page =>
            {
                if (session is null)
                {
                    // Nothing is kept for a next build: the page goes to the file through a buffer of the thread's, not an array of its own.
                    if (RenderPage(page) is not ({ } text, { } scanned))
                    {
                        failed = true;
                        return;
                    }

                    scans.Add(scanned);
                    if (sink is not null)
                    {
                        WriteUtf8(sink, page.OutputPath, text);
                    }

                    return;
                }

                if (session.GetOrRender(page, p => RenderPage(p) is ({ } html, { } scan) ? (Encoding.UTF8.GetBytes(html), scan) : null) is not ({ } bytes, { } kept))
                {
                    failed = true;
                    return;
                }

                scans.Add(kept);
                sink?.Write(page.OutputPath, bytes);
            });

            request.Timings?.Mark("render, scan and write pages");
            if (!failed)
            {
                var sourceOf = site.Pages.ToDictionary(p => p.OutputPath, p => p.SourcePath, StringComparer.Ordinal);
                var pageScans = scans.ToList();
                LinkVerifier.Verify(pageScans, outputFiles, new LinkSources(sources, model.Chapters, sourceOf).Locate, reportedLinks, config.LinkCheck, diagnostics);
                SearchIndexCheck.Verify(searchEntries, pageScans, outputFiles, request.IncludePrivate ? [] : model.Stories, config.LinkCheck, diagnostics);
            }

            request.Timings?.Mark("verify links");
            if (diagnostics.HasErrors || sink is null || (request.Strict && diagnostics.Count(Severity.Warning) > 0))
            {
                return Finish(request, diagnostics, clock, site.Pages.Count, 0);
            }

            foreach (var (path, bytes) in files)
            {
                sink.Write(path, bytes);
            }

            sink.Write(Urls.SearchIndex, stream => SearchIndex.Write(searchEntries, stream));

            foreach (var file in sources.StaticFiles)
            {
                sink.CopyFile(file.OutputPath, file.FullPath);
            }

            request.BeforeCommit?.Invoke();
            PauseForSignalTests(request.Cancellation);
            request.Cancellation.ThrowIfCancellationRequested();
            request.Timings?.Mark("other files");
            sink.Commit();
            session?.Commit();
            request.Timings?.Mark("swap in");
            return Finish(request, diagnostics, clock, site.Pages.Count, site.Pages.Count + files.Count + 1 + sources.StaticFiles.Count)
                with { PagesReused = session?.Reused ?? 0 };
        }

        (string Html, PageScan Scan)? RenderPage(Page page)
        {
            RenderedHtml rendered;
            try
            {
                rendered = PageRenderer.RenderWithParts(site, page);
            }
            catch (Scriban.Syntax.ScriptRuntimeException ex) when (ex.Span.FileName?.StartsWith(TemplateSet.BuiltInPrefix, StringComparison.Ordinal) == true)
            {
                // Handbook's own template failed (a limit it should not have, a model it did not fill): not the user's content.
                diagnostics.Error(SourceLocation.File(ex.Span.FileName), "internal-error", $"Handbook's built-in template failed rendering {page.OutputPath}: {ex.OriginalMessage}; this is a bug in Handbook, not in your content: please report it");
                return null;
            }
            catch (Scriban.Syntax.ScriptRuntimeException ex)
            {
                var at = ex.Span.FileName is { } file ? new SourceLocation(file, ex.Span.Start.Line + 1, ex.Span.Start.Column + 1) : SourceLocation.File("templates");
                diagnostics.Error(at, "template-error", $"rendering {page.OutputPath}: {ex.OriginalMessage}");
                return null;
            }

            return (rendered.Html, PageScanner.Scan(page.OutputPath, rendered.Html, rendered.Sidebar, sharedScans, rendered.Markdown, rendered.BuiltInTemplates));
        }
    }

    private static void WriteUtf8(ISiteSink sink, string path, string text)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            sink.Write(path, buffer.AsSpan(0, Encoding.UTF8.GetBytes(text, buffer)));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Characters of Markdown (about 1,300 pages of 12 KB) past which letting a guide's text go is worth a full collection.</summary>
    private const long LargeGuideText = 16_000_000;

    private static bool IsLarge(Page page) => page is PrintPage or QuestionIndexPage or QuestionSheetPage or ReadinessPage;

    /// <summary>
    /// Test hook for the signal tests, which must catch a real <c>handbook build</c> process mid-build (staging written, swap not
    /// yet done): <c>HANDBOOK_TEST_PAUSE_BEFORE_COMMIT_MS</c> holds the build there that long, or until it is cancelled.
    /// </summary>
    private static void PauseForSignalTests(CancellationToken cancellation)
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("HANDBOOK_TEST_PAUSE_BEFORE_COMMIT_MS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pause))
        {
            cancellation.WaitHandle.WaitOne(pause);
        }
    }

    /// <summary>
    /// A file copied from content/ may not take the place of a generated one (<c>content/questions.html</c>, <c>content/guide.html</c> beside
    /// <c>guide.md</c>, <c>content/assets/handbook.css</c>), nor of another copied file: names are compared by
    /// <see cref="Markdown.CanonicalName"/>, ignoring case and Unicode normalization, as the site may be copied to a disk where
    /// <c>Logo.png</c> and <c>logo.png</c>, or <c>café</c> in its two spellings, are one file.
    /// </summary>
    private static bool StaticFilesFit(SourceSet sources, SiteContext site, List<(string Path, byte[] Bytes)> files, DiagnosticBag diagnostics)
    {
        var generated = site.PagePaths.Concat(files.Select(f => f.Path)).Append(Urls.SearchIndex).Append(SiteWriter.MarkerFile)
            .Select(Markdown.CanonicalName.Key).ToHashSet(StringComparer.Ordinal);
        var copied = new Dictionary<string, string>(StringComparer.Ordinal);
        var ok = true;
        foreach (var file in sources.StaticFiles)
        {
            var at = SourceLocation.File(file.Path);
            var key = Markdown.CanonicalName.Key(file.OutputPath);
            if (generated.Contains(key) || ModelBuilder.ReservedPaths.Contains(file.OutputPath))
            {
                diagnostics.Error(at, "static-collision", $"this file would be copied to '{file.OutputPath}', which the handbook generates itself; rename or move it");
                ok = false;
            }
            else if (!copied.TryAdd(key, file.Path))
            {
                diagnostics.Error(at, "static-collision", $"this file would be copied to '{file.OutputPath}', like {copied[key]}, and names that differ only in case or in how an accent is encoded are one file on macOS and Windows; rename one of them");
                ok = false;
            }
            else if (ModelBuilder.WindowsDeviceSegment(file.OutputPath) is { } device)
            {
                diagnostics.Error(at, "page-name-reserved", $"this file would be copied to '{file.OutputPath}', but '{device}' is a reserved device name on Windows; rename it");
                ok = false;
            }
        }

        return ok;
    }

    /// <summary>The I/O exception behind <paramref name="ex"/>, also when parallel page writing wrapped it; null for anything else (a bug).</summary>
    private static Exception? WriteFailure(Exception ex) => ex switch
    {
        IOException or UnauthorizedAccessException => ex,
        AggregateException aggregate when aggregate.Flatten().InnerExceptions is var inner && inner.All(e => e is IOException or UnauthorizedAccessException) => inner[0],
        _ => null,
    };

    private static BuildResult Finish(BuildRequest request, DiagnosticBag diagnostics, Stopwatch clock, int pages, int written, bool usage = false)
    {
        var sorted = diagnostics.Sorted();
        var failed = sorted.Any(d => d.Severity == Severity.Error) || (request.Strict && sorted.Any(d => d.Severity == Severity.Warning));
        var exit = usage ? 2 : failed ? 1 : 0;
        return new BuildResult(exit, sorted, pages, written, clock.Elapsed, written > 0 ? request.OutputFolder : null);
    }
}
