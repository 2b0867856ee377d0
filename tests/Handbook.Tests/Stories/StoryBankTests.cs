using System.Text;
using System.Text.Json;
using Handbook.Build;
using Handbook.Cli;
using Handbook.Diagnostics;
using Handbook.Tests.Support;

namespace Handbook.Tests.Stories;

/// <summary>The story bank end to end on <c>tests/fixtures/stories-imperfect</c>: coaching, errors, pages, private stories.</summary>
public sealed class StoryBankTests
{
    private static TempProject Fixture()
    {
        var source = Path.Combine(TempProject.RepositoryRoot(), "tests", "fixtures", "stories-imperfect");
        var project = new TempProject(withConfig: false);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            project.Write(Path.GetRelativePath(source, file), File.ReadAllText(file));
        }

        return project;
    }

    private static readonly string[] FixtureFindings =
    [
        "content/guide.md:17:1: warning archetype-uncovered",
        "content/stories/team-did-it.yml:2:1: info no-lesson",
        "content/stories/team-did-it.yml:2:1: warning no-tie-in",
        "content/stories/team-did-it.yml:5:7: warning we-not-i",
        "content/stories/team-did-it.yml:7:3: warning actions-count",
        "content/stories/team-did-it.yml:8:9: warning result-no-number",
        "content/stories/template-left-in.yml:4:12: warning placeholder",
        "content/stories/template-left-in.yml:9:9: warning placeholder",
    ];

    private static string Head(Diagnostic d)
    {
        var text = d.ToString();
        var code = text.IndexOf(" " + d.SeverityName + " " + d.Code, StringComparison.Ordinal);
        return text[..(code + d.SeverityName.Length + d.Code.Length + 2)];
    }

    [Fact]
    public void Check_coaches_every_story_with_the_guides_rules()
    {
        using var project = Fixture();
        var result = project.Check();
        Assert.Equal(FixtureFindings, result.Diagnostics.Select(Head));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.Diagnostics, d => d.Code == "no-tie-in" && d.Message.EndsWith("\"Lead tie-in: leadership compounds through people.\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Strict_makes_coach_warnings_fail()
    {
        using var project = Fixture();
        var result = project.Build(r => r with { Strict = true });
        Assert.Equal(1, result.ExitCode);
        Assert.False(project.Exists("index.html"));
    }

    [Fact]
    public void Check_format_json_prints_one_array_of_file_line_column_severity_code_message()
    {
        using var project = Fixture();
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = HandbookCommand.Run(["check", project.Root, "--format", "json"], output, error);
        Assert.Equal(0, exit);
        Assert.Equal("", error.ToString());
        using var json = JsonDocument.Parse(output.ToString());
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(FixtureFindings.Length, items.Count);
        Assert.All(items, item => Assert.Equal(["file", "line", "column", "severity", "code", "message"], item.EnumerateObject().Select(p => p.Name)));
        var placeholder = items[6];
        Assert.Equal("content/stories/template-left-in.yml", placeholder.GetProperty("file").GetString());
        Assert.Equal(4, placeholder.GetProperty("line").GetInt32());
        Assert.Equal(12, placeholder.GetProperty("column").GetInt32());
        Assert.Equal("warning", placeholder.GetProperty("severity").GetString());
        Assert.Equal("placeholder", placeholder.GetProperty("code").GetString());
        Assert.StartsWith("situation still holds the template prompt '[the flaky failure]'", placeholder.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("info", items[1].GetProperty("severity").GetString());

        var strict = HandbookCommand.Run(["check", project.Root, "--format", "json", "--strict"], new StringWriter(), new StringWriter());
        Assert.Equal(1, strict);
    }

    [Fact]
    public void Bad_story_files_are_all_reported_in_one_run_and_the_previous_site_is_kept()
    {
        using var project = Fixture();
        Assert.True(project.Build().Succeeded);
        var before = project.Read("archetypes/production-debugging.html");

        project.Write("content/stories/typo.yml", "title: Typo\narchetypes: [1, production-debuging]\nsituaton: x\ntask: I did.\nactions: [a, b]\nresult: 3x\n");
        project.Write("content/stories/wrong-type.yml", "title: [a]\narchetypes: [7]\nsituation: s\ntask: t\nactions: [a, b]\nresult: 1\n");
        project.Write("content/stories/empty.yaml", "");
        project.Write("content/stories/empty.yml", "# nothing\n");
        project.Write("content/stories/Bad Name.yml", "title: T\narchetypes: [1]\nsituation: s\ntask: t\nactions: [a, b]\nresult: 1\n");
        project.Write("content/stories/syntax.yml", "title: T\n  archetypes: [1\n");
        project.Write("content/stories/blank-result.yml", "title: T\narchetypes: [2]\nsituation: s\ntask: I did.\nactions: [I did a, I did b]\nresult:\ntie_in: t\nlesson: l\n");

        var result = project.Build();
        Assert.Equal(1, result.ExitCode);
        var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).Select(Head).ToList();
        Assert.Equal(
            [
                "content/stories/Bad Name.yml: error story-id",
                "content/stories/blank-result.yml:6:8: error star-missing",
                "content/stories/empty.yaml: error story-empty",
                "content/stories/empty.yml: error story-duplicate-id",
                "content/stories/syntax.yml:2:13: error yaml-syntax",
                "content/stories/typo.yml:1:1: error story-missing-field",
                "content/stories/typo.yml:2:17: error story-unknown-archetype",
                "content/stories/typo.yml:3:1: error story-unknown-field",
                "content/stories/wrong-type.yml:1:8: error story-type",
                "content/stories/wrong-type.yml:2:14: error story-unknown-archetype",
            ],
            errors);
        // Archetype references are checked even in a story dropped for other errors, each at its own item.
        var unknown = result.Diagnostics.Where(d => d.Code == "story-unknown-archetype").Select(d => d.Message).ToList();
        Assert.Equal(["unknown archetype 'production-debuging'; did you mean 'production-debugging' (#1)?", "unknown archetype #7; the guide's archetypes are numbered 1 to 3"], unknown);
        Assert.Equal(before, project.Read("archetypes/production-debugging.html"));
    }

    [Fact]
    public void Stories_render_on_their_archetype_pages_primary_first_with_numbers_emphasised()
    {
        using var project = Fixture();
        Assert.True(project.Build().Succeeded);
        var page = project.Page("archetypes/production-debugging.html");
        var stories = page.QuerySelectorAll("article.story");
        Assert.Equal(["story-good-debugging", "story-template-left-in"], stories.Select(s => s.Id));
        Assert.Contains("story-primary", stories[0].ClassList);
        var result = stories[0].QuerySelector("dd.result")!;
        Assert.Equal(["3%", "0.1%", "4 hours", "25 minutes"], result.QuerySelectorAll("strong.num").Select(s => s.TextContent));
        Assert.Equal(3, stories[0].QuerySelectorAll("ol li").Length);

        // A story serving two archetypes is on both pages.
        Assert.NotNull(project.Page("archetypes/mentoring-an-engineer.html").GetElementById("story-good-debugging"));
        Assert.Empty(project.Page("archetypes/customer-empathy.html").QuerySelectorAll("article.story"));
        Assert.NotNull(project.Page("archetypes/customer-empathy.html").QuerySelector("p.no-story"));
    }

    [Fact]
    public void Readiness_page_shows_each_archetypes_stories_their_findings_and_each_questions_story()
    {
        using var project = Fixture();
        Assert.True(project.Build().Succeeded);
        var page = project.Page("readiness.html");
        Assert.Equal("2 of 3 archetypes have a story, 6 warnings, 1 note", page.QuerySelector(".readiness-summary strong")!.TextContent);

        var first = page.GetElementById("ready-production-debugging")!;
        Assert.Equal(["Connection-pool race behind flaky checkouts", "Half-filled template"], first.QuerySelectorAll(".readiness-stories > li > a").Select(a => a.TextContent));
        Assert.Equal(["placeholder", "placeholder"], first.QuerySelectorAll(".diagnostic code").Select(c => c.TextContent));
        var mentoring = page.GetElementById("ready-mentoring-an-engineer")!;
        Assert.Equal(["no-lesson", "no-tie-in", "we-not-i", "actions-count", "result-no-number"], mentoring.QuerySelectorAll(".diagnostic code").Select(c => c.TextContent));
        Assert.Equal("No story yet", page.GetElementById("ready-customer-empathy")!.QuerySelector(".no-story")!.TextContent);

        var questions = page.QuerySelectorAll(".readiness-questions li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(
            [
                "Tell me about a production incident → Connection-pool race behind flaky checkouts",
                "Tell me about mentoring someone → Connection-pool race behind flaky checkouts",
                "Tell me about a customer interaction → no story yet",
            ],
            questions);
        Assert.Equal("archetypes/production-debugging.html#story-good-debugging", page.QuerySelector(".readiness-questions li a + a")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("nav.hb-sidebar a[href='readiness.html']"));
    }

    private const string Canary = "zqxcanary";

    /// <summary>A private story with the canary in its file name and in every field, tripping coach rules whose messages quote it.</summary>
    private static TempProject WithPrivateStory()
    {
        var project = Fixture();
        project.Write($"content/stories/{Canary}-secret.yml", $"""
            title: The {Canary} title
            archetypes: [3, 1]
            visibility: private
            primary: true
            tags: [{Canary}-tag]
            situation: The {Canary} situation.
            task: The {Canary} task, [{Canary} prompt left in].
            actions:
              - I did the {Canary} first action.
              - I did the {Canary} second action.
            result: The {Canary} result improved a lot.
            tie_in: The {Canary} tie-in.
            lesson: The {Canary} lesson.
            """);
        return project;
    }

    [Fact]
    public void A_private_story_leaves_no_trace_in_any_output_file()
    {
        using var project = WithPrivateStory();
        var result = project.Build(r => r with { BaseUrl = "https://example.com/handbook/" });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        // It is still coached, and still covers its archetype.
        Assert.Contains(result.Diagnostics, d => d.Code == "placeholder" && d.Location.Path.Contains(Canary, StringComparison.Ordinal));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "archetype-uncovered");

        var files = project.OutputFiles();
        Assert.Contains("sitemap.xml", files);
        Assert.Contains("search-index.js", files);
        Assert.Contains("readiness.html", files);
        var canary = Encoding.UTF8.GetBytes(Canary);
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(Path.Combine(project.Site, file));
            Assert.True(bytes.AsSpan().IndexOf(canary) < 0, $"{file} holds text of the private story");
            Assert.DoesNotContain(Canary, file, StringComparison.OrdinalIgnoreCase);
        }

        // The public story stays the one to tell, although the private one is marked primary.
        Assert.Equal("archetypes/production-debugging.html#story-good-debugging", project.Page("questions.html").QuerySelector("#q-tell-me-about-a-production-incident .question-story a")!.GetAttribute("href"));
        Assert.Equal("2 of 3 archetypes have a story, 6 warnings, 1 note", project.Page("readiness.html").QuerySelector(".readiness-summary strong")!.TextContent);
    }

    [Fact]
    public void Include_private_publishes_the_private_story()
    {
        using var project = WithPrivateStory();
        var result = project.Build(r => r with { IncludePrivate = true });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        foreach (var file in new[] { "archetypes/customer-empathy.html", "archetypes/production-debugging.html", "search-index.js", "readiness.html", "questions.html" })
        {
            Assert.Contains(Canary, project.Read(file), StringComparison.Ordinal);
        }

        var story = project.Page("archetypes/customer-empathy.html").GetElementById($"story-{Canary}-secret")!;
        Assert.NotNull(story.QuerySelector(".badge-private"));
        Assert.Equal("3 of 3 archetypes have a story, 8 warnings, 1 note", project.Page("readiness.html").QuerySelector(".readiness-summary strong")!.TextContent);
    }
}
