using Handbook.Diagnostics;
using Handbook.Load;
using Handbook.Model;
using Handbook.Stories;

namespace Handbook.Tests.Stories;

/// <summary>Story files: every field read with its location; every problem one diagnostic at the node it is about, all collected.</summary>
public sealed class StoryReaderTests
{
    private const string Valid = """
        # yaml-language-server: $schema=../../schema/story.schema.json
        title: Flaky checkout failures
        archetypes: [1, production-debugging]
        primary: true
        visibility: private
        tags: [reliability, debugging]
        situation: Checkout failed 3% of orders.
        task: I owned the fix.
        actions:
          - I read the traces.
          - I fixed the race.
        result: Failures fell to 0.1%.
        tie_in: Same for agents.
        lesson: Check shared resources first.
        """;

    private static (IReadOnlyList<Story> Stories, IReadOnlyList<Diagnostic> Diagnostics) Read(params (string Path, string Text)[] files)
    {
        var diagnostics = new DiagnosticBag();
        var stories = StoryReader.ReadAll(files.Select(f => new SourceFile(f.Path, f.Text)).ToList(), diagnostics);
        return (stories, diagnostics.Sorted());
    }

    private static (IReadOnlyList<Story> Stories, IReadOnlyList<Diagnostic> Diagnostics) ReadOne(string text) =>
        Read(("content/stories/s.yml", text));

    private static string Where(Diagnostic d) => $"{d.Location.Line}:{d.Location.Column} {d.Code}";

    [Fact]
    public void A_valid_story_is_read_with_every_field_and_location()
    {
        var (stories, diagnostics) = Read(("content/stories/flaky-ci.yml", Valid));
        Assert.Empty(diagnostics);
        var story = Assert.Single(stories);
        Assert.Equal("flaky-ci", story.Id);
        Assert.Equal("content/stories/flaky-ci.yml", story.SourcePath);
        Assert.Equal("Flaky checkout failures", story.Title);
        Assert.Equal(new SourceLocation("content/stories/flaky-ci.yml", 2, 8), story.TitleLocation);
        Assert.Equal(["1", "production-debugging"], story.Archetypes.Select(a => a.Text));
        Assert.Equal([(3, 14), (3, 17)], story.Archetypes.Select(a => (a.Location.Line, a.Location.Column)));
        Assert.True(story.Primary);
        Assert.Equal(Visibility.Private, story.Visibility);
        Assert.Equal(["reliability", "debugging"], story.Tags);
        Assert.Equal("Checkout failed 3% of orders.", story.Situation.Value);
        Assert.Equal((7, 12), (story.Situation.Location.Line, story.Situation.Location.Column));
        Assert.Equal(["I read the traces.", "I fixed the race."], story.Actions.Select(a => a.Value));
        Assert.Equal((11, 5), (story.Actions[1].Location.Line, story.Actions[1].Location.Column));
        Assert.Equal("Failures fell to 0.1%.", story.Result.Value);
        Assert.Equal("Same for agents.", story.TieIn!.Value);
        Assert.Equal("Check shared resources first.", story.Lesson!.Value);
    }

    [Fact]
    public void Optional_fields_default()
    {
        var (stories, diagnostics) = ReadOne("title: T\narchetypes: [1]\nsituation: S\ntask: T\nactions: [a, b]\nresult: R 1\n");
        Assert.Empty(diagnostics);
        var story = Assert.Single(stories);
        Assert.False(story.Primary);
        Assert.Equal(Visibility.Public, story.Visibility);
        Assert.Empty(story.Tags);
        Assert.Null(story.TieIn);
        Assert.Null(story.Lesson);
    }

    [Fact]
    public void Unknown_field_is_reported_at_its_key_with_a_suggestion()
    {
        var (stories, diagnostics) = ReadOne(Valid.Replace("situation:", "situaton:", StringComparison.Ordinal));
        Assert.Empty(stories);
        Assert.Equal(["7:1 story-unknown-field", "2:1 story-missing-field"], diagnostics.Select(Where).OrderBy(s => s.Contains("unknown", StringComparison.Ordinal) ? 0 : 1));
        var unknown = diagnostics.Single(d => d.Code == "story-unknown-field");
        Assert.Equal("unknown story field 'situaton'; did you mean 'situation'?", unknown.Message);
        Assert.Equal("content/stories/s.yml:7:1: error story-unknown-field: unknown story field 'situaton'; did you mean 'situation'?", unknown.ToString());
        Assert.Contains("missing required field 'situation'", diagnostics.Single(d => d.Code == "story-missing-field").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_fields_are_each_reported_at_the_mapping_start()
    {
        var (stories, diagnostics) = ReadOne("# a comment first\ntitle: Only a title\n");
        Assert.Empty(stories);
        Assert.All(diagnostics, d => Assert.Equal(("story-missing-field", 2, 1), (d.Code, d.Location.Line, d.Location.Column)));
        Assert.Equal(
            ["archetypes", "situation", "task", "actions", "result"],
            diagnostics.Select(d => d.Message.Split('\'')[1]).OrderBy(f => Array.IndexOf(new[] { "archetypes", "situation", "task", "actions", "result" }, f)));
    }

    [Theory]
    [InlineData("title: [a, b]", 2, 8, "'title' must be text, not a list")]
    [InlineData("situation:\n  where: here", 8, 3, "'situation' must be text, not a mapping")]
    [InlineData("actions: I did it all", 9, 10, "'actions' must be a list")]
    [InlineData("primary: maybe", 4, 10, "'primary' must be true or false")]
    [InlineData("visibility: privat", 5, 13, "did you mean 'private'?")]
    [InlineData("archetypes: 3", 3, 13, "'archetypes' must be a list, e.g. [3]")]
    [InlineData("archetypes: [1, {a: b}]", 3, 17, "each archetype must be a number or a slug")]
    [InlineData("tags: reliability", 6, 7, "'tags' must be a list")]
    public void Wrong_types_are_reported_at_the_value(string replacement, int line, int column, string message)
    {
        var key = replacement[..replacement.IndexOf(':', StringComparison.Ordinal)];
        var lines = Valid.Split('\n').ToList();
        var index = lines.FindIndex(l => l.StartsWith(key + ":", StringComparison.Ordinal));
        lines[index] = replacement;
        if (key == "actions")
        {
            lines.RemoveAll(l => l.StartsWith("  - ", StringComparison.Ordinal));
        }

        var (stories, diagnostics) = ReadOne(string.Join('\n', lines));
        Assert.Empty(stories);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("story-type", line, column), (diagnostic.Code, diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_action_that_is_not_text_is_reported_at_the_item()
    {
        var (_, diagnostics) = ReadOne(Valid.Replace("  - I fixed the race.", "  - fixed: the race", StringComparison.Ordinal));
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("story-type", 11, 5), (diagnostic.Code, diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Equal("each item of 'actions' must be text, not a mapping", diagnostic.Message);
    }

    [Fact]
    public void Empty_archetype_list_is_an_error_at_the_list()
    {
        var (stories, diagnostics) = ReadOne(Valid.Replace("archetypes: [1, production-debugging]", "archetypes: []", StringComparison.Ordinal));
        Assert.Empty(stories);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("story-missing-field", 3, 13), (diagnostic.Code, diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void Empty_title_is_an_error_at_the_value()
    {
        var (_, diagnostics) = ReadOne(Valid.Replace("title: Flaky checkout failures", "title: \"  \"", StringComparison.Ordinal));
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("story-missing-field", 2, 8), (diagnostic.Code, diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void Empty_star_parts_are_read_so_the_coach_can_report_them()
    {
        var (stories, diagnostics) = ReadOne(Valid.Replace("task: I owned the fix.", "task:", StringComparison.Ordinal));
        Assert.Empty(diagnostics);
        Assert.Equal("", Assert.Single(stories).Task.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("~\n")]
    public void Empty_file_is_one_error_at_the_file(string text)
    {
        var (stories, diagnostics) = ReadOne(text);
        Assert.Empty(stories);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("story-empty", "content/stories/s.yml", 0), (diagnostic.Code, diagnostic.Location.Path, diagnostic.Location.Line));
        Assert.Equal("content/stories/s.yml: error story-empty: this story file is empty; write a story with at least title, archetypes, situation, task, actions and result (see schema/story.schema.json)", diagnostic.ToString());
    }

    [Fact]
    public void A_story_that_is_not_a_mapping_is_a_type_error()
    {
        var (_, diagnostics) = ReadOne("- title: in a list\n");
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("story-type", 1, 1), (diagnostic.Code, diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void Yaml_syntax_error_is_reported_with_its_position()
    {
        var (stories, diagnostics) = ReadOne("title: T\nsituation: \"unclosed\ntask: x\n");
        Assert.Empty(stories);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("yaml-syntax", diagnostic.Code);
        Assert.Equal(2, diagnostic.Location.Line);
    }

    [Fact]
    public void Duplicate_key_is_reported_at_the_second_key()
    {
        var (stories, diagnostics) = ReadOne(Valid + "\ntask: again\n");
        Assert.Empty(stories);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("yaml-duplicate-key", 15, 1), (diagnostic.Code, diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void Duplicate_ids_across_yml_and_yaml_are_reported_once_at_the_second_file()
    {
        var (stories, diagnostics) = Read(("content/stories/same.yml", Valid), ("content/stories/same.yaml", Valid));
        // Files are read in ordinal order, so ".yaml" comes first and keeps the id.
        Assert.Equal("content/stories/same.yaml", Assert.Single(stories).SourcePath);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("story-duplicate-id", "content/stories/same.yml"), (diagnostic.Code, diagnostic.Location.Path));
        Assert.Equal("story id 'same' is already taken by content/stories/same.yaml; a story's id is its file name, so rename one of them", diagnostic.Message);
    }

    [Theory]
    [InlineData("content/stories/My Story.yml", "my-story.yml")]
    [InlineData("content/stories/flaky_CI.yaml", "flaky-ci.yaml")]
    [InlineData("content/stories/-lead.yml", "lead.yml")]
    public void Ids_must_be_lower_case_letters_digits_and_hyphens(string path, string suggestion)
    {
        var (stories, diagnostics) = Read((path, Valid));
        Assert.Empty(stories);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("story-id", path, 0), (diagnostic.Code, diagnostic.Location.Path, diagnostic.Location.Line));
        Assert.EndsWith($"rename it to '{suggestion}'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_in_every_file_is_collected_in_one_run()
    {
        var broken = """
            title: [not, text]
            archetypes: [1]
            situaton: typo
            task: I did it.
            actions: none
            result: 3x faster
            visibility: secret
            """;
        var (stories, diagnostics) = Read(
            ("content/stories/a-broken.yml", broken),
            ("content/stories/b-empty.yml", ""),
            ("content/stories/c-good.yml", Valid));
        Assert.Equal("c-good", Assert.Single(stories).Id);
        Assert.Equal(
            [
                "content/stories/a-broken.yml:1:1 story-missing-field",
                "content/stories/a-broken.yml:1:8 story-type",
                "content/stories/a-broken.yml:3:1 story-unknown-field",
                "content/stories/a-broken.yml:5:10 story-type",
                "content/stories/a-broken.yml:7:13 story-type",
                "content/stories/b-empty.yml:0:0 story-empty",
            ],
            diagnostics.Select(d => $"{d.Location.Path}:{Where(d)}"));
        Assert.All(diagnostics, d => Assert.Equal(Severity.Error, d.Severity));
    }
}
