using Handbook.Coach;
using Handbook.Config;
using Handbook.Diagnostics;
using Handbook.Link;
using Handbook.Load;
using Handbook.Model;
using Handbook.Stories;

namespace Handbook.Tests.Coach;

/// <summary>Each coach rule on a story that trips it and on one that doesn't, with hand-made archetypes.</summary>
public sealed class StoryCoachTests
{
    private const string Path = "content/stories/s.yml";

    /// <summary>A story that passes every rule. Lines: 1 title, 2 archetypes, 3 situation, 4 task, 5 actions, 6-8 items, 9 result, 10 tie_in, 11 lesson.</summary>
    private const string Good = """
        title: Connection-pool race
        archetypes: [1]
        situation: Our checkout service failed about 3% of orders at peak.
        task: I owned the diagnosis and the fix.
        actions:
          - I correlated trace IDs and saw every failure stall on a connection.
          - I reproduced the race in staging with a load script.
          - I moved pool warm-up ahead of the readiness probe.
        result: Failures fell from 3% to under 0.1%.
        tie_in: I debug agent failures the same way.
        lesson: Intermittent means a shared resource until proven otherwise.
        """;

    private static readonly Archetype WithTieIn = Archetype(1, "Production debugging", new TieIn("AI", "read traces, isolate the conflict."));
    private static readonly Archetype WithoutTieIn = Archetype(2, "Customer empathy", null);

    private static Archetype Archetype(int number, string title, TieIn? tieIn) => new(
        number,
        title,
        Handbook.Markdown.HeadingSlugger.Slugify(title),
        "Probes",
        "Shape",
        [new TemplatePart("Situation", "the flaky failure"), new TemplatePart("Result", "a metric")],
        tieIn,
        "content/guide.md",
        "h" + number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        new SourceLocation("content/guide.md", 10 * number, 1));

    private static Story Story(string yaml, string path = Path)
    {
        var diagnostics = new DiagnosticBag();
        var story = StoryReader.Read(new SourceFile(path, yaml), diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Sorted()));
        return story!;
    }

    private static IReadOnlyList<Diagnostic> Coach(string yaml, Archetype? archetype = null) =>
        StoryCoach.Coach(Story(yaml), [archetype ?? WithTieIn]);

    private static string Replace(string line, string with) => Good.Replace(line, with, StringComparison.Ordinal);

    private static string Without(params string[] prefixes) =>
        string.Join('\n', Good.Split('\n').Where(l => !prefixes.Any(p => l.StartsWith(p, StringComparison.Ordinal))));

    private static Diagnostic Only(IReadOnlyList<Diagnostic> diagnostics, string code, int line, int column)
    {
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal((code, line, column), (diagnostic.Code, diagnostic.Location.Line, diagnostic.Location.Column));
        return diagnostic;
    }

    [Fact]
    public void A_good_story_gets_no_finding()
    {
        Assert.Empty(Coach(Good));
        Assert.Empty(Coach(Good, WithoutTieIn));
    }

    // star-missing

    [Theory]
    [InlineData("situation: Our checkout service failed about 3% of orders at peak.", "situation: \"\"", 3, 12, "\"Situation — one sentence of context\"")]
    [InlineData("task: I owned the diagnosis and the fix.", "task:", 4, 6, "\"Task — what you specifically owned\"")]
    [InlineData("result: Failures fell from 3% to under 0.1%.", "result: \"  \"", 9, 9, "\"Result — an explicit outcome, ideally a number\"")]
    public void Star_missing_flags_an_empty_part_at_its_value(string line, string with, int atLine, int atColumn, string rule)
    {
        var diagnostic = Only(Coach(Replace(line, with)), "star-missing", atLine, atColumn);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.Contains(rule, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Star_missing_flags_no_actions_and_no_actions_count_too()
    {
        var yaml = Without("  - ").Replace("actions:", "actions: []", StringComparison.Ordinal);
        var diagnostic = Only(Coach(yaml), "star-missing", 5, 10);
        Assert.Contains("\"Action — the 2-4 concrete things you did\"", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Star_missing_flags_an_empty_action_item()
    {
        var diagnostic = Only(Coach(Replace("  - I reproduced the race in staging with a load script.", "  - \"\"")), "star-missing", 7, 5);
        Assert.StartsWith("action 2 is empty", diagnostic.Message, StringComparison.Ordinal);
    }

    // placeholder

    [Fact]
    public void Placeholder_only_field_is_reported_once_and_by_no_other_rule()
    {
        var yaml = Replace("result: Failures fell from 3% to under 0.1%.", "result: \"[time-to-resolve + a metric drop]\"");
        var diagnostic = Only(Coach(yaml), "placeholder", 9, 9);
        Assert.Equal(Severity.Warning, diagnostic.Severity);
        Assert.Contains("'[time-to-resolve + a metric drop]'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("\"Fill the template for each archetype\"", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Placeholder_in_situation_tie_in_lesson_and_a_lone_action_is_reported_only_as_placeholder()
    {
        var yaml = """
            title: T
            archetypes: [1]
            situation: "[the flaky failure]"
            task: I owned it.
            actions:
              - "[how you traced it to root cause]"
            result: 3x faster.
            tie_in: "[AI tie-in]"
            lesson: "[the lesson]"
            """;
        var diagnostics = Coach(yaml);
        Assert.Equal(["3:12 placeholder", "6:5 placeholder", "8:9 placeholder", "9:9 placeholder"], diagnostics.Select(d => $"{d.Location.Line}:{d.Location.Column} {d.Code}"));
    }

    [Fact]
    public void Placeholder_inside_a_sentence_is_reported()
    {
        var diagnostic = Only(Coach(Replace("task: I owned the diagnosis and the fix.", "task: I owned [diagnose + fix] for the team.")), "placeholder", 4, 7);
        Assert.StartsWith("task still holds the template prompt '[diagnose + fix]'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("task: I owned the fix, see [the runbook](https://example.com/runbook).")]
    [InlineData("task: I owned the fix [1] of the [runbook][rb].")]
    [InlineData("task: I owned the fix and ticked [x] and [ ].")]
    public void Links_and_numbered_brackets_are_not_placeholders(string task)
    {
        Assert.Empty(Coach(Replace("task: I owned the diagnosis and the fix.", task)));
    }

    // actions-count

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void Actions_count_flags_fewer_than_2_or_more_than_4(int count)
    {
        var actions = string.Join('\n', Enumerable.Range(1, count).Select(i => $"  - I did step {i}."));
        var yaml = Without("  - ").Replace("actions:", "actions:\n" + actions, StringComparison.Ordinal);
        var diagnostic = Only(Coach(yaml), "actions-count", 6, 3);
        Assert.Equal(Severity.Warning, diagnostic.Severity);
        Assert.Contains("\"Action — the 2-4 concrete things you did\"", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void Actions_count_accepts_2_to_4(int count)
    {
        var actions = string.Join('\n', Enumerable.Range(1, count).Select(i => $"  - I did step {i}."));
        Assert.Empty(Coach(Without("  - ").Replace("actions:", "actions:\n" + actions, StringComparison.Ordinal)));
    }

    // result-no-number

    [Theory]
    [InlineData("It went really well and everyone was happy.")]
    [InlineData("The p99 target was met, as promised.")]
    [InlineData("We shipped one feature.")]
    public void Result_no_number_flags_an_unmeasured_result(string result)
    {
        var diagnostic = Only(Coach(Replace("result: Failures fell from 3% to under 0.1%.", "result: " + result)), "result-no-number", 9, 9);
        Assert.Contains("\"Result — an explicit outcome, ideally a number\"", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Latency fell to 40 ms.")]
    [InlineData("Costs fell by 35%.")]
    [InlineData("Throughput grew 25x.")]
    [InlineData("Throughput doubled.")]
    [InlineData("Incidents were cut in half.")]
    [InlineData("Setup went from three weeks to a day.")]
    [InlineData("The deal was worth $400k.")]
    public void Result_no_number_accepts_numbers_percentages_multiples_and_durations(string result)
    {
        Assert.Empty(Coach(Replace("result: Failures fell from 3% to under 0.1%.", "result: " + result)));
    }

    // we-not-i

    [Fact]
    public void We_not_i_flags_we_outweighing_i_in_task_and_actions()
    {
        var yaml = Replace("task: I owned the diagnosis and the fix.", "task: We owned the diagnosis and our team fixed it.")
            .Replace("  - I reproduced the race", "  - We reproduced the race", StringComparison.Ordinal);
        var diagnostic = Only(Coach(yaml), "we-not-i", 4, 7);
        Assert.Equal("task and actions say we/our/us 3 times and I/my/me 2 times; \"Use first person for your contribution\", and avoid \"using 'we' so much that your role disappears\"", diagnostic.Message);
    }

    [Fact]
    public void We_not_i_accepts_team_credit_when_i_still_leads()
    {
        var yaml = Replace("task: I owned the diagnosis and the fix.", "task: We shared the on-call; I owned the diagnosis.");
        Assert.Empty(Coach(yaml));
    }

    [Fact]
    public void We_not_i_ignores_the_situation_and_the_country_us()
    {
        var yaml = Replace("situation: Our checkout service failed about 3% of orders at peak.", "situation: We, our team and our US customers saw failures for us.")
            .Replace("task: I owned the diagnosis and the fix.", "task: The US region was my area.", StringComparison.Ordinal)
            .Replace("  - I ", "  - The team ", StringComparison.Ordinal);
        Assert.Empty(Coach(yaml));
        Assert.Equal((3, 3), Handbook.Coach.Rules.WeNotIRule.Count("We and us and our, but I, me and my; not the US."));
    }

    // too-long

    [Fact]
    public void Too_long_flags_a_story_over_450_spoken_words()
    {
        var words = TooLongSituation(extra: 1);
        var diagnostic = Only(Coach(Replace("situation: Our checkout service failed about 3% of orders at peak.", "situation: " + words)), "too-long", 1, 1);
        Assert.Equal(Severity.Warning, diagnostic.Severity);
        Assert.Equal("the story runs 451 words, about 3.0 minutes at 150 words a minute (at most 450); \"Keep answers to 2-3 minutes max\"", diagnostic.Message);
    }

    [Fact]
    public void Too_long_accepts_exactly_450_words_and_ignores_title_and_tags()
    {
        var yaml = Replace("situation: Our checkout service failed about 3% of orders at peak.", "situation: " + TooLongSituation(extra: 0))
            .Replace("title: Connection-pool race", "title: " + string.Join(' ', Enumerable.Repeat("long", 100)), StringComparison.Ordinal)
            + "\ntags: [" + string.Join(", ", Enumerable.Repeat("tag", 100)) + "]";
        Assert.Empty(Coach(yaml));
    }

    /// <summary>A situation that brings the good story's spoken words to 450 + <paramref name="extra"/>.</summary>
    private static string TooLongSituation(int extra)
    {
        var story = Story(Good);
        var others = new[] { story.Task, story.Result, story.TieIn!, story.Lesson! }.Concat(story.Actions)
            .Sum(t => Handbook.Coach.Rules.TooLongRule.Words(t.Value));
        return string.Join(' ', Enumerable.Repeat("word", 450 + extra - others));
    }

    // no-tie-in

    [Fact]
    public void No_tie_in_flags_a_missing_tie_in_when_the_template_ends_with_one()
    {
        var diagnostic = Only(Coach(Without("tie_in:")), "no-tie-in", 1, 1);
        Assert.Equal("the story has no tie-in, though archetype #1's template ends with one: \"AI tie-in: read traces, isolate the conflict.\"", diagnostic.Message);
    }

    [Fact]
    public void No_tie_in_points_at_an_empty_tie_in()
    {
        Only(Coach(Replace("tie_in: I debug agent failures the same way.", "tie_in: \"\"")), "no-tie-in", 10, 9);
    }

    [Fact]
    public void No_tie_in_is_silent_when_no_archetype_template_has_one()
    {
        Assert.Empty(Coach(Without("tie_in:"), WithoutTieIn));
    }

    // no-lesson

    [Fact]
    public void No_lesson_is_an_info_quoting_the_rule()
    {
        var diagnostic = Only(Coach(Without("lesson:")), "no-lesson", 1, 1);
        Assert.Equal(Severity.Info, diagnostic.Severity);
        Assert.Contains("\"End with a lesson or changed operating rule\"", diagnostic.Message, StringComparison.Ordinal);
    }

    // archetype-uncovered, and the coach over the whole handbook

    private static LinkedHandbook Linked(bool hasStoryBank, bool includePrivate, params (string Id, string Yaml)[] stories)
    {
        var model = new HandbookModel(
            HandbookConfig.Default,
            [],
            [WithTieIn, WithoutTieIn],
            [],
            stories.Select(s => Story(s.Yaml, $"content/stories/{s.Id}.yml")).ToList(),
            hasStoryBank);
        var diagnostics = new DiagnosticBag();
        var linked = Linker.Link(model, includePrivate, diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Sorted()));
        return linked;
    }

    [Fact]
    public void Archetype_uncovered_warns_at_the_archetype_no_story_serves()
    {
        var diagnostics = new DiagnosticBag();
        var report = StoryCoach.Run(Linked(hasStoryBank: true, includePrivate: false, ("good", Good)), diagnostics);
        var diagnostic = Assert.Single(diagnostics.Sorted());
        Assert.Equal(("archetype-uncovered", Severity.Warning, new SourceLocation("content/guide.md", 20, 1)), (diagnostic.Code, diagnostic.Severity, diagnostic.Location));
        Assert.Equal("no story serves archetype #2 \"Customer empathy\" yet; \"Prepare one real story per archetype\": add one to content/stories/ with 'archetypes: [2]'", diagnostic.Message);
        Assert.Equal([diagnostic], report.Uncovered);
    }

    [Fact]
    public void Archetype_uncovered_counts_private_stories()
    {
        var secret = Good.Replace("archetypes: [1]", "archetypes: [customer-empathy]\nvisibility: private", StringComparison.Ordinal);
        var diagnostics = new DiagnosticBag();
        StoryCoach.Run(Linked(hasStoryBank: true, includePrivate: false, ("good", Good), ("secret", secret)), diagnostics);
        Assert.Empty(diagnostics.Sorted());
    }

    [Fact]
    public void Archetype_uncovered_is_silent_without_a_story_bank()
    {
        var diagnostics = new DiagnosticBag();
        var report = StoryCoach.Run(Linked(hasStoryBank: false, includePrivate: false), diagnostics);
        Assert.Empty(diagnostics.Sorted());
        Assert.Empty(report.Uncovered);
    }

    [Fact]
    public void The_coach_runs_on_private_stories_the_build_leaves_out_and_reports_them_as_data()
    {
        var secret = Without("lesson:").Replace("archetypes: [1]", "archetypes: [2]\nvisibility: private", StringComparison.Ordinal);
        var linked = Linked(hasStoryBank: true, includePrivate: false, ("good", Good), ("secret", secret));
        Assert.DoesNotContain(linked.Stories, s => s.Id == "secret");
        var diagnostics = new DiagnosticBag();
        var report = StoryCoach.Run(linked, diagnostics);
        var finding = Assert.Single(report.For("secret"));
        Assert.Equal(("no-lesson", "content/stories/secret.yml"), (finding.Code, finding.Location.Path));
        Assert.Equal([finding], diagnostics.Sorted());
        Assert.Empty(report.For("good"));
    }

    [Fact]
    public void Every_rule_has_a_distinct_public_code()
    {
        Assert.Equal(
            ["actions-count", "no-lesson", "no-tie-in", "placeholder", "result-no-number", "star-missing", "too-long", "we-not-i"],
            StoryCoach.Rules.Select(r => r.Code).Order(StringComparer.Ordinal));
    }
}
