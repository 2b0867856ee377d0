using System.Text;
using Handbook.Build;
using Handbook.Tests.Support;
using Handbook.Write;

namespace Handbook.Tests.Serve;

/// <summary>What a preview rebuild does again after one edit, and what it takes from the cache (counts and contents, never times).</summary>
public sealed class IncrementalRebuildTests
{
    private const string Guide = "# Guide\n\n## Archetypes\n\n"
        + "### 1. Shipping under pressure\n\n- Probes: p\n- Story shape: s\n- Template: Situation [a] · Task [b] · Action [c] · Result [d]\n\n"
        + "### 2. Production debugging\n\n- Probes: p\n- Story shape: s\n- Template: Situation [a] · Task [b] · Action [c] · Result [d]\n";

    private static string Story(string title, int archetype) =>
        $"title: {title}\narchetypes: [{archetype}]\nsituation: s\ntask: t\nactions: [a]\nresult: Cut latency by 40%\n";

    private static TempProject Project() => new(new Dictionary<string, string>
    {
        ["content/index.md"] = "# Home\n",
        ["content/guide.md"] = Guide,
        ["content/a.md"] = "# A\n\nFirst version of a.\n",
        ["content/b.md"] = "# B\n\nText of b.\n",
        ["content/stories/one.yml"] = Story("Story one", 1),
        ["content/stories/two.yml"] = Story("Story two", 2),
    });

    private const int Chapters = 4;

    private static (BuildResult Result, MemorySiteSink Sink) Build(TempProject project, BuildCache cache, IReadOnlyCollection<string>? changed = null)
    {
        var sink = new MemorySiteSink();
        var result = BuildPipeline.Run(new BuildRequest(project.Root) { Sink = sink, Cache = cache, IncludePrivate = true, LiveReload = true, Changed = changed });
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        return (result, sink);
    }

    private static int Rendered(BuildResult result) => result.PagesRendered - result.PagesReused;

    private static string Page(MemorySiteSink sink, string path) => Encoding.UTF8.GetString(sink.Files![path]);

    [Fact]
    public void A_chapter_edit_renders_that_chapter_and_the_guide_wide_pages_but_no_other_chapter()
    {
        using var project = Project();
        var cache = new BuildCache();
        var (first, _) = Build(project, cache);

        project.Write("content/a.md", "# A\n\nSecond version of a.\n");
        var (edited, sink) = Build(project, cache);

        Assert.Contains("Second version of a.", Page(sink, "a.html"), StringComparison.Ordinal);
        // Every page but the other three chapters and the 404 page (which shows no content) is rendered again.
        Assert.Equal(first.PagesRendered - (Chapters - 1) - 1, Rendered(edited));
    }

    [Fact]
    public void A_story_edit_renders_its_archetype_page_and_the_story_wide_pages_but_no_chapter_and_not_the_other_archetype()
    {
        using var project = Project();
        var cache = new BuildCache();
        var (first, before) = Build(project, cache);
        var otherArchetype = Page(before, "archetypes/production-debugging.html");

        project.Write("content/stories/one.yml", Story("Story one, retold", 1));
        var (edited, sink) = Build(project, cache);

        Assert.Contains("Story one, retold", Page(sink, "archetypes/shipping-under-pressure.html"), StringComparison.Ordinal);
        Assert.Equal(otherArchetype, Page(sink, "archetypes/production-debugging.html"));
        Assert.Equal(first.PagesRendered - Chapters - 1 - 1, Rendered(edited));
    }

    [Fact]
    public void A_file_neither_reported_nor_changed_in_size_or_time_is_taken_from_the_cache_and_a_reported_one_is_read_again()
    {
        using var project = Project();
        var cache = new BuildCache();
        Build(project, cache);

        // The same length, and the time put back: only the watcher's report can tell this file changed.
        var path = Path.Combine(project.Root, "content/a.md");
        var written = File.GetLastWriteTimeUtc(path);
        project.Write("content/a.md", "# A\n\nFirst VERSION of a.\n");
        File.SetLastWriteTimeUtc(path, written);

        var (unreported, stale) = Build(project, cache, changed: ["content/b.md"]);
        Assert.Equal(0, Rendered(unreported));
        Assert.Contains("First version of a.", Page(stale, "a.html"), StringComparison.Ordinal);

        var (reported, fresh) = Build(project, cache, changed: ["content/a.md"]);
        Assert.True(Rendered(reported) > 0);
        Assert.Contains("First VERSION of a.", Page(fresh, "a.html"), StringComparison.Ordinal);

        // A folder reported as changed (renamed, or replaced as a whole) reads everything below it again.
        project.Write("content/a.md", "# A\n\nFirst vERSION of a.\n");
        File.SetLastWriteTimeUtc(path, written);
        var (_, folder) = Build(project, cache, changed: ["content"]);
        Assert.Contains("First vERSION of a.", Page(folder, "a.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_changed_in_size_is_read_again_even_if_the_watcher_missed_it()
    {
        using var project = Project();
        var cache = new BuildCache();
        Build(project, cache);

        project.Write("content/b.md", "# B\n\nA longer text of b, which the watcher did not report.\n");
        var (_, sink) = Build(project, cache, changed: []);
        Assert.Contains("which the watcher did not report", Page(sink, "b.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_cached_build_and_a_fresh_one_write_the_same_site_after_edits()
    {
        using var project = Project();
        var cache = new BuildCache();
        Build(project, cache);
        project.Write("content/a.md", "# A\n\nSee archetype #2 and #7, and [b](b.md).\n");
        project.Write("content/stories/two.yml", Story("Story two, retold", 2));
        var (cachedResult, cached) = Build(project, cache, changed: ["content/a.md", "content/stories/two.yml"]);
        var (freshResult, fresh) = Build(project, new BuildCache());

        // The same findings too: what is kept per chapter or story (links, ids, references) is what a fresh build derives.
        Assert.Equal(freshResult.Diagnostics, cachedResult.Diagnostics);

        Assert.Equal(fresh.Files!.Keys.Order(StringComparer.Ordinal), cached.Files!.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in fresh.Files)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(cached.Files[path]), path);
        }
    }
}
