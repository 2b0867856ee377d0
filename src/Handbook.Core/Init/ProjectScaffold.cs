using Handbook.Diagnostics;
using Handbook.Guide;
using Handbook.Load;
using Handbook.Model;

namespace Handbook.Init;

/// <summary>A file <c>handbook init</c> creates, relative to the new project's folder.</summary>
public sealed record ScaffoldFile(string Path, string Text);

/// <summary>
/// The files of a new project: config, an index page, the built-in sample guide, its story schema, and one story stub per
/// archetype the guide defines (so the archetype pages, question index and coach have something to show at once).
/// </summary>
public static class ProjectScaffold
{
    public const string GuidePath = "content/04-behavioral-and-lead.md";
    public const string SchemaPath = "schema/story.schema.json";
    public const string GitIgnorePath = ".gitignore";
    public const string WorkflowPath = ".github/workflows/pages.yml";

    public static string SampleGuide => Resource("sample/04-behavioral-and-lead.md");

    /// <summary>The story schema for the sample guide's archetypes.</summary>
    public static string SampleSchema => Stories.StorySchema.Generate(Archetypes([new SourceFile(GuidePath, SampleGuide)]));

    /// <summary>What <c>init --team</c> adds: a commented example loop for the sample guide, and its schema for editors.</summary>
    public static IReadOnlyList<ScaffoldFile> TeamFiles() =>
    [
        new(SourceLoader.ContentFolder + "/" + SourceLoader.LoopFileName, Resource("sample/loop.yml")),
        new("schema/loop.schema.json", Resource("sample/loop.schema.json")),
    ];

    /// <summary>
    /// The project's files. <paramref name="toolVersion"/> pins the Handbook version the Pages workflow installs, so the site
    /// is published by the version that wrote the project until someone raises it.
    /// </summary>
    public static IReadOnlyList<ScaffoldFile> Files(string toolVersion)
    {
        var archetypes = Archetypes([new SourceFile(GuidePath, SampleGuide)]);
        var files = new List<ScaffoldFile>
        {
            new("handbook.yml", Config),
            new("content/index.md", Index),
            new(GuidePath, SampleGuide),
            new(SchemaPath, Stories.StorySchema.Generate(archetypes)),
            new(GitIgnorePath, Resource("sample/gitignore")),
            new(WorkflowPath, Resource("sample/pages.yml").Replace("{{version}}", toolVersion, StringComparison.Ordinal)),
        };
        files.AddRange(archetypes.Select(a => new ScaffoldFile(StoryStub.PathOf(a.Slug), StoryStub.Yaml(a))));
        return files;
    }

    /// <summary>
    /// Rewrites the project's <c>schema/story.schema.json</c> for its guide's archetypes when Handbook wrote it and the guide
    /// has changed them since; a schema the user wrote is never touched. True when the file was rewritten.
    /// </summary>
    public static bool RefreshSchema(string root)
    {
        var path = Path.Combine(root, SchemaPath);
        if (!File.Exists(path))
        {
            return false;
        }

        var current = File.ReadAllText(path);
        if (!Stories.StorySchema.IsGenerated(current))
        {
            return false;
        }

        var sources = SourceLoader.Load(root, new DiagnosticBag());
        var fresh = Stories.StorySchema.Generate(Archetypes(sources.Pages));
        if (string.Equals(current.Replace("\r\n", "\n", StringComparison.Ordinal), fresh, StringComparison.Ordinal))
        {
            return false;
        }

        File.WriteAllText(path, fresh);
        return true;
    }

    /// <summary>The archetypes the given guide pages define, as the build's model stage finds them.</summary>
    public static IReadOnlyList<Archetype> Archetypes(IEnumerable<SourceFile> pages)
    {
        var ignored = new DiagnosticBag();
        var chapters = pages.Select(p => ChapterReader.Read(p, ignored)).ToList();
        return GuideExtractor.Extract(chapters, ignored).Archetypes;
    }

    private const string Config = """
        # Your handbook's settings. See the README for every key.
        title: My Interview Handbook
        description: My behavioral and lead interview preparation, with a STAR story bank.
        language: en
        # base_url: https://you.github.io/my-handbook/
        # content_dir: content   # or the folder of a guide you already have, such as docs

        """;

    private const string Index = """
        ---
        title: "My Interview Handbook"
        order: 0
        ---

        # My Interview Handbook

        Start with the [Behavioral and Lead](04-behavioral-and-lead.md) chapter. It describes ten STAR archetypes: the kinds of
        story interviewers ask for.

        Each file in `content/stories/` is one of your stories, pre-filled with its archetype's template. Replace every
        `[prompt]` with your own situation, task, actions and result; `handbook serve` shows the result as you save, and
        `handbook check` coaches what is still missing.

        """;

    private static string Resource(string name)
    {
        using var stream = typeof(ProjectScaffold).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"resource '{name}' is missing from the tool");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
