using Handbook.Config;
using Handbook.Diagnostics;
using Handbook.Guide;
using Handbook.Load;
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
    public static string? WindowsDeviceSegment(string sitePath) =>
        sitePath.Split('/').FirstOrDefault(segment => WindowsDeviceNames.Contains(segment.Split('.')[0].TrimEnd(' ')));

    /// <param name="readChapter">Parses one page; the preview server passes a cached reader (default: <see cref="ChapterReader.Read"/>).</param>
    public static HandbookModel Build(SourceSet sources, HandbookConfig config, DiagnosticBag diagnostics, Func<SourceFile, DiagnosticBag, Chapter>? readChapter = null)
    {
        readChapter ??= ChapterReader.Read;
        var pages = PageSources.Prepare(sources.Pages, SourceLoader.ContentFolder, diagnostics);
        var parsed = new Chapter[pages.Count];
        Parallel.For(0, pages.Count, i => parsed[i] = readChapter(pages[i], diagnostics));

        var chapters = new List<Chapter>();
        var taken = new Dictionary<string, Chapter>(StringComparer.OrdinalIgnoreCase);
        foreach (var chapter in parsed.OrderBy(c => c.IsIndex ? 0 : 1).ThenBy(c => c.Order).ThenBy(c => c.SourcePath, StringComparer.Ordinal))
        {
            var at = SourceLocation.File(chapter.SourcePath);
            var folder = chapter.OutputPath.Contains('/') ? chapter.OutputPath[..chapter.OutputPath.IndexOf('/')] : null;
            if (ReservedPaths.Contains(chapter.OutputPath) || (folder is not null && ReservedFolders.Contains(folder)))
            {
                diagnostics.Error(at, "page-reserved", $"this page would be written to '{chapter.OutputPath}', which the handbook generates itself; rename the file or set another 'slug'");
                continue;
            }

            if (WindowsDeviceSegment(chapter.OutputPath) is { } device)
            {
                diagnostics.Error(at, "page-name-reserved", $"this page would be written to '{chapter.OutputPath}', but '{device}' is a reserved device name on Windows; rename the file or set another 'slug'");
                continue;
            }

            if (taken.TryGetValue(chapter.OutputPath, out var first))
            {
                diagnostics.Error(at, "page-collision", $"this page would be written to '{chapter.OutputPath}', like {first.SourcePath}; rename one of them or set another 'slug'");
                continue;
            }

            taken[chapter.OutputPath] = chapter;
            chapters.Add(chapter);
        }

        if (chapters.Count > 0 && !chapters.Any(c => c.IsIndex))
        {
            diagnostics.Warning(SourceLocation.File(SourceLoader.ContentFolder), "index-missing", "content/ has no index.md; the site's home page will be the first chapter's link list");
        }

        var guide = GuideExtractor.Extract(chapters, diagnostics);
        var stories = StoryReader.ReadBank(sources.Stories, diagnostics);
        return new HandbookModel(config, chapters, guide.Archetypes, guide.Questions, stories.Stories, sources.HasStoriesFolder)
        {
            DroppedStoryRefs = stories.DroppedStoryRefs,
            DeliveryRules = guide.DeliveryRules,
            AntiPatterns = guide.AntiPatterns,
        };
    }
}
