using System.Globalization;
using System.Text;
using Handbook.Model;

namespace Handbook.Init;

/// <summary>
/// A story file pre-filled from an archetype's template: each STAR field holds the guide's bracketed prompt, so the
/// coach reports it once as <c>placeholder</c> until it is replaced, and the file builds from the first minute.
/// </summary>
public static class StoryStub
{
    public const string SchemaComment = "# yaml-language-server: $schema=../../schema/story.schema.json";

    /// <summary>Where a story with this id lives, relative to the project.</summary>
    public static string PathOf(string id, string contentDir = Load.SourceLoader.ContentFolder) => $"{Load.SourceLoader.StoriesFolderOf(contentDir)}/{id}.yml";

    /// <summary>The schema comment for a story in <paramref name="contentDir"/>'s stories folder: the schema path is relative to the story.</summary>
    public static string SchemaCommentFor(string contentDir) =>
        "# yaml-language-server: $schema=" + string.Concat(Enumerable.Repeat("../", contentDir.Split('/').Length + 1)) + "schema/story.schema.json";

    public static string Yaml(Archetype archetype, string contentDir = Load.SourceLoader.ContentFolder)
    {
        var number = archetype.Number.ToString(CultureInfo.InvariantCulture);
        var yaml = new StringBuilder()
            .Append(SchemaCommentFor(contentDir)).Append('\n')
            .Append(CultureInfo.InvariantCulture, $"# Archetype {archetype.NumberedTitle}: replace every [prompt] with your own story.\n")
            .Append(archetype.TieIn is { } tieIn ? $"# tie_in is the {tieIn.Kind} tie-in that closes the story.\n" : "")
            .Append("title: ").Append(Quote(Prompt($"{archetype.Title}: your one-line headline"))).Append('\n')
            .Append("archetypes: [").Append(number).Append("]\n")
            .Append("primary: true\n");
        foreach (var (field, prompt) in Fields(archetype))
        {
            yaml.Append(field == "actions" ? $"actions:\n  - {Quote(prompt)}\n" : $"{field}: {Quote(prompt)}\n");
        }

        return yaml.ToString();
    }

    /// <summary>
    /// The template's parts as story fields and prompts: Situation → situation, Action → actions, the tie-in → tie_in.
    /// A STAR part the template lacks gets the guide's general prompt, so a stub always has every required field.
    /// </summary>
    public static IEnumerable<(string Field, string Prompt)> Fields(Archetype archetype)
    {
        var fromTemplate = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in archetype.Template)
        {
            var field = part.Name.Trim().ToLowerInvariant() switch
            {
                "situation" => "situation",
                "task" => "task",
                "action" or "actions" => "actions",
                "result" => "result",
                _ => null,
            };
            if (field is not null)
            {
                fromTemplate.TryAdd(field, Prompt(part.Prompt));
            }
        }

        foreach (var (field, general) in GeneralPrompts)
        {
            yield return (field, fromTemplate.GetValueOrDefault(field) ?? general);
        }

        if (archetype.TieIn is { } tieIn)
        {
            yield return ("tie_in", Prompt(tieIn.Text));
        }

        yield return ("lesson", "[the lesson or changed operating rule you took from it]");
    }

    // The guide's own words for each STAR part ("Situation — one sentence of context", …).
    private static readonly (string Field, string Prompt)[] GeneralPrompts =
    [
        ("situation", "[one sentence of context]"),
        ("task", "[what you specifically owned]"),
        ("actions", "[the 2-4 concrete things you did]"),
        ("result", "[an explicit outcome, ideally a number]"),
    ];

    /// <summary>A prompt as the guide writes it, in brackets: <c>[the flaky failure]</c>.</summary>
    public static string Prompt(string text)
    {
        var trimmed = text.Trim();
        return trimmed.StartsWith('[') && trimmed.EndsWith(']') ? trimmed : "[" + trimmed.Trim('[', ']').Trim() + "]";
    }

    /// <summary>A YAML double-quoted scalar: always quoted, because a bare <c>[…]</c> would be read as a list.</summary>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }
}
