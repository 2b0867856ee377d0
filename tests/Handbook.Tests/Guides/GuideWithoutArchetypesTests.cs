using Handbook.Diagnostics;
using Handbook.Tests.Support;

namespace Handbook.Tests.Guides;

/// <summary>Issue 11: archetypes.yml, stories that name questions, and a guide with questions only.</summary>
public sealed class GuideWithoutArchetypesTests
{
    private const string Guide = """
        # Guide

        ## STAR archetypes

        ### 1. Production debugging

        - Probes: Can you debug?
        - Story shape: A failure you traced.
        - Template: Situation [a] · Task [b] · Action [c] · Result [d]

        ## Interview questions

        ### Tell me about a hard bug.

        - Use #1.

        ### What would you do differently?

        - Reflect honestly.

        """;

    private const string Story = "situation: s\ntask: t\nactions: [a]\nresult: Cut errors by 50%.\nlesson: l\n";

    private static string Lines(Handbook.Build.BuildResult result) => string.Join('\n', result.Diagnostics);

    [Fact]
    public void Archetypes_yml_adds_archetypes_and_questions_to_the_guides_own()
    {
        using var project = new TempProject(new Dictionary<string, string>
        {
            ["content/index.md"] = Guide,
            ["content/archetypes.yml"] = "- number: 1\n  title: Production debugging\n  questions: [Tell me about a hard bug]\n- number: 2\n  title: Conflict\n  probes: Can you disagree well?\n  template:\n    situation: the disagreement\n    result: the outcome\n    AI tie-in: same with agents\n  questions:\n    - Describe a disagreement.\n    - What would you do differently?\n",
        });
        var result = project.Build();
        Assert.True(result.Succeeded, Lines(result));
        var conflict = project.Page("archetypes/conflict.html");
        Assert.Equal("2. Conflict", conflict.QuerySelector("article h1")!.TextContent);
        Assert.DoesNotContain(conflict.QuerySelectorAll(".archetype-actions a"), a => a.TextContent == "In the guide");
        var questions = project.Page("questions.html");
        Assert.NotNull(questions.QuerySelector("#q-describe-a-disagreement"));
        // The guide's question named in archetypes.yml gains that archetype rather than appearing twice.
        Assert.Equal(["2. Conflict"], questions.QuerySelectorAll("#q-what-would-you-do-differently .question-archetypes a").Select(a => a.TextContent).ToList());
        Assert.Single(questions.QuerySelectorAll(".question-text"), p => p.TextContent == "Tell me about a hard bug.");
    }

    [Fact]
    public void A_conflict_between_archetypes_yml_and_the_guide_is_an_error_at_both_places()
    {
        using var project = new TempProject(new Dictionary<string, string>
        {
            ["content/index.md"] = Guide,
            ["content/archetypes.yml"] = "- number: 1\n  title: Debugging in production\n",
        });
        var result = project.Build();
        Assert.Equal(1, result.ExitCode);
        var errors = result.Diagnostics.Where(d => d.Code == "archetype-conflict").Select(d => d.Location.ToString()).ToList();
        Assert.Equal(["content/archetypes.yml:2:10", "content/index.md:5:1"], errors);
    }

    [Theory]
    [InlineData("- number: one\n  title: T\n", "content/archetypes.yml:1:11: error archetypes-type: 'number' must be a whole number from 1, not 'one'")]
    [InlineData("- number: 1\n  titel: T\n", "content/archetypes.yml:2:3: error archetypes-unknown-key: unknown archetype key 'titel'; did you mean 'title'?")]
    [InlineData("- number: 3\n", "content/archetypes.yml:1:3: error archetypes-missing-field: missing 'title': the archetype's name, such as 'Production debugging'")]
    [InlineData("title: T\n", "content/archetypes.yml:1:1: error archetypes-type: archetypes.yml must be a list of archetypes, each like '- number: 1' with 'title:', 'probes:', 'story_shape:' and 'template:'")]
    public void Archetypes_yml_is_read_strictly_with_located_errors(string yaml, string expected)
    {
        using var project = new TempProject(new Dictionary<string, string> { ["content/index.md"] = "# Home\n", ["content/archetypes.yml"] = yaml });
        var result = project.Build();
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void A_story_names_questions_by_text_or_id_and_an_unknown_one_is_an_error_at_its_line()
    {
        using var project = new TempProject(new Dictionary<string, string>
        {
            ["content/index.md"] = Guide,
            ["content/stories/bug.yml"] = "title: The bug\nquestions:\n  - tell me about a HARD bug\n  - q-what-would-you-do-differently\n  - Tell me about a hard bugs?\n  - Something else entirely\n" + Story,
        });
        var result = project.Build();
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [
                "content/stories/bug.yml:5:5: error story-unknown-question: unknown question 'Tell me about a hard bugs?'; did you mean \"Tell me about a hard bug.\" (q-tell-me-about-a-hard-bug)?",
                "content/stories/bug.yml:6:5: error story-unknown-question: unknown question 'Something else entirely'; name a question of the question index by its text or its id (the part after '#' in its link)",
            ],
            result.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.ToString()));

        project.Write("content/stories/bug.yml", "title: The bug\nquestions:\n  - tell me about a HARD bug\n  - q-what-would-you-do-differently\n" + Story);
        result = project.Build();
        Assert.True(result.Succeeded, Lines(result));
        var questions = project.Page("questions.html");
        // Through the question's archetype (#1) the story gets a page to link to; a question without one shows the story in place.
        Assert.Equal("archetypes/production-debugging.html#story-bug", questions.QuerySelector("#q-tell-me-about-a-hard-bug .question-story a")!.GetAttribute("href"));
        Assert.Equal("archetypes/production-debugging.html#story-bug", questions.QuerySelector("#q-what-would-you-do-differently .question-story a")!.GetAttribute("href"));
        Assert.NotNull(project.Page("archetypes/production-debugging.html").QuerySelector("#story-bug"));
    }

    [Fact]
    public void A_guide_with_questions_only_gets_a_question_index_and_a_printable_question_sheet()
    {
        using var project = new TempProject(new Dictionary<string, string>
        {
            ["content/index.md"] = "# Guide\n\n## Common questions\n\n- Why this company?\n- Tell me about yourself.\n",
            ["content/stories/intro.yml"] = "title: My pitch\nquestions: [Tell me about yourself]\n" + Story,
        });
        var result = project.Build();
        Assert.True(result.Succeeded, Lines(result));
        Assert.False(project.Exists("archetypes/index.html"));
        var sheet = project.Page("cheatsheets/questions.html");
        Assert.Equal(["Why this company?", "Tell me about yourself."], sheet.QuerySelectorAll("table.qmap tbody td:first-child a").Select(a => a.TextContent).ToList());
        Assert.Equal(["Question", "Story to tell"], sheet.QuerySelectorAll("table.qmap thead th").Select(th => th.TextContent).ToList());
        Assert.Equal(["—", "My pitch"], sheet.QuerySelectorAll("table.qmap tbody td:last-child").Select(td => td.TextContent).ToList());
        var entry = project.Page("questions.html").QuerySelector("#q-tell-me-about-yourself")!;
        Assert.Equal("My pitch", entry.QuerySelector(".question-story strong")!.TextContent);
        Assert.Equal("Cut errors by 50%.", entry.QuerySelector("details.question-story-star dd.result")!.TextContent);
        Assert.Contains("My pitch", project.Read("search-index.js"), StringComparison.Ordinal);
    }
}
