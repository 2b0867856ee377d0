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
        Assert.DoesNotContain(outsideAfter.Except(outsideBefore), e => !EndsInGuid(Path.GetFileName(e)));
        return result;
    }

    /// <summary>Other tests' projects are named by a GUID, some with a prefix ("globalized-GUID").</summary>
    private static bool EndsInGuid(string name) => name.Length >= 32 && Guid.TryParseExact(name[^32..], "N", out _);

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

    [Theory]
    [InlineData("foo-")]
    [InlineData("-foo")]
    [InlineData("Foo")]
    [InlineData("a b")]
    [InlineData("")]
    public void New_story_refuses_every_id_the_check_would_reject(string id)
    {
        Assert.False(Handbook.Stories.StoryIds.IsValid(id));
        using var project = new TempProject(withConfig: false);
        Assert.Equal(0, CliRun.Of("init", project.Root, "--force").ExitCode);
        var stories = FolderSnapshot.Take(Path.Combine(project.Root, "content/stories"));
        var run = CliRun.Of("new", "story", "--archetype", "1", "--id", id, project.Root);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"handbook: '{id}' is not a story id: use lower-case letters, digits and hyphens, starting and ending with a letter or digit", run.Error, StringComparison.Ordinal);
        FolderSnapshot.AssertEqual(stories, FolderSnapshot.Take(Path.Combine(project.Root, "content/stories")));
    }

    [Theory]
    [InlineData("Résumé Gap", "resume-gap")]
    [InlineData("Ärger über Köln", "arger-uber-koln")]
    [InlineData("ﬁnal ① round", "final-1-round")]
    [InlineData("面试", "my-story")]
    [InlineData("--Trailing--", "trailing")]
    public void A_suggested_story_id_keeps_accented_letters_as_ascii(string name, string suggestion)
    {
        Assert.Equal(suggestion, Handbook.Stories.StoryIds.Suggest(name));
        Assert.True(Handbook.Stories.StoryIds.IsValid(suggestion));
    }

    [Fact]
    public void A_story_file_with_accents_in_its_name_is_told_the_ascii_name()
    {
        using var project = Project(("content/stories/Résumé Gap.yml", "title: T\narchetypes: [1]\nsituation: s\ntask: t\nactions: [a]\nresult: r\n"));
        var result = project.Check();
        var error = Assert.Single(result.Diagnostics, d => d.Code == "story-id");
        Assert.Equal("content/stories/Résumé Gap.yml: error story-id: a story's file name is its id and may hold only lower-case letters, digits and hyphens; rename it to 'resume-gap.yml'", error.ToString());
    }

    [SkippableFact]
    public void A_linked_file_pointing_outside_the_project_is_an_error_at_its_path_and_its_text_is_never_read()
    {
        using var project = Project(("content/guide.md", "# Guide\n"));
        var outside = Path.Combine(Path.GetDirectoryName(project.Root)!, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outside);
        try
        {
            File.WriteAllText(Path.Combine(outside, "secret.md"), "# zq7secret\n");
            File.WriteAllText(Path.Combine(outside, "secret.yml"), "title: zq7secret\n");
            File.CreateSymbolicLink(Path.Combine(project.Root, "content/linked.md"), Path.Combine(outside, "secret.md"));
            Directory.CreateDirectory(Path.Combine(project.Root, "content/stories"));
            File.CreateSymbolicLink(Path.Combine(project.Root, "content/stories/linked.yml"), Path.Combine(outside, "secret.yml"));
            File.CreateSymbolicLink(Path.Combine(project.Root, "content/key.txt"), Path.Combine(outside, "secret.md"));

            var result = project.Build();

            Assert.Equal(1, result.ExitCode);
            Assert.Equal(
            [
                "content/key.txt: error file-link-outside: this is a link to a file outside the project; Handbook follows links only within the project folder: copy the file in instead",
                "content/linked.md: error file-link-outside: this is a link to a file outside the project; Handbook follows links only within the project folder: copy the file in instead",
                "content/stories/linked.yml: error file-link-outside: this is a link to a file outside the project; Handbook follows links only within the project folder: copy the file in instead",
            ], result.Diagnostics.Where(d => d.Severity == Handbook.Diagnostics.Severity.Error).Select(d => d.ToString()));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public void A_linked_file_inside_the_project_is_followed_and_a_broken_link_is_an_error()
    {
        using var project = Project(("content/guide.md", "# Guide\n\nSee [shared](shared.md).\n"), ("notes/shared.md", "# Shared notes\n"));
        File.CreateSymbolicLink(Path.Combine(project.Root, "content/shared.md"), Path.Combine(project.Root, "notes/shared.md"));
        Assert.True(project.Build().Succeeded);
        Assert.Contains("Shared notes", project.Read("shared.html"), StringComparison.Ordinal);

        File.CreateSymbolicLink(Path.Combine(project.Root, "content/gone.md"), Path.Combine(project.Root, "notes/gone.md"));
        var result = project.Build();
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("content/gone.md: error file-link-broken: this is a link to a file that does not exist (notes/gone.md)", Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public void A_linked_folder_is_reported_not_silently_dropped()
    {
        using var project = Project(("content/guide.md", "# Guide\n"), ("notes/extra.md", "# Extra\n"));
        Directory.CreateSymbolicLink(Path.Combine(project.Root, "content/more"), Path.Combine(project.Root, "notes"));
        var result = project.Build();
        Assert.Equal("content/more: warning folder-link: this is a link to a folder; Handbook does not follow folder links (they can loop): move the folder into content/ instead", Assert.Single(result.Diagnostics).ToString());
    }

    [SkippableTheory]
    [InlineData("content/private", "folder-unreadable")]
    [InlineData("content/notes.md", "file-unreadable")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void An_unreadable_folder_or_file_is_an_error_at_its_path(string path, string code)
    {
        Skip.If(OperatingSystem.IsWindows() || Environment.UserName == "root", "permissions do not bind root (or work this way on Windows)");
        using var project = Project(("content/guide.md", "# Guide\n"), ("content/private/notes.md", "# Notes\n"), ("content/notes.md", "# Notes\n"));
        var full = Path.Combine(project.Root, path);
        File.SetUnixFileMode(full, UnixFileMode.None);
        try
        {
            var result = project.Build();
            Assert.Equal(1, result.ExitCode);
            var error = Assert.Single(result.Diagnostics);
            Assert.Equal(path, error.Location.Path);
            Assert.Equal(code, error.Code);
        }
        finally
        {
            File.SetUnixFileMode(full, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void Nfc_and_nfd_spellings_of_one_file_name_are_a_collision_like_case()
    {
        using var project = Project(("content/caf\u00e9.md", "# Composed\n"), ("content/cafe\u0301.md", "# Decomposed\n"), ("content/cafe.md", "# Plain\n"));
        var result = BuildContained(project);
        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Handbook.Diagnostics.Severity.Error);
        Assert.Equal("content/caf\u00e9.md: error page-collision: this page would be written to 'caf\u00e9.html', like content/cafe\u0301.md; rename one of them or set another 'slug'", error.ToString());
    }

    [Theory]
    [InlineData("caf\u00e9", "cafe\u0301")]
    [InlineData("CAF\u00c9", "cafe\u0301")]
    [InlineData("\u1e69", "s\u0323\u0307")] // ṩ: two marks, in either order
    [InlineData("\u1e69", "s\u0307\u0323")]
    [InlineData("\ud55c", "\u1112\u1161\u11ab")] // Hangul 한
    [InlineData("\u212b", "a\u030a")] // Angstrom sign
    public void Canonically_equal_names_share_a_key(string a, string b) => Assert.Equal(CanonicalName.Key(a), CanonicalName.Key(b));

    [Theory]
    [InlineData("caf\u00e9", "cafe")]
    [InlineData("\u00e9", "\u00e8")]
    public void Different_names_keep_different_keys(string a, string b) => Assert.NotEqual(CanonicalName.Key(a), CanonicalName.Key(b));

    [Fact]
    public void File_names_with_url_characters_build_and_every_href_to_them_is_percent_encoded()
    {
        using var project = Project(
            ("content/guide.md", "# Guide\n\n[hash](c%23-notes.md) [question](why%3F.md#part) [percent](my%2520notes.md) [space](two%20words.md)\n"),
            ("content/c#-notes.md", "# C sharp notes\n"),
            ("content/why?.md", "# Why\n\n## Part\n"),
            ("content/my%20notes.md", "# Percent\n"),
            ("content/two words.md", "# Two words\n"));

        var result = BuildContained(project);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        foreach (var file in new[] { "c#-notes.html", "why?.html", "my%20notes.html", "two words.html" })
        {
            Assert.True(project.Exists(file), file);
        }

        var guide = project.Page("guide.html");
        var links = guide.QuerySelectorAll("article p a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["c%23-notes.html", "why%3F.html#part", "my%2520notes.html", "two%20words.html"], links);
        var nav = guide.QuerySelectorAll("nav a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("c%23-notes.html", nav);
        Assert.Contains("my%2520notes.html", nav);
        var index = project.Read("search-index.js");
        Assert.Contains("\"u\":\"why%3F.html", index, StringComparison.Ordinal);
        Assert.DoesNotContain("why?.html", index, StringComparison.Ordinal);
    }
}
