using Handbook.Config;
using Handbook.Diagnostics;
using Handbook.Guide;
using Handbook.Load;
using Handbook.Loop;
using Handbook.Stories;

namespace Handbook.Model;

/// <summary>The model stage: Markdown and YAML sources become immutable records, every one keeping its source location.</summary>
public static class ModelBuilder
{
    /// <summary>Output paths the site generates itself; a content page may not take them.</summary>
    public static readonly IReadOnlySet<string> ReservedPaths = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "questions.html", "readiness.html", "cheatsheet.html", "print.html", "404.html", "search.html",
    };

    public static readonly IReadOnlySet<string> ReservedFolders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "archetypes", "cheatsheets", "scorecards", "assets",
    };

    /// <summary>What the team kit adds when the project has a <c>content/loop.yml</c>: reserved only then, so a guide may have its own debrief.md.</summary>
    public static readonly IReadOnlySet<string> LoopPaths = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "loop.html", "debrief.html" };

    public static readonly IReadOnlySet<string> LoopFolders = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "interviewers" };

    private static readonly IReadOnlySet<string> WindowsDeviceNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>
    /// The segment of a site path that Windows cannot hold as a file or folder name (<c>con.html</c>, <c>aux/page.html</c>), or null.
    /// A site built on Linux must still copy to, and serve from, any machine.
    /// </summary>
    private static bool IsReadme(Chapter chapter) => Path.GetFileNameWithoutExtension(chapter.SourcePath).Equals("README", StringComparison.OrdinalIgnoreCase);

    private static bool IsIndexFile(Chapter chapter) => Path.GetFileNameWithoutExtension(chapter.SourcePath).Equals("index", StringComparison.OrdinalIgnoreCase);

    public static string? WindowsDeviceSegment(string sitePath) =>
        sitePath.Split('/').FirstOrDefault(segment => WindowsDeviceNames.Contains(segment.Split('.')[0].TrimEnd(' ')));

    /// <param name="readChapter">Parses one page; the preview server passes a cached reader (default: <see cref="ChapterReader.Read"/>).</param>
    /// <param name="includeDrafts">Keep pages marked <c>draft</c>/<c>unlisted</c> (with <c>--include-private</c> and in the preview), as private stories are kept.</param>
    /// <param name="readStory">Reads one story file; the preview server passes a cached reader (default: <see cref="StoryReader.ReadFile"/>).</param>
    /// <param name="keepMarkdownTrees">
    /// Keep every chapter's tree (the preview server, which hands each rebuild the same chapters). A build lets each go once the
    /// model has what it needs of it (see <see cref="ChapterMarkdown"/>).
    /// </param>
    public static HandbookModel Build(
        SourceSet sources,
        HandbookConfig config,
        DiagnosticBag diagnostics,
        Func<SourceFile, string, DiagnosticBag, Chapter>? readChapter = null,
        bool includeDrafts = false,
        Func<SourceFile, StoryFile>? readStory = null,
        bool keepMarkdownTrees = false)
    {
        readChapter ??= ChapterReader.Read;
        var contentDir = sources.ContentDir;
        var pages = PageSources.Prepare(sources.Pages, contentDir, diagnostics);
        var parsed = new Chapter[pages.Count];
        Parallel.For(0, pages.Count, i =>
        {
            parsed[i] = readChapter(pages[i], contentDir, diagnostics);
            // A tree the guide extraction will not read goes at once: all trees at the same time would be the build's peak of
            // memory (10,000 pages: 600 MB live at the end of this stage), and a tree that dies young costs the collector little.
            if (!keepMarkdownTrees && !GuideExtractor.Uses(Section.Build(parsed[i])))
            {
                parsed[i].Markdown.Release();
            }
        });

        var drafts = parsed.Where(c => c.IsDraft && !includeDrafts).Select(c => c.SourcePath).ToHashSet(StringComparer.Ordinal);
        var chapters = new List<Chapter>();
        // Keyed ignoring case and Unicode normalization (café.md written as NFC and as NFD): either pair is one file on macOS and Windows.
        var taken = new Dictionary<string, Chapter>(StringComparer.Ordinal);
        var hasLoop = sources.Loop is not null;
        foreach (var read in parsed.Where(c => !drafts.Contains(c.SourcePath)).OrderBy(c => IsReadme(c) ? 1 : 0).ThenBy(c => c.SourcePath, StringComparer.Ordinal))
        {
            var chapter = read;
            if (IsReadme(chapter) && taken.TryGetValue(Markdown.CanonicalName.Key(chapter.OutputPath), out var index) && IsIndexFile(index))
            {
                // MkDocs' rule: index.md is the folder's page; the README stays reachable under its own name.
                var renamed = chapter.OutputPath[..^"index.html".Length] + Path.GetFileNameWithoutExtension(chapter.SourcePath) + ".html";
                diagnostics.Warning(SourceLocation.File(chapter.SourcePath), "readme-and-index", $"{index.SourcePath} and this README both stand for the folder's index; {Path.GetFileName(index.SourcePath)} wins and this page is written to '{renamed}'");
                chapter = chapter with { OutputPath = renamed };
            }

            var at = SourceLocation.File(chapter.SourcePath);
            var folder = chapter.OutputPath.Contains('/') ? chapter.OutputPath[..chapter.OutputPath.IndexOf('/')] : null;
            if (ReservedPaths.Contains(chapter.OutputPath) || (folder is not null && ReservedFolders.Contains(folder))
                || (hasLoop && (LoopPaths.Contains(chapter.OutputPath) || (folder is not null && LoopFolders.Contains(folder)))))
            {
                diagnostics.Error(at, "page-reserved", $"this page would be written to '{chapter.OutputPath}', which the handbook generates itself; rename the file or set another 'slug'");
                continue;
            }

            if (WindowsDeviceSegment(chapter.OutputPath) is { } device)
            {
                diagnostics.Error(at, "page-name-reserved", $"this page would be written to '{chapter.OutputPath}', but '{device}' is a reserved device name on Windows; rename the file or set another 'slug'");
                continue;
            }

            var key = Markdown.CanonicalName.Key(chapter.OutputPath);
            if (taken.TryGetValue(key, out var first))
            {
                diagnostics.Error(at, "page-collision", $"this page would be written to '{chapter.OutputPath}', like {first.SourcePath}; rename one of them or set another 'slug'");
                continue;
            }

            taken[key] = chapter;
            chapters.Add(chapter);
        }

        if (chapters.Count > 0 && !chapters.Any(c => c.IsIndex))
        {
            diagnostics.Warning(SourceLocation.File(contentDir), "index-missing", $"{contentDir}/ has no index.md or README.md; the site's home page will be the first chapter's link list");
        }

        var nav = NavBuilder.Build(chapters, sources.NavFiles, contentDir, diagnostics);
        chapters = [.. nav.ReadingOrder];
        var guide = GuideExtractor.Extract(chapters, ArchetypeFile.Read(sources.ArchetypesFile, diagnostics), diagnostics);
        if (!keepMarkdownTrees)
        {
            // Archetypes and questions keep the blocks they show (and so their chapters' trees); every other tree goes.
            foreach (var chapter in parsed)
            {
                chapter.Markdown.Release();
            }
        }

        // A team build publishes no candidate stories, so it does not read them: nothing later can leak what the model never held.
        var team = config.Audience == Audience.Team;
        var stories = team ? new StoryBank([], []) : StoryReader.ReadBank(sources.Stories, diagnostics, readStory);
        var loop = sources.Loop is null ? InterviewLoop.Empty : LoopReader.Read(sources.Loop, diagnostics);
        return new HandbookModel(config, chapters, guide.Archetypes, guide.Questions, stories.Stories, sources.HasStoriesFolder && !team)
        {
            Loop = loop,
            DroppedStoryRefs = stories.DroppedStoryRefs,
            Nav = nav,
            Drafts = drafts,
            ContentDir = contentDir,
            StaticFiles = sources.StaticFiles.ToDictionary(f => f.Path, f => f.OutputPath, StringComparer.Ordinal),
            DeliveryRules = guide.DeliveryRules,
            AntiPatterns = guide.AntiPatterns,
        };
    }
}
