using Handbook.Cli.Serve;
using Handbook.Diagnostics;
using Handbook.Tests.Support;

namespace Handbook.Tests.Guides;

/// <summary>Issue 11: <c>content_dir</c> points Handbook at the folder a guide already lives in.</summary>
public sealed class ContentFolderTests
{
    private static string Lines(Handbook.Build.BuildResult result) => string.Join('\n', result.Diagnostics);

    [Fact]
    public void Content_dir_names_a_nested_folder_whose_subfolders_become_pages_and_whose_files_are_copied()
    {
        using var project = new TempProject(new Dictionary<string, string>
        {
            ["handbook.yml"] = "title: T\ncontent_dir: apps/website/contents\n",
            ["apps/website/contents/index.md"] = "# Home\n\n![logo](assets/logo.svg) [guide](guide/deep/page.md)\n",
            ["apps/website/contents/guide/deep/page.md"] = "# Deep\n\n[home](../../index.md)\n",
            ["apps/website/contents/assets/logo.svg"] = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
            ["apps/website/contents/stories/s.yml"] = "title: S\nquestions: [x]\nsituation: s\ntask: t\nactions: [a]\nresult: r\n",
            ["content/ignored.md"] = "# Not read: content/ is not the content folder here\n",
        });
        var result = project.Build();
        Assert.Equal(1, result.ExitCode);

        // The story folder follows the content folder: its unknown question is reported there.
        var unknown = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("apps/website/contents/stories/s.yml:2:13: error story-unknown-question: unknown question 'x'; the guide has no questions", unknown.ToString());

        File.Delete(Path.Combine(project.Root, "apps/website/contents/stories/s.yml"));
        result = project.Build();
        Assert.True(result.Succeeded, Lines(result));
        Assert.True(project.Exists("guide/deep/page.html"));
        Assert.True(project.Exists("assets/logo.svg"));
        Assert.False(project.Exists("ignored.html"));
        Assert.Equal("../../index.html", project.Page("guide/deep/page.html").QuerySelector("article p a")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("content_dir: ../elsewhere\n", "handbook.yml:2:14: error config-content-dir: 'content_dir' must be a folder inside the project; '..' would leave it: '../elsewhere'")]
    [InlineData("content_dir: /srv/docs\n", "handbook.yml:2:14: error config-content-dir: 'content_dir' must be a folder inside the project, relative to handbook.yml (such as 'docs'), not an absolute path: '/srv/docs'")]
    [InlineData("content_dir: .\n", "handbook.yml:2:14: error config-content-dir: 'content_dir' must name a folder below the project (such as 'docs'), not the project folder itself: '.'")]
    [InlineData("content_dir: docs\n", "handbook.yml:2:14: error content-missing: 'content_dir' names 'docs', which is not a folder of the project")]
    [InlineData("content_dir: templates/guide\n", "handbook.yml:2:14: error config-content-dir: 'content_dir' is 'templates/guide', inside the theme's templates/ folder; keep the guide and the templates apart")]
    [InlineData("content_dir: [docs]\n", "handbook.yml:2:14: error config-type: 'content_dir' must be text, not a list")]
    public void A_bad_content_dir_is_an_error_at_its_line(string line, string expected)
    {
        using var project = new TempProject(new Dictionary<string, string>
        {
            ["handbook.yml"] = "title: T\n" + line,
            ["content/index.md"] = "# Home\n",
            ["templates/guide/index.md"] = "# In the templates\n",
        });
        var result = project.Build();
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void The_output_folder_may_not_be_inside_the_content_folder()
    {
        using var project = new TempProject(new Dictionary<string, string>
        {
            ["handbook.yml"] = "title: T\ncontent_dir: docs\n",
            ["docs/index.md"] = "# Home\n",
        });
        var result = project.Build(r => r with { Output = Path.Combine(project.Root, "docs", "site") });
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(result.Diagnostics, d => d.Code == "output-unsafe" && d.Location.Path == "docs/site");
        Assert.False(Directory.Exists(Path.Combine(project.Root, "docs", "site")));
    }

    [Fact]
    public void The_preview_watches_the_configured_content_folder_and_mkdocs_yml_beside_it()
    {
        Assert.True(ProjectWatcher.Matters("docs/guide/page.md", "docs"));
        Assert.True(ProjectWatcher.Matters("docs/stories/s.yml", "docs"));
        Assert.True(ProjectWatcher.Matters("mkdocs.yml", "docs"));
        Assert.True(ProjectWatcher.Matters("website/mkdocs.yml", "website/docs"));
        Assert.False(ProjectWatcher.Matters("content/page.md", "docs"));
        Assert.False(ProjectWatcher.Matters("docsx/page.md", "docs"));
        Assert.False(ProjectWatcher.Matters("mkdocs.yml", "website/docs"));
    }
}
