using System.Diagnostics;
using System.Text.Json;
using Handbook.Build;
using Handbook.Cli;
using Handbook.Diagnostics;
using Handbook.Init;
using Handbook.Load;
using Handbook.Stories;
using Handbook.Tests.Browser;
using Handbook.Tests.Support;

namespace Handbook.Tests.Stories;

/// <summary>
/// The story JSON Schema and the tool agree: a real validator (Ajv, draft 2020-12, over YAML 1.2 read by the `yaml` package,
/// as an editor's YAML language server reads it) accepts a story exactly when the tool reads and links it without a story
/// error. Checked over every story file of every fixture project, the init scaffold, and a corpus of edge cases.
/// </summary>
public sealed class StorySchemaTests
{
    private static readonly string Validator = Path.Combine(BrowserEnvironment.ToolingFolder, "validate-stories.mjs");

    /// <summary>Edge cases laid over the bad-input base project (one archetype: 1, shipping-under-pressure).</summary>
    private static readonly Dictionary<string, string> EdgeCases = new(StringComparer.Ordinal)
    {
        ["situation-number"] = "situation: 42",
        ["situation-bool"] = "situation: true",
        ["situation-empty"] = "situation:",
        ["situation-list"] = "situation: [a, b]",
        ["situation-mapping"] = "situation: {a: b}",
        ["archetype-unknown-number"] = "archetypes: [11]",
        ["archetype-float-one"] = "archetypes: [1.0]",
        ["archetype-float-half"] = "archetypes: [1.5]",
        ["archetype-plus-one"] = "archetypes: [+1]",
        ["archetype-hex-one"] = "archetypes: [0x1]",
        ["archetype-exp-one"] = "archetypes: [1e0]",
        ["archetype-quoted-number"] = "archetypes: [\"1\"]",
        ["archetype-hash-number"] = "archetypes: [\"#1\"]",
        ["archetype-leading-zero"] = "archetypes: [01]",
        ["archetype-negative"] = "archetypes: [-1]",
        ["archetype-zero"] = "archetypes: [0]",
        ["archetype-slug"] = "archetypes: [shipping-under-pressure]",
        ["archetype-slug-typo"] = "archetypes: [shipping-under-presure]",
        ["archetype-slug-spaces"] = "archetypes: [\" shipping-under-pressure \"]",
        ["archetype-bool"] = "archetypes: [true]",
        ["archetype-null-item"] = "archetypes: [~]",
        ["archetype-empty-list"] = "archetypes: []",
        ["archetype-scalar"] = "archetypes: 1",
        ["archetype-nested"] = "archetypes: [[1]]",
        ["title-number"] = "title: 42",
        ["title-empty"] = "title:",
        ["title-blank"] = "title: \"  \"",
        ["actions-empty"] = "actions: []",
        ["actions-null"] = "actions:",
        ["actions-scalar"] = "actions: did it",
        ["actions-number-item"] = "actions: [1, 2]",
        ["actions-nested"] = "actions: [[a]]",
        ["tags-null"] = "tags:",
        ["tags-scalar"] = "tags: x",
        ["primary-yes"] = "primary: yes",
        ["primary-quoted-yes"] = "primary: \"yes\"",
        ["primary-True"] = "primary: True",
        ["primary-quoted-true"] = "primary: \"true\"",
        ["primary-number"] = "primary: 1",
        ["primary-null"] = "primary:",
        ["visibility-private"] = "visibility: private",
        ["visibility-typo"] = "visibility: privat",
        ["visibility-null"] = "visibility:",
        ["unknown-field"] = "situaton: s",
        ["lesson-number"] = "lesson: 3.5",
        ["tie-in-list"] = "tie_in: [a]",
    };

    [Fact]
    public void The_committed_schema_is_the_one_generated_from_this_repositorys_guide()
    {
        var repo = TempProject.RepositoryRoot();
        var sources = SourceLoader.Load(repo, new DiagnosticBag());
        var generated = StorySchema.Generate(ProjectScaffold.Archetypes(sources.Pages));
        var committed = File.ReadAllText(Path.Combine(repo, "schema", "story.schema.json")).ReplaceLineEndings("\n");
        Assert.Equal(generated, committed);
        using var schema = JsonDocument.Parse(committed);
        Assert.Equal(StorySchema.Id, schema.RootElement.GetProperty("$id").GetString());
        var enumerated = schema.RootElement.GetProperty("properties").GetProperty("archetypes").GetProperty("items").GetProperty("anyOf")[0].GetProperty("enum");
        Assert.Equal(Enumerable.Range(1, 10), enumerated.EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public void Check_refreshes_a_generated_schema_when_the_guide_gains_an_archetype_and_leaves_a_users_own_alone()
    {
        using var project = new TempProject(withConfig: false);
        Assert.Equal(0, HandbookCommand.Run(["init", project.Root, "--force"], new StringWriter(), new StringWriter()));
        var guide = Path.Combine(project.Root, ProjectScaffold.GuidePath);
        var text = File.ReadAllText(guide);
        var tenth = text.IndexOf("### 10.", StringComparison.Ordinal);
        var next = text.IndexOf("\n## ", tenth, StringComparison.Ordinal);
        File.WriteAllText(guide, text[..next] + "\n### 11. Hiring a team\n\n- Probes: Can you hire?\n- Story shape: You hired.\n- Template: Situation [a] · Task [b] · Action [c] · Result [d]\n" + text[next..]);

        var error = new StringWriter();
        HandbookCommand.Run(["check", project.Root], new StringWriter(), error);
        Assert.Contains("updated schema/story.schema.json", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("hiring-a-team", File.ReadAllText(Path.Combine(project.Root, ProjectScaffold.SchemaPath)), StringComparison.Ordinal);

        project.Write(ProjectScaffold.SchemaPath, "{ \"title\": \"mine\" }\n");
        HandbookCommand.Run(["check", project.Root], new StringWriter(), new StringWriter());
        Assert.Equal("{ \"title\": \"mine\" }\n", File.ReadAllText(Path.Combine(project.Root, ProjectScaffold.SchemaPath)));
    }

    [Fact]
    public void A_real_validator_accepts_exactly_the_stories_the_tool_accepts()
    {
        BrowserEnvironment.RequireTooling();
        var fixtures = Path.Combine(TempProject.RepositoryRoot(), "tests", "fixtures");
        var projects = new List<(string Name, string Root, TempProject? Owned)>
        {
            ("repository", TempProject.RepositoryRoot(), null),
            ("stories-imperfect", Path.Combine(fixtures, "stories-imperfect"), null),
        };

        var init = new TempProject(withConfig: false);
        Assert.Equal(0, HandbookCommand.Run(["init", init.Root, "--force"], new StringWriter(), new StringWriter()));
        projects.Add(("init", init.Root, init));

        var corpus = Path.Combine(fixtures, "bad-input");
        foreach (var folder in Directory.EnumerateDirectories(corpus).Where(d => Directory.Exists(Path.Combine(d, "content", "stories"))).Order(StringComparer.Ordinal))
        {
            var project = OverBase(corpus);
            CopyTree(Path.Combine(folder, "content", "stories"), Path.Combine(project.Root, "content", "stories"));
            projects.Add(("bad-input/" + Path.GetFileName(folder), project.Root, project));
        }

        var edges = OverBase(corpus);
        foreach (var (name, line) in EdgeCases)
        {
            edges.Write($"content/stories/{name}.yml", WithField(line));
        }

        projects.Add(("edge-cases", edges.Root, edges));

        var compared = 0;
        var rejected = 0;
        var disagreements = new List<string>();
        try
        {
            foreach (var (name, root, _) in projects)
            {
                var result = BuildPipeline.Run(new BuildRequest(root) { WriteOutput = false, IncludePrivate = true });
                // In a folder of its own named by a GUID, like every other test's scratch space: path-safety tests running at the same
                // time take any other new name beside their projects for a file a build wrote outside its own.
                var schemaPath = Path.Combine(Path.GetTempPath(), "handbook-tests", Guid.NewGuid().ToString("N"), "story.schema.json");
                Directory.CreateDirectory(Path.GetDirectoryName(schemaPath)!);
                File.WriteAllText(schemaPath, StorySchema.Generate(ProjectScaffold.Archetypes(SourceLoader.Load(root, new DiagnosticBag()).Pages)));
                var stories = Directory.EnumerateFiles(Path.Combine(root, "content", "stories"), "*.yml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
                foreach (var verdict in Validate(schemaPath, stories))
                {
                    var relative = Path.GetRelativePath(root, verdict.File).Replace('\\', '/');
                    var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error && d.Location.Path == relative).ToList();

                    // Not the schema's business: YAML the tool refuses to read (aliases, binary, syntax) and file names.
                    if (errors.Any(d => d.Code.StartsWith("yaml-", StringComparison.Ordinal) || d.Code.StartsWith("file-", StringComparison.Ordinal)) || verdict.YamlError is not null)
                    {
                        continue;
                    }

                    // Nor are questions named by their text: the tool matches them loosely (case, spacing, a final '?'), which no enum
                    // can say, so the schema checks their shape and the tool reports an unknown one at its line.
                    var toolAccepts = !errors.Any(d => d.Code.StartsWith("story-", StringComparison.Ordinal) && d.Code is not "story-id" and not "story-duplicate-id" and not "story-unknown-question");
                    compared++;
                    rejected += toolAccepts ? 0 : 1;
                    if (toolAccepts != verdict.Valid)
                    {
                        disagreements.Add($"{name}/{relative}: tool {(toolAccepts ? "accepts" : "rejects: " + string.Join("; ", errors))}, schema {(verdict.Valid ? "accepts" : "rejects: " + string.Join("; ", verdict.Errors))}");
                    }
                }

                Directory.Delete(Path.GetDirectoryName(schemaPath)!, recursive: true);
            }
        }
        finally
        {
            foreach (var (_, _, owned) in projects)
            {
                owned?.Dispose();
            }
        }

        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
        Assert.True(compared >= EdgeCases.Count + 20, $"only {compared} stories compared");
        Assert.True(rejected >= 15, $"the corpus must include rejected stories: {rejected}");
    }

    private static string WithField(string line)
    {
        var key = line[..line.IndexOf(':', StringComparison.Ordinal)];
        var fields = new List<string> { "title: T", "archetypes: [1]", "situation: s", "task: t", "actions: [a]", "result: r" };
        var at = fields.FindIndex(f => f.StartsWith(key + ":", StringComparison.Ordinal));
        if (at >= 0)
        {
            fields[at] = line;
        }
        else
        {
            fields.Add(line);
        }

        return string.Join("\n", fields) + "\n";
    }

    private static TempProject OverBase(string corpus)
    {
        var project = new TempProject(withConfig: false);
        CopyTree(Path.Combine(corpus, "_base"), project.Root);
        return project;
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    private sealed record Verdict(string File, bool Valid, string? YamlError, IReadOnlyList<string> Errors);

    private static List<Verdict> Validate(string schema, IReadOnlyList<string> stories)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Validator);
        start.ArgumentList.Add(schema);
        foreach (var story in stories)
        {
            start.ArgumentList.Add(story);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        return output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            return new Verdict(
                root.GetProperty("file").GetString()!,
                root.GetProperty("valid").GetBoolean(),
                root.GetProperty("yamlError").GetString(),
                root.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList());
        }).ToList();
    }
}
