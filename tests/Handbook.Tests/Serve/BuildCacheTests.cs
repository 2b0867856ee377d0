using Handbook.Build;
using Handbook.Tests.Support;
using Handbook.Write;

namespace Handbook.Tests.Serve;

public sealed class BuildCacheTests
{
    private static (BuildResult Result, MemorySiteSink Sink) Build(TempProject project, BuildCache cache)
    {
        var sink = new MemorySiteSink();
        var result = BuildPipeline.Run(new BuildRequest(project.Root) { Sink = sink, Cache = cache, IncludePrivate = true, LiveReload = true });
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        return (result, sink);
    }

    private static int Rendered(BuildResult result) => result.PagesRendered - result.PagesReused;

    [Fact]
    public void A_build_into_memory_writes_nothing_to_disk_and_matches_the_folder_build()
    {
        using var project = TempProject.CopyOfRepository();
        var (_, sink) = Build(project, new BuildCache());
        Assert.False(Directory.Exists(project.Site));

        var folder = project.Build(r => r with { IncludePrivate = true, LiveReload = true });
        Assert.True(folder.Succeeded);
        var expected = project.OutputFiles().Where(f => f != SiteWriter.MarkerFile).ToList();
        Assert.Equal(expected, sink.Files!.Keys.Order(StringComparer.Ordinal).ToList());
        foreach (var file in expected)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(project.Site, file)), sink.Files[file]);
        }
    }

    [Fact]
    public void Only_pages_whose_inputs_changed_are_rendered_again()
    {
        using var project = TempProject.CopyOfRepository();
        var cache = new BuildCache();
        var (first, _) = Build(project, cache);
        Assert.Equal(0, first.PagesReused);

        var (same, _) = Build(project, cache);
        Assert.Equal(0, Rendered(same));

        // The home page is a chapter that defines nothing: it alone changes, with the pages derived from the guide.
        project.Write("content/index.md", File.ReadAllText(Path.Combine(project.Root, "content/index.md")) + "\nOne more line.\n");
        var (chapter, sink) = Build(project, cache);
        Assert.Contains("One more line.", System.Text.Encoding.UTF8.GetString(sink.Files!["index.html"]), StringComparison.Ordinal);
        Assert.True(Rendered(chapter) < chapter.PagesRendered);
        Assert.True(Rendered(chapter) >= 1);

        // A template changes every page.
        project.Write("templates/partials/header.html", "<header class=\"hb-header\"><a href=\"{{ root }}\">{{ site.title }}</a></header>\n");
        var (theme, _) = Build(project, cache);
        Assert.Equal(theme.PagesRendered, Rendered(theme));
    }

    [Fact]
    public void A_failed_build_keeps_the_cache_of_the_last_good_one()
    {
        using var project = TempProject.CopyOfRepository();
        var cache = new BuildCache();
        Build(project, cache);

        var original = File.ReadAllText(Path.Combine(project.Root, "content/index.md"));
        project.Write("content/index.md", "---\ntitle: [broken\n---\n");
        var sink = new MemorySiteSink();
        var failed = BuildPipeline.Run(new BuildRequest(project.Root) { Sink = sink, Cache = cache, IncludePrivate = true });
        Assert.False(failed.Succeeded);
        Assert.Null(sink.Files);

        project.Write("content/index.md", original);
        var (again, _) = Build(project, cache);
        Assert.Equal(0, Rendered(again));
    }
}
