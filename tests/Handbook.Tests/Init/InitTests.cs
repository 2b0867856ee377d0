using Handbook.Cli;
using Handbook.Init;
using Handbook.Model;
using Handbook.Tests.Support;

namespace Handbook.Tests.Init;

public sealed class InitTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "handbook-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = HandbookCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Init_writes_config_guide_schema_and_one_stub_per_archetype()
    {
        var (exit, _, error) = Run("init", _root);
        Assert.True(exit == 0, error);
        Assert.True(File.Exists(Path.Combine(_root, "handbook.yml")));
        Assert.True(File.Exists(Path.Combine(_root, "content/index.md")));
        Assert.Equal(ProjectScaffold.SampleGuide, File.ReadAllText(Path.Combine(_root, "content/04-behavioral-and-lead.md")));
        Assert.Contains("\"$schema\"", File.ReadAllText(Path.Combine(_root, "schema/story.schema.json")), StringComparison.Ordinal);

        var stubs = Directory.GetFiles(Path.Combine(_root, "content/stories"), "*.yml");
        Assert.Equal(10, stubs.Length);
        var debugging = File.ReadAllLines(Path.Combine(_root, "content/stories/production-debugging.yml"));
        Assert.Equal(StoryStub.SchemaComment, debugging[0]);
        Assert.Contains("archetypes: [1]", debugging);
        Assert.Contains("situation: \"[the flaky failure]\"", debugging);
        Assert.Contains("  - \"[how you traced it to root cause]\"", debugging);
        Assert.Contains("tie_in: \"[same instinct for agent failures — read traces, isolate the conflict, fix the root cause.]\"", debugging);
    }

    [Fact]
    public void Init_result_builds_at_once_and_strict_fails_only_on_placeholders()
    {
        Assert.Equal(0, Run("init", _root).Exit);
        var build = BuildPipeline(_root, strict: false);
        Assert.True(build.Succeeded, string.Join('\n', build.Diagnostics));
        Assert.Equal(0, build.Errors);

        // Every finding is a 'placeholder' (one per prompt left in a stub) and nothing else, so --strict fails only on them.
        var strict = BuildPipeline(_root, strict: true);
        Assert.Equal(0, strict.Errors);
        Assert.NotEmpty(strict.Diagnostics);
        Assert.All(strict.Diagnostics, d => Assert.Equal("placeholder", d.Code));
        Assert.Equal(1, strict.ExitCode);
        var stubs = Directory.GetFiles(Path.Combine(_root, "content", "stories")).Length;
        Assert.Equal(10, stubs);
        Assert.True(strict.Diagnostics.Count >= stubs * 6, $"each stub's six prompts are reported once: {strict.Diagnostics.Count}");
    }

    private static Build.BuildResult BuildPipeline(string root, bool strict) =>
        Handbook.Build.BuildPipeline.Run(new Build.BuildRequest(root) { Strict = strict, Output = Path.Combine(root, "site") });

    [Fact]
    public void Init_refuses_a_non_empty_folder_and_force_never_overwrites()
    {
        Directory.CreateDirectory(Path.Combine(_root, "content"));
        File.WriteAllText(Path.Combine(_root, "content/index.md"), "# Mine\n");

        var refused = Run("init", _root);
        Assert.Equal(2, refused.Exit);
        Assert.Contains("not empty", refused.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_root, "handbook.yml")));

        var forced = Run("init", _root, "--force");
        Assert.Equal(0, forced.Exit);
        Assert.Contains("kept existing content/index.md", forced.Output, StringComparison.Ordinal);
        Assert.Equal("# Mine\n", File.ReadAllText(Path.Combine(_root, "content/index.md")));
        Assert.True(File.Exists(Path.Combine(_root, "handbook.yml")));
    }

    [Fact]
    public void New_story_adds_a_stub_by_number_or_slug_and_never_overwrites()
    {
        Assert.Equal(0, Run("init", _root).Exit);
        var incident = Path.Combine(_root, "content/stories/a-production-incident-you-caused.yml");
        File.Delete(incident);

        Assert.Equal(0, Run("new", "story", "--archetype", "3", _root).Exit);
        Assert.Contains("situation: \"[what broke]\"", File.ReadAllText(incident), StringComparison.Ordinal);

        var again = Run("new", "story", "--archetype", "3", _root);
        Assert.Equal(1, again.Exit);
        Assert.Contains("already exists", again.Error, StringComparison.Ordinal);

        Assert.Equal(0, Run("new", "story", "--archetype", "production-debugging", "--id", "checkout-race", _root).Exit);
        Assert.StartsWith(StoryStub.SchemaComment, File.ReadAllText(Path.Combine(_root, "content/stories/checkout-race.yml")), StringComparison.Ordinal);

        var unknown = Run("new", "story", "--archetype", "99", _root);
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("known archetypes: 1 (production-debugging)", unknown.Error, StringComparison.Ordinal);

        Assert.Equal(2, Run("new", "story", "--archetype", "1", "--id", "Bad Id", _root).Exit);
    }

    [Fact]
    public void Stub_quotes_prompts_so_yaml_reads_them_as_text()
    {
        var archetype = new Archetype(
            7, "Odd \"quotes\"", "odd", null, null,
            [new TemplatePart("Situation", "a \\ backslash and \"quote\""), new TemplatePart("Action", "[already bracketed]")],
            new TieIn("Lead", "tie"), "content/x.md", "odd", default);
        var yaml = StoryStub.Yaml(archetype);
        Assert.Contains("situation: \"[a \\\\ backslash and \\\"quote\\\"]\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains("actions:\n  - \"[already bracketed]\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains("tie_in: \"[tie]\"\n", yaml, StringComparison.Ordinal);

        var diagnostics = new Diagnostics.DiagnosticBag();
        var tree = Yaml.YamlTreeReader.Read("s.yml", yaml, diagnostics, 0);
        Assert.False(diagnostics.HasErrors);
        var situation = Assert.IsType<Yaml.YamlScalar>(Yaml.YamlFields.Get(Assert.IsType<Yaml.YamlMapping>(tree), "situation"));
        Assert.Equal("[a \\ backslash and \"quote\"]", situation.Value);
    }
}
