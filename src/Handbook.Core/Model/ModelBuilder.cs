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

    /// <param name="readChapter">Parses one page; the preview server passes a cached reader (default: <see cref="ChapterReader.Read"/>).</param>
    public static HandbookModel Build(SourceSet sources, HandbookConfig config, DiagnosticBag diagnostics, Func<SourceFile, DiagnosticBag, Chapter>? readChapter = null)
    {
        readChapter ??= ChapterReader.Read;
        var parsed = new Chapter[sources.Pages.Count];
        Parallel.For(0, sources.Pages.Count, i => parsed[i] = readChapter(sources.Pages[i], diagnostics));

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
        var stories = StoryReader.ReadAll(sources.Stories, diagnostics);
        return new HandbookModel(config, chapters, guide.Archetypes, guide.Questions, stories, sources.HasStoriesFolder)
        {
            DeliveryRules = guide.DeliveryRules,
            AntiPatterns = guide.AntiPatterns,
        };
    }
}
