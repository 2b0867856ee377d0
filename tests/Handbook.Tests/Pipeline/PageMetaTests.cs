using System.Diagnostics;
using Handbook.Load;
using Handbook.Tests.Support;

namespace Handbook.Tests.Pipeline;

/// <summary>What a shared link shows (description and Open Graph meta), edit-this-page links and git last-updated dates.</summary>
public sealed class PageMetaTests
{
    private static TempProject Project(string config) => new(new Dictionary<string, string>
    {
        ["handbook.yml"] = config,
        ["content/index.md"] = "# Home\n\nA study companion for lead interviews.\n",
        ["content/guide.md"] = "---\ndescription: How to prepare STAR stories.\n---\n# Guide\n\nBody text.\n\n## Archetypes\n\n### 1. Shipping under pressure\n\n- Probes: Can you ship under a hard deadline?\n- Story shape: You shipped.\n- Template: Situation [a] · Task [b] · Action [c] · Result [d]\n",
        ["content/notes.md"] = "# Notes\n\nThe first paragraph of notes, which is what a link preview should show when no description is given.\n",
    });

    [Fact]
    public void Every_page_has_a_description_and_open_graph_meta_and_og_url_only_with_a_base_url()
    {
        using var project = Project("title: My Handbook\ndescription: Interview prep.\nbase_url: https://me.github.io/hb/\n");
        var result = project.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        foreach (var path in project.OutputFiles().Where(p => p.EndsWith(".html", StringComparison.Ordinal)))
        {
            var page = project.Page(path);
            string? Meta(string selector) => page.QuerySelector(selector)?.GetAttribute("content");
            Assert.False(string.IsNullOrWhiteSpace(Meta("meta[name=description]")), path);
            Assert.Equal(Meta("meta[name=description]"), Meta("meta[property='og:description']"));
            Assert.False(string.IsNullOrWhiteSpace(Meta("meta[property='og:title']")), path);
            Assert.Contains(Meta("meta[property='og:type']"), new[] { "website", "article" });
            Assert.Equal("My Handbook", Meta("meta[property='og:site_name']"));
            var canonical = page.QuerySelector("link[rel=canonical]")?.GetAttribute("href");
            if (Meta("meta[property='og:url']") is { } url)
            {
                Assert.StartsWith("https://me.github.io/hb/", url, StringComparison.Ordinal);
            }

            if (canonical is not null)
            {
                Assert.Equal(canonical, Meta("meta[property='og:url']"));
            }
        }

        var guide = project.Page("guide.html");
        Assert.Equal("How to prepare STAR stories.", guide.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Assert.Equal("Guide", guide.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        Assert.Equal("article", guide.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
        Assert.Equal("https://me.github.io/hb/guide.html", guide.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
        Assert.StartsWith("The first paragraph of notes", project.Page("notes.html").QuerySelector("meta[name=description]")!.GetAttribute("content"), StringComparison.Ordinal);
        Assert.Equal("Can you ship under a hard deadline?", project.Page("archetypes/shipping-under-pressure.html").QuerySelector("meta[name=description]")!.GetAttribute("content"));
        var home = project.Page("index.html");
        Assert.Equal("website", home.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
        Assert.Equal("My Handbook", home.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));

        using var local = Project("title: Local\n");
        Assert.True(local.Build().Succeeded);
        Assert.Null(local.Page("guide.html").QuerySelector("meta[property='og:url']"));
        Assert.NotNull(local.Page("print.html").QuerySelector("meta[name=description]"));
    }

    [Fact]
    public void Edit_links_go_to_the_source_on_content_pages_only()
    {
        using var project = Project("title: T\nrepo_url: https://github.com/me/handbook\nedit_uri: edit/trunk/docs/\n");
        Assert.True(project.Build().Succeeded);
        Assert.Equal("https://github.com/me/handbook/edit/trunk/docs/content/guide.md", project.Page("guide.html").QuerySelector("a.hb-edit")!.GetAttribute("href"));
        Assert.Null(project.Page("print.html").QuerySelector("a.hb-edit"));
        Assert.Null(project.Page("archetypes/shipping-under-pressure.html").QuerySelector("a.hb-edit"));

        using var defaults = Project("title: T\nrepo_url: https://github.com/me/handbook/\n");
        Assert.True(defaults.Build().Succeeded);
        Assert.Equal("https://github.com/me/handbook/edit/main/content/index.md", defaults.Page("index.html").QuerySelector("a.hb-edit")!.GetAttribute("href"));

        using var none = Project("title: T\n");
        Assert.True(none.Build().Succeeded);
        Assert.Null(none.Page("guide.html").QuerySelector("a.hb-edit"));
    }

    [Fact]
    public void Bad_publishing_keys_are_located_errors()
    {
        using var project = Project("title: T\nrepo_url: not a url\nlast_updated: mtime\n");
        var result = project.Build();
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.Diagnostics, d => d.Code == "config-repo-url" && d.Location.Line == 2);
        Assert.Contains(result.Diagnostics, d => d.Code == "config-last-updated" && d.Location.Line == 3);
    }

    [SkippableFact]
    public void Last_updated_is_each_files_last_commit_date_from_one_git_call_and_absent_without_git_history()
    {
        Skip.If(!GitAvailable(), "git is not installed");
        using var project = Project("title: T\nlast_updated: git\n");

        // Not a repository yet: no dates and no error.
        var plain = project.Build();
        Assert.True(plain.Succeeded, string.Join("\n", plain.Diagnostics));
        Assert.Null(project.Page("guide.html").QuerySelector(".hb-page-meta time"));

        Git(project.Root, "2024-01-02T10:00:00Z", "init", "-q");
        Git(project.Root, "2024-01-02T10:00:00Z", "add", "content/guide.md", "content/index.md", "handbook.yml");
        Git(project.Root, "2024-01-02T10:00:00Z", "commit", "-q", "-m", "first");
        project.Write("content/guide.md", File.ReadAllText(Path.Combine(project.Root, "content/guide.md")) + "\nMore.\n");
        Git(project.Root, "2024-03-04T10:00:00Z", "commit", "-q", "-am", "second");
        // An edit after the last commit does not change the date: it is the commit's, not the clock's.
        project.Write("content/index.md", "# Home\n\nEdited, not committed.\n");

        Assert.True(project.Build().Succeeded);
        Assert.Equal("2024-03-04", project.Page("guide.html").QuerySelector(".hb-page-meta time")!.GetAttribute("datetime"));
        Assert.Equal("2024-01-02", project.Page("index.html").QuerySelector(".hb-page-meta time")!.TextContent);
        Assert.Null(project.Page("notes.html").QuerySelector(".hb-page-meta time")); // untracked
        Assert.Null(project.Page("print.html").QuerySelector(".hb-page-meta"));

        // Paths are relative to the project even when it is a subfolder of the repository.
        Assert.Equal("2024-03-04", GitDates.Read(Path.Combine(project.Root, "content"), ".")["guide.md"]);
        var first = project.Read("guide.html");
        Assert.True(project.Build().Succeeded);
        Assert.Equal(first, project.Read("guide.html"));
    }

    [Fact]
    public void Git_log_parsing_takes_each_files_newest_commit()
    {
        var dates = GitDates.Parse("\u00012024-05-06\n\ncontent/a.md\ncontent/b.md\n\u00012024-01-01\n\ncontent/a.md\ncontent/c.md\n");
        Assert.Equal("2024-05-06", dates["content/a.md"]);
        Assert.Equal("2024-05-06", dates["content/b.md"]);
        Assert.Equal("2024-01-01", dates["content/c.md"]);
    }

    private static bool GitAvailable()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("git", "--version") { RedirectStandardOutput = true, UseShellExecute = false })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static void Git(string root, string date, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-c", "user.name=T", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false" }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["GIT_AUTHOR_DATE"] = date;
        start.Environment["GIT_COMMITTER_DATE"] = date;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
    }
}
