using System.Globalization;
using Handbook.Diagnostics;
using Handbook.Load;
using Handbook.Markdown;
using Handbook.Model;
using Handbook.Yaml;

namespace Handbook.Guide;

/// <summary>A question <c>archetypes.yml</c> lists under an archetype: it retrieves that archetype.</summary>
public sealed record DeclaredQuestion(int Archetype, string Text, SourceLocation Location);

/// <summary>What <c>&lt;content_dir&gt;/archetypes.yml</c> declares.</summary>
public sealed record ArchetypeDeclarations(IReadOnlyList<Archetype> Archetypes, IReadOnlyList<DeclaredQuestion> Questions)
{
    public static ArchetypeDeclarations None { get; } = new([], []);
}

/// <summary>
/// Reads <c>archetypes.yml</c>: archetypes for a guide that does not describe them the way the conventions expect, as a list of
/// <c>number</c>, <c>title</c>, <c>slug?</c>, <c>probes</c>, <c>story_shape</c>, <c>template</c>, <c>questions</c>
/// (<c>schema/archetypes.schema.json</c>). Strict like stories: unknown keys are errors with a did-you-mean, every problem located.
/// </summary>
public static class ArchetypeFile
{
    public static readonly IReadOnlyList<string> Keys = ["number", "title", "slug", "probes", "story_shape", "template", "questions"];

    public static ArchetypeDeclarations Read(SourceFile? file, DiagnosticBag diagnostics)
    {
        if (file is null)
        {
            return ArchetypeDeclarations.None;
        }

        var root = YamlTreeReader.Read(file.Path, file.Text, diagnostics);
        if (root is null or YamlScalar { IsNull: true })
        {
            return ArchetypeDeclarations.None;
        }

        // The list itself, or under an 'archetypes:' key.
        if (root is YamlMapping { Entries: [{ Key.Value: "archetypes" } only] })
        {
            root = only.Value;
        }

        if (root is not YamlSequence list)
        {
            diagnostics.Error(root.Location, "archetypes-type", "archetypes.yml must be a list of archetypes, each like '- number: 1' with 'title:', 'probes:', 'story_shape:' and 'template:'");
            return ArchetypeDeclarations.None;
        }

        var archetypes = new List<Archetype>();
        var questions = new List<DeclaredQuestion>();
        foreach (var item in list.Items)
        {
            if (item is not YamlMapping map)
            {
                diagnostics.Error(item.Location, "archetypes-type", $"each archetype must be a mapping with 'number:' and 'title:', not {YamlFields.Describe(item)}");
                continue;
            }

            if (ReadOne(file.Path, map, questions, diagnostics) is { } archetype)
            {
                if (archetypes.FirstOrDefault(a => a.Number == archetype.Number || a.Slug == archetype.Slug) is { } twin)
                {
                    diagnostics.Error(archetype.Location, "archetypes-duplicate", $"archetype {archetype.NumberedTitle} is declared twice in archetypes.yml (also {twin.NumberedTitle} at line {twin.Location.Line.ToString(CultureInfo.InvariantCulture)})");
                    continue;
                }

                archetypes.Add(archetype);
            }
        }

        return new ArchetypeDeclarations(archetypes, questions);
    }

    private static Archetype? ReadOne(string path, YamlMapping map, List<DeclaredQuestion> questions, DiagnosticBag diagnostics)
    {
        YamlFields.RejectUnknownKeys(map, Keys, "archetypes-unknown-key", "archetype key", diagnostics);
        int? number = null;
        switch (YamlFields.Get(map, "number"))
        {
            case null:
                diagnostics.Error(map.Location, "archetypes-missing-field", "missing 'number': the archetype's number, which stories and '#N' references use");
                break;
            case YamlScalar { IsPlain: true } s when int.TryParse(s.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0:
                number = n;
                break;
            case var node:
                diagnostics.Error(node.Location, "archetypes-type", $"'number' must be a whole number from 1, not {YamlFields.Describe(node)}");
                break;
        }

        var title = YamlFields.String(map, "title", "archetypes-type", diagnostics)?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            diagnostics.Error(YamlFields.Get(map, "title")?.Location ?? map.Location, "archetypes-missing-field", "missing 'title': the archetype's name, such as 'Production debugging'");
        }

        var slug = YamlFields.String(map, "slug", "archetypes-type", diagnostics)?.Trim();
        if (slug is not null && (slug.Length == 0 || HeadingSlugger.Slugify(slug) != slug))
        {
            var example = HeadingSlugger.Slugify(slug) is { Length: > 0 } clean ? clean : "production-debugging";
            diagnostics.Error(YamlFields.Get(map, "slug")!.Location, "archetypes-type", $"'slug' must be lower-case letters, digits and hyphens such as '{example}', not '{slug}'");
            slug = null;
        }

        var probes = YamlFields.String(map, "probes", "archetypes-type", diagnostics);
        var shape = YamlFields.String(map, "story_shape", "archetypes-type", diagnostics);
        var (parts, tieIn) = Template(map, diagnostics);
        if (number is null || string.IsNullOrEmpty(title))
        {
            return null;
        }

        var location = YamlFields.Get(map, "title")?.Location ?? map.Location;
        foreach (var question in QuestionTexts(map, diagnostics))
        {
            questions.Add(new DeclaredQuestion(number.Value, question.Value, question.Location));
        }

        slug ??= HeadingSlugger.Slugify(title) is { Length: > 0 } fromTitle ? fromTitle : "archetype-" + number.Value.ToString(CultureInfo.InvariantCulture);
        return new Archetype(number.Value, title, slug, probes, shape, parts, tieIn, path, "", location);
    }

    /// <summary>The one-line form the guide uses (<c>Situation [..] · Task [..] · … · AI tie-in: …</c>), or a mapping of part → prompt.</summary>
    private static (IReadOnlyList<TemplatePart> Parts, TieIn? TieIn) Template(YamlMapping map, DiagnosticBag diagnostics)
    {
        switch (YamlFields.Get(map, "template"))
        {
            case null or YamlScalar { IsNull: true }:
                return ([], null);
            case YamlScalar line:
                return TemplateLine.Parse(line.Value);
            case YamlMapping parts:
                var list = new List<TemplatePart>();
                TieIn? tieIn = null;
                foreach (var entry in parts.Entries)
                {
                    if (entry.Value is not YamlScalar { IsNull: false } prompt)
                    {
                        diagnostics.Error(entry.Value.Location, "archetypes-type", $"template part '{entry.Key.Value}' must be its prompt as text, not {YamlFields.Describe(entry.Value)}");
                    }
                    else if (entry.Key.Value.Replace('_', '-').EndsWith("tie-in", StringComparison.OrdinalIgnoreCase))
                    {
                        tieIn = new TieIn(entry.Key.Value[..^"tie-in".Length].Trim(' ', '-', '_'), prompt.Value.Trim());
                    }
                    else
                    {
                        list.Add(new TemplatePart(char.ToUpperInvariant(entry.Key.Value[0]) + entry.Key.Value[1..], prompt.Value.Trim()));
                    }
                }

                return (list, tieIn);
            case var node:
                diagnostics.Error(node.Location, "archetypes-type", $"'template' must be a line such as 'Situation [..] · Task [..] · Action [..] · Result [..]' or a mapping of parts to prompts, not {YamlFields.Describe(node)}");
                return ([], null);
        }
    }

    private static IEnumerable<YamlScalar> QuestionTexts(YamlMapping map, DiagnosticBag diagnostics)
    {
        var node = YamlFields.Get(map, "questions");
        if (node is null or YamlScalar { IsNull: true })
        {
            yield break;
        }

        if (node is not YamlSequence list)
        {
            diagnostics.Error(node.Location, "archetypes-type", $"'questions' must be a list of questions, not {YamlFields.Describe(node)}");
            yield break;
        }

        foreach (var item in list.Items)
        {
            if (item is YamlScalar { IsNull: false } text && text.Value.Trim().Length > 0)
            {
                yield return text;
            }
            else
            {
                diagnostics.Error(item.Location, "archetypes-type", $"each question must be its text, not {YamlFields.Describe(item)}");
            }
        }
    }
}
