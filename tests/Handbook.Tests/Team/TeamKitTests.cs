using System.Text;
using Handbook.Config;
using Handbook.Diagnostics;
using Handbook.Tests.Support;

namespace Handbook.Tests.Team;

/// <summary>
/// Issue 16, "how we interview": the loop from <c>content/loop.yml</c>, one interviewer packet per round, anchored scorecards, the
/// debrief sheet, and the audience switch that keeps each audience's pages (and every link, search entry and sitemap line to
/// them) out of the other's site. The repository's own handbook has a loop; its output is read back with AngleSharp.
/// </summary>
public sealed class TeamKitTests
{
    private static RepositoryBuild Repository => RepositoryBuild.WithStories;

    private static readonly string[] Rounds = ["Production and incidents", "Technical judgement", "Collaboration and pushback", "Leading through people"];

    private static readonly string[] Levels = ["Strong no", "No", "Yes", "Strong yes"];

    private const string Guide = """
        # Guide

        ## STAR archetypes

        ### 1. Shipping under pressure

        - Probes: Can you ship?
        - Story shape: You cut scope, shipped on the date, and measured the result.
        - Template: Situation [the deadline] · Task [what you owned] · Action [what you cut] · Result [the date + a metric]

        ### 2. Disagreement

        - Probes: Can you push back with evidence?
        - Story shape: You disagreed, brought data, and committed to the decision.
        - Template: Situation [the decision] · Task [your position] · Action [the evidence] · Result [what was decided]

        ## Questions -> archetype

        | Question | Best archetype |
        |---|---|
        | Tell me about a deadline | #1 |
        | Tell me about a disagreement | #2 |

        ## Delivery rules

        - Keep answers to 2-3 minutes.
        - Use numbers from your own work.

        ## Anti-patterns

        - Saying "we" for everything.
        - No result.
        """;

    [Fact]
    public void The_loop_page_lists_the_rounds_in_order_with_time_focus_and_a_coverage_matrix()
    {
        Assert.True(Repository.Result.Succeeded, string.Join('\n', Repository.Result.Diagnostics));
        var page = Repository.Project.Page("loop.html");
        Assert.Equal("Interview loop", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(Rounds, page.QuerySelectorAll(".loop-round h2").Select(h => h.TextContent));
        Assert.Contains("170 minutes in all", page.QuerySelector("h1 + p")!.TextContent, StringComparison.Ordinal);
        var first = page.GetElementById("round-production-and-incidents")!;
        Assert.Contains("45 min · Senior engineer on the platform team", first.QuerySelector(".loop-meta")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("interviewers/production-and-incidents.html", first.QuerySelector(".loop-meta a")!.GetAttribute("href"));
        Assert.Equal(["1. Production debugging", "3. A production incident you caused", "7. Production scale"], first.QuerySelectorAll("p:not(.loop-meta) a").Select(a => a.TextContent));

        var rows = page.QuerySelectorAll("table.coverage tbody tr");
        Assert.Equal(10, rows.Length);
        Assert.All(rows, row => Assert.Equal(1, row.QuerySelectorAll("td").Count(td => td.TextContent.Contains("covered", StringComparison.Ordinal))));
        Assert.Equal(Rounds.Length, page.QuerySelectorAll("table.coverage thead th").Length - 1);
        Assert.Empty(page.QuerySelectorAll(".coverage-gap, .coverage-overlap"));
        Assert.Contains(Repository.Project.Page("index.html").QuerySelectorAll("nav.hb-sidebar a"), a => a.GetAttribute("href") == "loop.html");
    }

    [Fact]
    public void An_interviewer_packet_has_the_focus_questions_follow_ups_shape_scale_red_flags_and_the_overall_rating()
    {
        var page = Repository.Project.Page("interviewers/production-and-incidents.html");
        Assert.Equal("Interviewer packet: Production and incidents", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(3, page.QuerySelectorAll("#focus ~ ul li, h2#focus + ul li").Length);
        Assert.Equal(["senior", "staff"], page.QuerySelectorAll(".levels dt").Select(d => d.TextContent));

        var incident = page.GetElementById("a-a-production-incident-you-caused")!;
        Assert.Equal("3. A production incident you caused", incident.QuerySelector("h2")!.TextContent);
        Assert.Equal(["Tell me about a production incident", "Tell me about a mistake", "Walk through a postmortem you ran."], incident.QuerySelectorAll(".packet-columns > div:first-child > ul li").Select(li => li.TextContent));
        Assert.Equal(["Situation", "Task", "Action", "Result"], incident.QuerySelectorAll(".follow-ups dt").Select(d => d.TextContent));
        Assert.Contains("rollback time, postmortem", incident.QuerySelector(".follow-ups")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("wrote a postmortem", incident.TextContent, StringComparison.Ordinal);
        AssertAnchoredScale(incident.QuerySelector("table.scale")!);

        // The team's own sentence replaces the default for that level only.
        var debugging = page.GetElementById("a-production-debugging")!.QuerySelector("table.scale")!;
        Assert.StartsWith("Names the root cause precisely", Anchor(debugging, "Strong yes"), StringComparison.Ordinal);
        Assert.StartsWith("A relevant story the candidate clearly owned", Anchor(debugging, "Yes"), StringComparison.Ordinal);

        Assert.Equal(8, page.QuerySelectorAll("h2#red-flags + ul li").Length);
        Assert.Equal(Levels.Select(l => "☐ " + l), page.QuerySelectorAll("#overall ~ .overall .tick").Select(t => t.TextContent));
        Assert.Equal(["What is a technical decision you defended that later proved wrong, and what did you change?"],
            Repository.Project.Page("interviewers/technical-judgement.html").QuerySelectorAll("h2#also-ask + ul li").Select(li => li.TextContent));
    }

    [Fact]
    public void Scorecards_carry_the_anchored_four_point_scale_written_from_the_guide()
    {
        var page = Repository.Project.Page("scorecards/customer-empathy.html");
        var scale = page.QuerySelector("table.scale")!;
        AssertAnchoredScale(scale);
        var strong = Anchor(scale, "Strong yes");
        Assert.Contains("Keep answers to 2-3 minutes max", strong, StringComparison.Ordinal);
        Assert.Contains("Use first person for your contribution", strong, StringComparison.Ordinal);
        Assert.Contains("Vague stories with no metric or result", Anchor(scale, "No"), StringComparison.Ordinal);
        Assert.Equal(["☐ Situation", "☐ Task", "☐ Action", "☐ Result"], page.QuerySelectorAll(".evidence .tick").Select(t => t.TextContent));
    }

    [Fact]
    public void The_debrief_sheet_has_a_row_per_round_with_its_attributes_and_a_box_per_level()
    {
        var page = Repository.Project.Page("debrief.html");
        var head = page.QuerySelectorAll("table.debrief thead th").Select(th => th.TextContent).ToList();
        Assert.Equal(["Round", "Attributes assessed", "Evidence heard", .. Levels], head);
        var rows = page.QuerySelectorAll("table.debrief tbody tr");
        Assert.Equal(Rounds.Length, rows.Length);
        Assert.StartsWith("1. Production and incidents", rows[0].QuerySelector("th")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("5. Mentoring an engineer; 10. Making yourself replaceable", rows[3].QuerySelectorAll("td")[0].TextContent);
        Assert.All(rows, row => Assert.Equal(Levels.Length, row.QuerySelectorAll("td.scale-box").Length));
    }

    [Fact]
    public void A_team_build_publishes_the_kit_and_no_byte_of_any_story()
    {
        using var project = TempProject.CopyOfRepository();
        var result = project.Build(r => r with { Audience = Audience.Team, BaseUrl = "https://example.com/hb/", Strict = true });
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var files = project.OutputFiles();
        Assert.Contains("loop.html", files);
        Assert.Contains("debrief.html", files);
        Assert.Equal(4, files.Count(f => f.StartsWith("interviewers/", StringComparison.Ordinal)));
        Assert.Contains("scorecards/index.html", files);
        Assert.Contains("questions.html", files);
        Assert.DoesNotContain("readiness.html", files);
        Assert.DoesNotContain("cheatsheet.html", files);

        var output = System.Net.WebUtility.HtmlDecode(string.Concat(files.Select(f => File.ReadAllText(Path.Combine(project.Site, f)))));
        foreach (var phrase in StoryPhrases())
        {
            Assert.False(output.Contains(phrase, StringComparison.Ordinal), $"the team build contains story text '{phrase}'");
        }

        Assert.DoesNotContain("Story ·", project.Read("search-index.js"), StringComparison.Ordinal);
        Assert.DoesNotContain("readiness.html", project.Read("sitemap.xml"), StringComparison.Ordinal);
        Assert.DoesNotContain("Your stories", project.Read("archetypes/production-debugging.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_candidate_build_leaves_out_packets_debrief_and_calibration_notes_with_no_link_search_entry_or_sitemap_line_to_them()
    {
        using var project = TempProject.CopyOfRepository();
        project.Write("handbook.yml", File.ReadAllText(Path.Combine(project.Root, "handbook.yml")) + "audience: candidate\n");
        var result = project.Build(r => r with { BaseUrl = "https://example.com/hb/", Strict = true });
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var files = project.OutputFiles();
        Assert.DoesNotContain(files, f => f.StartsWith("interviewers/", StringComparison.Ordinal));
        Assert.DoesNotContain("debrief.html", files);
        Assert.Contains("readiness.html", files);
        Assert.Contains("loop.html", files);

        var everything = string.Concat(files.Where(f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal) || f.EndsWith(".xml", StringComparison.Ordinal))
            .Select(f => File.ReadAllText(Path.Combine(project.Site, f))));
        Assert.DoesNotContain("interviewers/", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("debrief.html", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("Names the root cause precisely", everything, StringComparison.Ordinal);

        var scale = project.Page("scorecards/production-debugging.html").QuerySelector("table.scale")!;
        Assert.Equal(Levels, scale.QuerySelectorAll("tbody th").Select(th => th.TextContent));
        Assert.DoesNotContain(scale.QuerySelectorAll("tbody td"), td => td.TextContent.Trim().Length > 0);
    }

    [Fact]
    public void Audience_is_checked_with_a_suggestion_and_overridden_on_the_command_line()
    {
        using var project = TempProject.CopyOfRepository();
        project.Write("handbook.yml", "title: T\naudience: teams\n");
        var result = project.Check();
        var error = Assert.Single(result.Diagnostics, d => d.Code == "config-audience");
        Assert.Equal(2, error.Location.Line);
        Assert.Contains("did you mean 'team'?", error.Message, StringComparison.Ordinal);

        project.Write("handbook.yml", "title: T\naudience: candidate\n");
        var team = CliRun.Of("build", project.Root, "--audience", "team");
        Assert.True(team.ExitCode == 0, team.Output + team.Error);
        Assert.True(project.Exists("debrief.html"));
        Assert.False(project.Exists("readiness.html"));
        Assert.Equal(2, CliRun.Of("build", project.Root, "--audience", "recruiters").ExitCode);
    }

    [Fact]
    public void Coverage_gaps_overlaps_and_empty_rounds_are_warnings_at_their_lines()
    {
        using var project = new TempProject(new Dictionary<string, string>
        {
            ["content/index.md"] = "# Home\n",
            ["content/guide.md"] = Guide,
            ["content/loop.yml"] = """
                rounds:
                  - name: Delivery
                    archetypes: [1]
                    questions: [How do you plan a launch?]
                  - name: Delivery again
                    archetypes: [shipping-under-pressure]
                    questions: [how do you plan a launch?]
                  - name: Lunch
                """,
        });
        var result = project.Build();
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var loop = result.Diagnostics.Where(d => d.Code.StartsWith("loop-", StringComparison.Ordinal)).Select(d => $"{d.SeverityName} {d.Code} {d.Location.Line}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["warning loop-empty-round 8", "warning loop-overlap 6", "warning loop-overlap 7", "warning loop-uncovered 1"], loop);
        Assert.Contains(result.Diagnostics, d => d.Code == "loop-uncovered" && d.Message.Contains("#2 \"Disagreement\"", StringComparison.Ordinal));

        var matrix = project.Page("loop.html").QuerySelectorAll("table.coverage tbody tr");
        Assert.Contains("in 2 rounds", matrix[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("not covered", matrix[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("coverage-gap", matrix[1].ClassName);
    }

    [Fact]
    public void A_guide_without_story_shape_or_rules_still_gets_a_sentence_for_every_level()
    {
        using var project = new TempProject(new Dictionary<string, string>
        {
            ["content/index.md"] = "# Home\n\n## Archetypes\n\n### 1. Ownership\n\n- Probes: Do you own outcomes?\n",
            ["content/loop.yml"] = "rounds:\n  - name: Ownership\n    length: 30\n    archetypes: [1]\n",
        });
        var result = project.Build();
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var packet = project.Page("interviewers/ownership.html");
        AssertAnchoredScale(packet.QuerySelector("table.scale")!);
        Assert.Contains("Do you own outcomes?", Anchor(packet.QuerySelector("table.scale")!, "Strong yes"), StringComparison.Ordinal);
        Assert.Equal(["Do you own outcomes?"], packet.QuerySelectorAll(".packet-columns > div:first-child > ul li").Select(li => li.TextContent));
    }

    [Fact]
    public void A_content_page_may_be_called_debrief_unless_the_project_has_a_loop()
    {
        using var project = new TempProject(new Dictionary<string, string>
        {
            ["content/index.md"] = "# Home\n",
            ["content/debrief.md"] = "# How we run the debrief\n",
        });
        Assert.True(project.Build().Succeeded);
        project.Write("content/loop.yml", "rounds:\n  - name: Chat\n    questions: [Why us?]\n");
        var result = project.Build();
        Assert.Contains(result.Diagnostics, d => d.Code == "page-reserved" && d.Location.Path == "content/debrief.md");
    }

    [Fact]
    public void Init_team_writes_an_example_loop_that_builds_into_packets()
    {
        var folder = Path.Combine(Path.GetTempPath(), "handbook-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var init = CliRun.Of("init", folder, "--team");
            Assert.True(init.ExitCode == 0, init.Output + init.Error);
            Assert.True(File.Exists(Path.Combine(folder, "content", "loop.yml")));
            Assert.True(File.Exists(Path.Combine(folder, "schema", "loop.schema.json")));
            Assert.StartsWith("# yaml-language-server: $schema=../schema/loop.schema.json", File.ReadAllText(Path.Combine(folder, "content", "loop.yml")), StringComparison.Ordinal);
            var result = Build.BuildPipeline.Run(new Build.BuildRequest(folder));
            Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
            Assert.DoesNotContain(result.Diagnostics, d => d.Code.StartsWith("loop-", StringComparison.Ordinal));
            Assert.Equal(4, Directory.GetFiles(Path.Combine(folder, "site", "interviewers")).Length);
            Assert.False(File.Exists(Path.Combine(folder, "site", "loop.yml")), "the loop is data, not a file to publish");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void AssertAnchoredScale(AngleSharp.Dom.IElement scale)
    {
        Assert.Equal(Levels, scale.QuerySelectorAll("tbody th").Select(th => th.TextContent));
        Assert.All(scale.QuerySelectorAll("tbody tr"), row => Assert.True(row.QuerySelector("td")!.TextContent.Length > 40, $"level '{row.QuerySelector("th")!.TextContent}' has no anchor sentence"));
    }

    private static string Anchor(AngleSharp.Dom.IElement scale, string level) =>
        scale.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == level).QuerySelector("td")!.TextContent;

    /// <summary>Distinctive text of every sample story: its title and the first words of each STAR part.</summary>
    private static IEnumerable<string> StoryPhrases()
    {
        var folder = Path.Combine(TempProject.RepositoryRoot(), "content", "stories");
        foreach (var file in Directory.GetFiles(folder, "*.yml"))
        {
            var bank = new DiagnosticBag();
            var story = global::Handbook.Stories.StoryReader.Read(new global::Handbook.Load.SourceFile("content/stories/" + Path.GetFileName(file), File.ReadAllText(file, Encoding.UTF8)), bank)!;
            yield return story.Title;
            foreach (var text in new[] { story.Situation.Value, story.Task.Value, story.Result.Value }.Concat(story.Actions.Select(a => a.Value)))
            {
                yield return string.Join(' ', text.Split(' ').Take(6));
            }
        }
    }
}
