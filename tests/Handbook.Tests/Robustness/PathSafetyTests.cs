using Handbook.Markdown;
using Handbook.Tests.Support;

namespace Handbook.Tests.Robustness;

/// <summary>Issue 8, paths: no file name, slug, front matter value or link makes the build write outside the output folder.</summary>
public sealed class PathSafetyTests
{
    private static TempProject Project(params (string Path, string Text)[] files)
    {
        var all = new Dictionary<string, string> { ["content/index.md"] = "# Home\n" };
        foreach (var (path, text) in files)
        {
            all[path] = text;
        }

        return new TempProject(all);
    }

    /// <summary>Builds, and proves nothing appeared outside the project's output folder (in the project or beside it).</summary>
    private static Handbook.Build.BuildResult BuildContained(TempProject project)
    {
        var parent = Path.GetDirectoryName(project.Root)!;
        var outsideBefore = Directory.EnumerateFileSystemEntries(parent).Order(StringComparer.Ordinal).ToList();
        var projectBefore = FolderSnapshot.Take(project.Root, p => !p.StartsWith("site/", StringComparison.Ordinal));

        var result = project.Build();

        var projectAfter = FolderSnapshot.Take(project.Root, p => !p.StartsWith("site/", StringComparison.Ordinal));
        FolderSnapshot.AssertEqual(projectBefore, projectAfter);
        var outsideAfter = Directory.EnumerateFileSystemEntries(parent).Order(StringComparer.Ordinal).ToList();
        // Other tests create their own projects (named by a GUID) beside this one in parallel; anything else is a stray write.
        Assert.DoesNotContain(outsideAfter.Except(outsideBefore), e => !Guid.TryParseExact(Path.GetFileName(e), "N", out _));
        return result;
    }

    /// <summary>Docusaurus slugs are paths: from the content root when they start with '/', else from the page's folder; always inside the site.</summary>
    [Theory]
    [InlineData("/etc/passwd", "etc/passwd.html")]
    [InlineData("/tmp/x", "tmp/x.html")]
    [InlineData("a/b", "a/b.html")]
    [InlineData("/", "index.html")]
    public void A_front_matter_slug_path_stays_inside_the_site(string slug, string output)
    {
        using var project = Project(("content/guide.md", $"---\ntitle: Guide\nslug: \"{slug}\"\n---\n# Guide\n"));
        if (slug == "/")
        {
            File.Delete(Path.Combine(project.Root, "content/index.md"));
        }

        var result = BuildContained(project);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.True(project.Exists(output), output);
    }

    [Theory]
    [InlineData("../../x")]
    [InlineData("../x")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("C:\\\\Windows\\\\x")]
    [InlineData("/../x")]
    [InlineData("a/../b")]
    [InlineData(".hidden")]
    [InlineData("x.html")]
    [InlineData("Upper")]
    [InlineData("")]
    public void A_front_matter_slug_that_is_not_a_simple_name_is_an_error_at_its_line(string slug)
    {
        using var project = Project(("content/guide.md", $"---\ntitle: Guide\nslug: \"{slug}\"\n---\n# Guide\n"));
        var result = BuildContained(project);
        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(result.Diagnostics, d => d.Code == "front-matter-slug");
        Assert.Equal("content/guide.md", error.Location.Path);
        Assert.Equal(3, error.Location.Line);
    }

    [Theory]
    [InlineData("questions")]
    [InlineData("404")]
    [InlineData("print")]
    [InlineData("readiness")]
    public void A_slug_or_file_name_taking_a_generated_page_is_refused(string name)
    {
        using (var bySlug = Project(("content/guide.md", $"---\nslug: {name}\n---\n# Guide\n")))
        {
            var result = BuildContained(bySlug);
            Assert.Equal(1, result.ExitCode);
            Assert.Contains(result.Diagnostics, d => d.Code == "page-reserved" && d.Location.Path == "content/guide.md");
        }

        using var byName = Project(($"content/{name}.md", "# Guide\n"));
        var byNameResult = BuildContained(byName);
        Assert.Contains(byNameResult.Diagnostics, d => d.Code == "page-reserved");
    }

    [Theory]
    [InlineData("content/archetypes/x.md")]
    [InlineData("content/assets/x.md")]
    [InlineData("content/cheatsheets/x.md")]
    public void A_page_in_a_generated_folder_is_refused(string path)
    {
        using var project = Project((path, "# X\n"));
        var result = BuildContained(project);
        Assert.Contains(result.Diagnostics, d => d.Code == "page-reserved");
    }

    [Theory]
    [InlineData("content/con.md")]
    [InlineData("content/NUL.md")]
    [InlineData("content/aux/page.md")]
    [InlineData("content/com1.md")]
    [InlineData("content/lpt9/x.md")]
    public void Windows_device_names_are_refused_so_the_site_can_be_copied_anywhere(string path)
    {
        using var project = Project((path, "# X\n"));
        var result = BuildContained(project);
        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(result.Diagnostics, d => d.Code == "page-name-reserved");
        Assert.Equal(path, error.Location.Path);
    }

    [Fact]
    public void A_slug_that_is_a_windows_device_name_is_refused()
    {
        using var project = Project(("content/guide.md", "---\nslug: con\n---\n# Guide\n"));
        var result = BuildContained(project);
        Assert.Contains(result.Diagnostics, d => d.Code == "page-name-reserved");
    }

    [Fact]
    public void Two_pages_with_one_output_path_are_a_collision()
    {
        using var project = Project(("content/a.md", "---\nslug: same\n---\n# A\n"), ("content/b.md", "---\nslug: same\n---\n# B\n"), ("content/Same.md", "# C\n"));
        var result = BuildContained(project);
        Assert.Equal(2, result.Diagnostics.Count(d => d.Code == "page-collision"));
    }

    [Theory]
    [InlineData("content/questions.html")]
    [InlineData("content/404.html")]
    [InlineData("content/search-index.js")]
    [InlineData("content/assets/handbook.css")]
    [InlineData("content/guide.html")]
    public void A_static_file_that_would_overwrite_a_generated_file_is_an_error_not_a_crash(string path)
    {
        using var project = Project(("content/guide.md", "# Guide\n"), (path, "static"));
        var result = BuildContained(project);
        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(result.Diagnostics, d => d.Code == "static-collision");
        Assert.Equal(path, error.Location.Path);
    }

    [Fact]
    public void Links_that_climb_out_of_the_site_never_cause_writes_outside_it()
    {
        using var project = Project(
            ("content/guide.md", "# Guide\n\n[a](../../../../etc/passwd) [b](/etc/passwd) [c](file:///etc/passwd) [d](..\\..\\x.md) [e](../outside.md)\n\n![img](../../../x.png)\n"));
        var result = BuildContained(project);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.Diagnostics, d => d.Code == "link-broken");
    }

    [Theory]
    [InlineData("Ambiguity / 0→1", "ambiguity-01")]
    [InlineData("Café déjà vu", "cafe-deja-vu")]
    [InlineData("面试 准备", "面试-准备")]
    [InlineData("Ünïcödé 🚀 launch", "unicode-launch")]
    [InlineData("🚀🔥", "")]
    [InlineData("../../etc/passwd", "etcpasswd")]
    [InlineData("C:\\Windows", "cwindows")]
    [InlineData("   ", "")]
    public void Slugs_are_readable_and_never_hold_path_characters(string title, string slug)
    {
        var actual = HeadingSlugger.Slugify(title);
        Assert.Equal(slug, actual);
        Assert.DoesNotContain('/', actual);
        Assert.DoesNotContain('\\', actual);
        Assert.DoesNotContain('.', actual);
        Assert.Equal(actual, HeadingSlugger.Slugify(title)); // stable
    }

    [Fact]
    public void Non_ascii_and_duplicate_headings_get_unique_stable_ids()
    {
        const string guide = "# Guide\n\n## Ambiguity / 0→1\n\n## Ambiguity / 0→1\n\n## 🚀\n\n## 🔥\n\n## 面试\n\n## 面试\n";
        using var project = Project(("content/guide.md", guide));
        Assert.True(BuildContained(project).Succeeded);
        var ids = project.Page("guide.html").QuerySelectorAll("article h2").Select(h => h.Id).ToList();
        Assert.Equal(["ambiguity-01", "ambiguity-01_1", "_1", "_2", "面试", "面试_1"], ids);
    }
}
