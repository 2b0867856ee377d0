using System.Text.Json;
using AngleSharp.Dom;
using Handbook.Guide;
using Handbook.Tests.Support;

namespace Handbook.Tests.Drill;

/// <summary>
/// drill.html and cards.html as built: which questions they hold, what reveal can show, the time limits read from the guide,
/// the embedded data's escaping, and the flash cards' sheet order. Their behaviour in a browser is in Browser/DrillTests.
/// </summary>
public sealed class DrillPageTests
{
    /// <summary>A small guide written differently from the repository's: a question table, a bullet list, its own time rule.</summary>
    private static readonly Dictionary<string, string> SmallGuide = new()
    {
        ["handbook.yml"] = "title: Small guide\n",
        ["content/index.md"] = "# Home\n",
        ["content/guide.md"] = """
            # Guide

            ## Story archetypes

            ### 1. Debugging

            - Probes: Can you find a bug?
            - Story shape: Something broke; you found out why.
            - Template: Situation [what broke] · Task [find it] · Action [how] · Result [time saved]

            ### 2. Influence

            - Probes: Can you change minds?
            - Story shape: You persuaded someone with data.
            - Template: Situation [the disagreement] · Task [your aim] · Action [what you showed] · Result [what changed]

            ## Question map

            | Question | Archetype |
            |---|---|
            | Tell me about a bug you found | #1 |
            | Tell me about convincing a sceptic | #2 |

            ## Odd questions

            - What if &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; & "quotes" break things? (#1)

            ## Questions to ask

            - What keeps you here?
            - What would you change?

            ## Delivery rules

            - Answer each question in 60-90 seconds.
            """,
        ["content/stories/found-it.yml"] = """
            title: The missing index
            archetypes: [1]
            situation: Checkout pages took 9 seconds.
            task: I owned the investigation.
            actions:
              - I profiled the slowest queries.
            result: Page time fell from 9 s to 300 ms for 40% of users.
            """,
    };

    [Fact]
    public void The_repository_drill_has_every_interview_question_with_its_reveal_and_the_guides_time_limits()
    {
        using var project = TempProject.CopyOfRepository();
        Assert.Equal(0, project.Build().ExitCode);
        var drill = project.Page("drill.html");
        var data = Data(drill);
        var questions = project.Page("questions.html").QuerySelectorAll(".question-group:not(.questions-to-ask) li.question").Select(q => q.Id).ToList();
        Assert.Equal(questions, data.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("id").GetString()).ToList());
        Assert.True(questions.Count >= 20, $"only {questions.Count} questions");

        // "Keep answers to 2-3 minutes max." → marks at 2:00 and 3:00.
        Assert.Equal(120, data.GetProperty("limits").GetProperty("soft").GetInt32());
        Assert.Equal(180, data.GetProperty("limits").GetProperty("hard").GetInt32());
        Assert.Contains("Wrap up by 2:00, stop by 3:00", drill.QuerySelector(".drill-limits")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Keep answers to 2-3 minutes max.", drill.QuerySelector(".drill-intro")!.TextContent, StringComparison.Ordinal);

        foreach (var question in data.GetProperty("questions").EnumerateArray())
        {
            var id = question.GetProperty("id").GetString()!;
            foreach (var n in question.GetProperty("archetypes").EnumerateArray())
            {
                var panel = drill.GetElementById($"drill-a-{n.GetInt32()}");
                Assert.True(panel is not null, $"{id}: no panel for archetype {n}");
                Assert.NotNull(panel!.QuerySelector("a[href^='archetypes/']"));
            }

            if (question.GetProperty("story").GetString() is { } story)
            {
                var panel = drill.GetElementById("drill-s-" + story);
                Assert.True(panel is not null, $"{id}: no panel for story {story}");
                Assert.Equal(4, panel!.QuerySelectorAll(".star dt").Count(dt => dt.TextContent is "Situation" or "Task" or "Actions" or "Result"));

                // The result's numbers are emphasised as on the archetype pages.
                Assert.NotNull(panel.QuerySelector(".result strong.num"));
            }

            Assert.Equal(question.GetProperty("answer").GetBoolean(), drill.GetElementById("drill-ans-" + id) is not null);
        }

        Assert.All(drill.QuerySelectorAll(".drill-panel"), p => Assert.True(p.HasAttribute("hidden"), p.Id + " is shown before reveal"));
        Assert.Equal(8, drill.QuerySelectorAll("#drill-ask-pair li").Length);
        Assert.Equal(2, drill.QuerySelectorAll("#drill-ask-pair li:not([hidden])").Length);

        var sidebar = project.Page("index.html").QuerySelectorAll("#hb-sidebar a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("drill.html", sidebar);
        Assert.Contains("cards.html", sidebar);
    }

    [Fact]
    public void Any_guide_with_questions_gets_a_drill_with_its_own_limits_and_data_that_cannot_close_its_script()
    {
        using var project = new TempProject(SmallGuide);
        var result = project.Build();
        Assert.True(result.ExitCode == 0, string.Join('\n', result.Diagnostics));
        var drill = project.Page("drill.html");
        var data = Data(drill);
        var texts = data.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("text").GetString()).ToList();
        Assert.Equal(3, texts.Count);
        Assert.Contains("Tell me about a bug you found", texts);
        var odd = texts.Single(t => t!.StartsWith("What if", StringComparison.Ordinal))!;
        Assert.Contains("</script>", odd, StringComparison.Ordinal);
        Assert.Contains("\"quotes\"", odd, StringComparison.Ordinal);

        // Only the page's own scripts: the question's markup stayed data.
        var raw = project.Read("drill.html");
        var json = raw[raw.IndexOf("id=\"drill-data\">", StringComparison.Ordinal)..];
        json = json[..json.IndexOf("</script>", StringComparison.Ordinal)];
        Assert.DoesNotContain("<", json[json.IndexOf('>')..][1..], StringComparison.Ordinal);
        Assert.Equal(["drill-data"], drill.Scripts.Where(e => e.Text.Contains("alert(1)", StringComparison.Ordinal)).Select(e => e.Id).ToList());

        // "Answer each question in 60-90 seconds." → 1:00 and 1:30.
        Assert.Equal(60, data.GetProperty("limits").GetProperty("soft").GetInt32());
        Assert.Equal(90, data.GetProperty("limits").GetProperty("hard").GetInt32());
        Assert.Contains("Wrap up by 1:00, stop by 1:30", drill.QuerySelector(".drill-limits")!.TextContent, StringComparison.Ordinal);

        // Archetype 2 has no story: reveal shows its template as the cue.
        Assert.Contains("[the disagreement]", drill.GetElementById("drill-a-2")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("300 ms", drill.QuerySelectorAll("#drill-s-found-it .result strong.num").Select(e => e.TextContent));
        Assert.Equal(["What keeps you here?", "What would you change?"], drill.QuerySelectorAll("#drill-ask-pair li").Select(li => li.TextContent).ToList());
        Assert.Equal("handbook-drill/v1/small-guide", data.GetProperty("key").GetString());
    }

    [Fact]
    public void Flash_cards_fill_sheets_of_eight_with_each_sheet_of_backs_mirrored_column_by_column()
    {
        using var project = new TempProject(SmallGuide);
        Assert.Equal(0, project.Build().ExitCode);
        var cards = project.Page("cards.html");
        var sheets = cards.QuerySelectorAll(".card-sheet");
        Assert.Equal(2, sheets.Length);
        Assert.Contains("card-fronts", sheets[0].ClassList);
        Assert.Contains("card-backs", sheets[1].ClassList);
        string Slot(IElement card) => card.ClassList.Contains("flash-empty") ? "-" : card.QuerySelector(".flash-number")!.TextContent.Split(' ')[0];
        Assert.Equal(["Q1", "Q2", "Q3", "-", "-", "-", "-", "-"], sheets[0].Children.Select(Slot).ToList());
        Assert.Equal(["Q2", "Q1", "-", "Q3", "-", "-", "-", "-"], sheets[1].Children.Select(Slot).ToList());

        var back = sheets[1].Children[1];
        Assert.Equal("1. Debugging", back.QuerySelector(".flash-archetype")!.TextContent);
        Assert.Equal("The missing index", back.QuerySelector(".flash-story")!.TextContent);
        Assert.Equal(["S", "T", "A", "R"], back.QuerySelectorAll(".flash-star dt").Select(d => d.TextContent).ToList());
        Assert.Equal("Tell me about a bug you found", sheets[0].Children[0].QuerySelector(".flash-question")!.TextContent);

        // No story for archetype 2: its template's cues instead.
        var noStory = sheets[1].Children[0];
        Assert.Contains("[the disagreement]", noStory.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_guide_without_interview_questions_has_no_drill_or_cards_and_no_link_to_them()
    {
        using var project = new TempProject(new Dictionary<string, string>
        {
            ["content/index.md"] = "# Home\n\nNo questions here.\n",
            ["content/guide.md"] = "# Guide\n\n## Archetypes\n\n### 1. Debugging\n\n- Probes: p\n- Story shape: s\n- Template: Situation [a] · Task [b] · Action [c] · Result [d]\n\n## Closing questions to ask\n\n- Why here?\n",
        });
        var result = project.Build();
        Assert.True(result.ExitCode == 0, string.Join('\n', result.Diagnostics));
        Assert.False(project.Exists("drill.html"));
        Assert.False(project.Exists("cards.html"));
        foreach (var page in project.OutputFiles().Where(f => f.EndsWith(".html", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain("drill.html", project.Read(page), StringComparison.Ordinal);
            Assert.DoesNotContain("cards.html", project.Read(page), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Keep answers to 2-3 minutes max.", 120, 180)]
    [InlineData("Answers take 2–3 min.", 120, 180)]
    [InlineData("Answer in 60 to 90 seconds.", 60, 90)]
    [InlineData("Keep each answer under 3 minutes.", 120, 180)]
    [InlineData("Keep your story under 90 seconds.", 60, 90)]
    [InlineData("Use specific numbers: 40% cost saved, 3 minutes faster.", 120, 180)]
    [InlineData("Prepare for a 30-45 minute design round.", 120, 180)]
    [InlineData("Keep answers to 3-2 minutes.", 120, 180)]
    public void Time_limits_come_from_the_first_delivery_rule_that_states_them(string rule, int soft, int hard)
    {
        var limits = AnswerTimeLimits.From(["Lead with the result.", rule]);
        Assert.Equal((soft, hard), (limits.SoftSeconds, limits.HardSeconds));
    }

    [Fact]
    public void Without_a_time_rule_the_limits_are_two_and_three_minutes()
    {
        Assert.Equal(AnswerTimeLimits.Default, AnswerTimeLimits.From([]));
        Assert.Equal((120, 180, (string?)null), (AnswerTimeLimits.Default.SoftSeconds, AnswerTimeLimits.Default.HardSeconds, AnswerTimeLimits.Default.Rule));
    }

    private static JsonElement Data(IDocument page)
    {
        var script = page.GetElementById("drill-data");
        Assert.NotNull(script);
        Assert.Equal("application/json", script!.GetAttribute("type"));
        return JsonDocument.Parse(script.TextContent).RootElement.Clone();
    }
}
