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
    public void Init_follows_the_readme_word_for_word_new_story_after_init_succeeds_and_builds()
    {
        Assert.Equal(0, Run("init", _root).Exit);
        var added = Run("new", "story", "--archetype", "3", _root);
        Assert.True(added.Exit == 0, added.Error);
        var build = BuildPipeline(_root, strict: false);
        Assert.True(build.Succeeded, string.Join('\n', build.Diagnostics));
    }

    [Fact]
    public void Init_writes_a_gitignore_for_the_site_and_its_build_folders_and_a_pages_workflow_on_the_published_tool()
    {
        Assert.Equal(0, Run("init", _root).Exit);
        var ignore = File.ReadAllLines(Path.Combine(_root, ".gitignore"));
        Assert.Contains("/site/", ignore);
        Assert.Contains("/.site.staging-*/", ignore);
        Assert.Contains("/.site.old-*/", ignore);

        // The patterns cover the folder names the writer really uses beside the output.
        var writer = File.ReadAllText(Path.Combine(TempProject.RepositoryRoot(), "src/Handbook.Core/Write/SiteWriter.cs"));
        Assert.Contains("StagingInfix = \".staging-\"", writer, StringComparison.Ordinal);
        Assert.Contains("OldInfix = \".old-\"", writer, StringComparison.Ordinal);
        Assert.Contains("$\".{Path.GetFileName(output)}{StagingInfix}{", writer, StringComparison.Ordinal);
        Assert.Contains("$\".{Path.GetFileName(_output)}{OldInfix}{", writer, StringComparison.Ordinal);

        var workflow = File.ReadAllText(Path.Combine(_root, ".github/workflows/pages.yml"));
        Assert.Contains($"HANDBOOK_VERSION: \"{VersionAction.Version}\"", workflow, StringComparison.Ordinal);
        Assert.Contains("dotnet tool install Handbook.Tool --version \"$HANDBOOK_VERSION\"", workflow, StringComparison.Ordinal);
        Assert.Contains("uses: actions/cache@v5", workflow, StringComparison.Ordinal);
        Assert.Contains("key: handbook-tool-${{ runner.os }}-${{ runner.arch }}-${{ env.HANDBOOK_VERSION }}", workflow, StringComparison.Ordinal);
        Assert.Contains("if: steps.tool-cache.outputs.cache-hit != 'true'", workflow, StringComparison.Ordinal);
        Assert.Contains("rm -f site/.handbook-site", workflow, StringComparison.Ordinal);
        Assert.DoesNotContain("dotnet run", workflow, StringComparison.Ordinal);

        // Node 24 majors of every action (Node 20 actions are deprecated on GitHub's runners).
        var uses = System.Text.RegularExpressions.Regex.Matches(workflow, @"uses: (\S+)@(\S+)").ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Equal(new Dictionary<string, string>
        {
            ["actions/checkout"] = "v6",
            ["actions/setup-dotnet"] = "v5",
            ["actions/cache"] = "v5",
            ["actions/configure-pages"] = "v6",
            ["actions/upload-pages-artifact"] = "v5",
            ["actions/deploy-pages"] = "v5",
        }, uses);

        // The marker is removed before the artifact is made, and the steps run in that order.
        Assert.True(workflow.IndexOf("handbook build", StringComparison.Ordinal) < workflow.IndexOf("rm -f site/.handbook-site", StringComparison.Ordinal));
        Assert.True(workflow.IndexOf("rm -f site/.handbook-site", StringComparison.Ordinal) < workflow.IndexOf("uses: actions/upload-pages-artifact", StringComparison.Ordinal));

        // The repository's own workflow uses the same majors.
        var own = File.ReadAllText(Path.Combine(TempProject.RepositoryRoot(), ".github/workflows/pages.yml"));
        foreach (var (action, major) in uses.Where(u => own.Contains(u.Key, StringComparison.Ordinal)))
        {
            Assert.Contains($"uses: {action}@{major}", own, StringComparison.Ordinal);
        }

        Assert.Contains("rm -f site/.handbook-site", own, StringComparison.Ordinal);
    }

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

        // The README's next step after init: the slug is taken (init wrote that stub), so the next free id is used.
        var again = Run("new", "story", "--archetype", "3", _root);
        Assert.Equal(0, again.Exit);
        Assert.Contains("content/stories/a-production-incident-you-caused-2.yml", again.Output, StringComparison.Ordinal);
        Assert.Equal(0, Run("new", "story", "--archetype", "3", _root).Exit);
        Assert.True(File.Exists(Path.Combine(_root, "content/stories/a-production-incident-you-caused-3.yml")));

        var taken = Run("new", "story", "--archetype", "3", "--id", "a-production-incident-you-caused", _root);
        Assert.Equal(1, taken.Exit);
        Assert.Contains("already exists", taken.Error, StringComparison.Ordinal);

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
