using System.Globalization;
using Handbook.Diagnostics;
using Handbook.Load;
using Handbook.Markdown;
using Handbook.Model;
using Handbook.Yaml;

namespace Handbook.Stories;

/// <summary>
/// Reads <c>content/stories/ID.yml</c> files into validated <see cref="Story"/> records. Every problem is one diagnostic at the node
/// it is about, all of them collected; a story with an error is left out of the model (its errors fail the build).
/// Emptiness of a STAR part is not an error here: the coach reports it as <c>star-missing</c>, with the guide's rule.
/// </summary>
public static partial class StoryReader
{
    public static IReadOnlyList<Story> ReadAll(IReadOnlyList<SourceFile> files, DiagnosticBag diagnostics) =>
        ReadBank(files, diagnostics).Stories;

    /// <summary>
    /// Reads every story file. The archetype references of stories dropped for other errors are kept too, so the link stage
    /// can report an unknown archetype in the same run rather than after the user fixes the first error.
    /// </summary>
    /// <param name="readFile">Reads one file; the preview server passes a cached reader (default: <see cref="ReadFile"/>).</param>
    public static StoryBank ReadBank(IReadOnlyList<SourceFile> files, DiagnosticBag diagnostics, Func<SourceFile, StoryFile>? readFile = null)
    {
        readFile ??= ReadFile;
        var stories = new List<Story>();
        var droppedRefs = new List<ArchetypeRef>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var id = Path.GetFileNameWithoutExtension(file.Path);
            if (ids.TryGetValue(id, out var first))
            {
                diagnostics.Error(SourceLocation.File(file.Path), "story-duplicate-id", $"story id '{id}' is already taken by {first}; a story's id is its file name, so rename one of them");
                continue;
            }

            ids[id] = file.Path;
            var read = readFile(file);
            foreach (var diagnostic in read.Diagnostics)
            {
                diagnostics.Add(diagnostic);
            }

            if (read.Story is { } story)
            {
                stories.Add(story);
            }
            else
            {
                droppedRefs.AddRange(read.Refs);
            }
        }

        return new StoryBank(stories, droppedRefs);
    }

    /// <summary>Reads one story file; null when it has errors (all reported).</summary>
    public static Story? Read(SourceFile file, DiagnosticBag diagnostics)
    {
        var read = ReadFile(file);
        foreach (var diagnostic in read.Diagnostics)
        {
            diagnostics.Add(diagnostic);
        }

        return read.Story;
    }

    /// <summary>One story file read on its own: what depends on nothing but its text, so it can be kept while the text is unchanged.</summary>
    public static StoryFile ReadFile(SourceFile file)
    {
        // A bag of its own tells whether this file had errors even when other stages report in parallel.
        var local = new DiagnosticBag();
        var refs = new List<ArchetypeRef>();
        var story = Parse(file, local, refs);
        return local.HasErrors ? new StoryFile(null, local.Sorted(), refs) : new StoryFile(story, local.Sorted(), []);
    }

    private static Story? Parse(SourceFile file, DiagnosticBag diagnostics, List<ArchetypeRef> refs)
    {
        var fileAt = SourceLocation.File(file.Path);
        var id = Path.GetFileNameWithoutExtension(file.Path);
        if (!StoryIds.IsValid(id))
        {
            var extension = Path.GetExtension(file.Path);
            diagnostics.Error(fileAt, "story-id", $"a story's file name is its id and may hold only lower-case letters, digits and hyphens; rename it to '{StoryIds.Suggest(id)}{extension}'");
        }

        var before = diagnostics.Count(Severity.Error);
        var root = YamlTreeReader.Read(file.Path, file.Text, diagnostics);
        if (root is null && diagnostics.Count(Severity.Error) > before)
        {
            return null;
        }

        if (root is null or YamlScalar { IsNull: true })
        {
            diagnostics.Error(fileAt, "story-empty", "this story file is empty; write a story with at least title, archetypes, situation, task, actions and result (see schema/story.schema.json)");
            return null;
        }

        if (root is not YamlMapping map)
        {
            diagnostics.Error(root.Location, "story-type", $"a story must be a mapping of fields such as 'title: …', not {YamlFields.Describe(root)}");
            return null;
        }

        YamlFields.RejectUnknownKeys(map, StoryFields.Known, "story-unknown-field", "story field", diagnostics);
        foreach (var (name, hint) in StoryFields.Required)
        {
            if (YamlFields.Get(map, name) is null)
            {
                diagnostics.Error(map.Location, "story-missing-field", $"missing required field '{name}': {hint}");
            }

            if (name == StoryFields.Title && YamlFields.Get(map, StoryFields.Archetypes) is null && YamlFields.Get(map, StoryFields.Questions) is null)
            {
                diagnostics.Error(map.Location, "story-missing-field", $"missing required field '{StoryFields.Archetypes}': {StoryFields.ServesHint}");
            }
        }

        var title = Text(map, StoryFields.Title, diagnostics);
        if (title is not null && string.IsNullOrWhiteSpace(title.Value))
        {
            diagnostics.Error(title.Location, "story-missing-field", "'title' is empty; give the story a short name");
        }

        var archetypes = ArchetypeRefs(map, diagnostics);
        refs.AddRange(archetypes);
        var questions = QuestionRefs(map, diagnostics);
        var situation = Text(map, StoryFields.Situation, diagnostics);
        var task = Text(map, StoryFields.Task, diagnostics);
        var actions = TextList(map, StoryFields.Actions, diagnostics);
        var result = Text(map, StoryFields.Result, diagnostics);
        var tieIn = Text(map, StoryFields.TieIn, diagnostics);
        var lesson = Text(map, StoryFields.Lesson, diagnostics);
        var tags = TextList(map, StoryFields.Tags, diagnostics);
        var primary = YamlFields.Bool(map, StoryFields.Primary, "story-type", diagnostics) ?? false;
        var visibility = ReadVisibility(map, diagnostics);
        CheckMarkdownLimits([situation, task, result, tieIn, lesson, .. actions ?? []], diagnostics);

        if (diagnostics.HasErrors || title is null || situation is null || task is null || actions is null || result is null)
        {
            return null;
        }

        return new Story(
            id,
            file.Path,
            map.Location,
            title.Value.Trim(),
            archetypes,
            situation,
            task,
            actions,
            result,
            tieIn,
            lesson,
            tags?.Select(t => t.Value.Trim()).Where(t => t.Length > 0).ToList() ?? [],
            primary,
            visibility)
        {
            TitleLocation = title.Location,
            ActionsLocation = YamlFields.Get(map, StoryFields.Actions)!.Location,
            Questions = questions,
        };
    }

    /// <summary>Fields are rendered as Markdown on several pages; one the parser would refuse is reported here, at the field.</summary>
    private static void CheckMarkdownLimits(IEnumerable<StoryText?> fields, DiagnosticBag diagnostics)
    {
        foreach (var field in fields)
        {
            if (field is not null && MarkdownLimits.CheckField(field.Value, MarkdownPipelines.StoryField) is { } problem)
            {
                diagnostics.Error(field.Location, problem.Code, problem.Message);
            }
        }
    }

    /// <summary>A text field: a scalar (a plain number or boolean is taken as its text), an empty value as empty text.</summary>
    private static StoryText? Text(YamlMapping map, string key, DiagnosticBag diagnostics)
    {
        var node = YamlFields.Get(map, key);
        switch (node)
        {
            case null:
                return null;
            case YamlScalar { IsNull: true } empty:
                return new StoryText("", empty.Location);
            case YamlScalar scalar:
                return new StoryText(scalar.Value, scalar.Location);
            default:
                diagnostics.Error(node.Location, "story-type", $"'{key}' must be text, not {YamlFields.Describe(node)}");
                return null;
        }
    }

    private static List<StoryText>? TextList(YamlMapping map, string key, DiagnosticBag diagnostics) =>
        YamlFields.ScalarList(map, key, "story-type", diagnostics)?.Select(s => new StoryText(s.Value, s.Location)).ToList();

    /// <summary><c>questions:</c> — the guide's questions this story answers, by text or id, each keeping its location.</summary>
    private static List<QuestionRef> QuestionRefs(YamlMapping map, DiagnosticBag diagnostics)
    {
        var node = YamlFields.Get(map, StoryFields.Questions);
        var refs = new List<QuestionRef>();
        IEnumerable<YamlNode> items = node switch
        {
            null or YamlScalar { IsNull: true } => [],
            YamlSequence sequence => sequence.Items,
            YamlScalar scalar => [scalar],
            _ => [node],
        };
        foreach (var item in items)
        {
            if (item is YamlScalar { IsNull: false } scalar && scalar.Value.Trim().Length > 0)
            {
                refs.Add(new QuestionRef(scalar.Value.Trim(), scalar.Location));
            }
            else
            {
                diagnostics.Error(item.Location, "story-type", $"each question must be a question's text or id, not {YamlFields.Describe(item)}");
            }
        }

        return refs;
    }

    /// <summary>Each reference keeps its own location, so an unknown archetype is reported at the item that names it.</summary>
    private static List<ArchetypeRef> ArchetypeRefs(YamlMapping map, DiagnosticBag diagnostics)
    {
        var node = YamlFields.Get(map, StoryFields.Archetypes);
        var refs = new List<ArchetypeRef>();
        switch (node)
        {
            case null:
                return refs;
            case YamlScalar { IsNull: true }:
                diagnostics.Error(node.Location, "story-missing-field", "'archetypes' is empty; list the archetype numbers or slugs this story serves, e.g. [1]");
                return refs;
            case YamlScalar scalar:
                diagnostics.Error(scalar.Location, "story-type", $"'archetypes' must be a list, e.g. [{scalar.Value}], not the text {YamlFields.Describe(scalar)}");
                return refs;
            case YamlMapping:
                diagnostics.Error(node.Location, "story-type", "'archetypes' must be a list of archetype numbers or slugs, e.g. [1, production-debugging], not a mapping");
                return refs;
        }

        var sequence = (YamlSequence)node;
        if (sequence.Items.Count == 0)
        {
            diagnostics.Error(node.Location, "story-missing-field", "'archetypes' is empty; list at least one archetype number or slug, e.g. [1]");
        }

        foreach (var item in sequence.Items)
        {
            if (item is YamlScalar { IsNull: false } scalar && scalar.Value.Trim().Length > 0)
            {
                // A plain number is read as YAML reads it, as the schema's validators do: 1.0, +1 and 0x1 are archetype 1.
                var text = scalar.IsPlain ? IntegralNumber(scalar.Value) ?? scalar.Value.Trim() : scalar.Value.Trim();
                refs.Add(new ArchetypeRef(text, scalar.Location));
            }
            else
            {
                diagnostics.Error(item.Location, "story-type", $"each archetype must be a number or a slug such as 'production-debugging', not {YamlFields.Describe(item)}");
            }
        }

        return refs;
    }

    /// <summary>The integer a YAML 1.2 core-schema number denotes (<c>1.0</c>, <c>+1</c>, <c>0x1</c>, <c>0o1</c>, <c>1e0</c>), as decimal text; null otherwise.</summary>
    internal static string? IntegralNumber(string plain)
    {
        var text = plain.Trim();
        if (text.StartsWith("0x", StringComparison.Ordinal) && long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
        {
            return hex.ToString(CultureInfo.InvariantCulture);
        }

        if (text.StartsWith("0o", StringComparison.Ordinal) && text.Length > 2 && text.AsSpan(2).IndexOfAnyExcept("01234567") < 0)
        {
            return Convert.ToInt64(text[2..], 8).ToString(CultureInfo.InvariantCulture);
        }

        if (CoreNumber().IsMatch(text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && Math.Abs(value) < 1e15 && value == Math.Floor(value))
        {
            return ((long)value).ToString(CultureInfo.InvariantCulture);
        }

        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial System.Text.RegularExpressions.Regex CoreNumber();

    private static Visibility ReadVisibility(YamlMapping map, DiagnosticBag diagnostics)
    {
        var node = YamlFields.Get(map, StoryFields.Visibility);
        switch (node)
        {
            case null or YamlScalar { IsNull: true }:
                return Visibility.Public;
            case YamlScalar { Value: "public" }:
                return Visibility.Public;
            case YamlScalar { Value: "private" }:
                return Visibility.Private;
            default:
                var suggestion = node is YamlScalar s ? Handbook.Text.Spelling.Closest(s.Value, ["public", "private"]) : null;
                var hint = suggestion is null ? "" : $"; did you mean '{suggestion}'?";
                diagnostics.Error(node.Location, "story-type", $"'visibility' must be 'public' or 'private', not {YamlFields.Describe(node)}{hint}");
                return Visibility.Public;
        }
    }
}
