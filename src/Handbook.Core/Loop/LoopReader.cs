using System.Globalization;
using System.Text.RegularExpressions;
using Handbook.Diagnostics;
using Handbook.Load;
using Handbook.Markdown;
using Handbook.Model;
using Handbook.Stories;
using Handbook.Yaml;

namespace Handbook.Loop;

/// <summary>
/// Reads <c>content/loop.yml</c> into an <see cref="InterviewLoop"/>. Like a story, every problem is one located diagnostic and all
/// are collected; archetype references are resolved (and unknown ones reported) by the link stage, as for stories.
/// </summary>
public static partial class LoopReader
{
    public const string FileName = "loop.yml";

    public static readonly IReadOnlyList<string> TopKeys = ["rounds", "scales"];

    public static readonly IReadOnlyList<string> RoundKeys = ["name", "slug", "length", "interviewer", "archetypes", "questions", "levels"];

    /// <summary>The scale's levels as written in <c>scales:</c>, weakest first.</summary>
    public static readonly IReadOnlyList<(string Key, RatingLevel Level)> LevelKeys =
    [
        ("strong_no", RatingLevel.StrongNo), ("no", RatingLevel.No), ("yes", RatingLevel.Yes), ("strong_yes", RatingLevel.StrongYes),
    ];

    public static InterviewLoop Read(SourceFile file, DiagnosticBag diagnostics)
    {
        var at = SourceLocation.File(file.Path);
        var before = diagnostics.Count(Severity.Error);
        var root = YamlTreeReader.Read(file.Path, file.Text, diagnostics);
        if (root is null && diagnostics.Count(Severity.Error) > before)
        {
            return InterviewLoop.Empty;
        }

        if (root is null or YamlScalar { IsNull: true })
        {
            diagnostics.Error(at, "loop-empty", "loop.yml is empty; list the loop's 'rounds:' (see schema/loop.schema.json) or delete the file");
            return InterviewLoop.Empty;
        }

        if (root is not YamlMapping map)
        {
            diagnostics.Error(root.Location, "loop-type", $"loop.yml must be a mapping with 'rounds:', not {YamlFields.Describe(root)}");
            return InterviewLoop.Empty;
        }

        YamlFields.RejectUnknownKeys(map, TopKeys, "loop-unknown-key", "loop key", diagnostics);
        var rounds = new List<LoopRound>();
        switch (YamlFields.Get(map, "rounds"))
        {
            case null or YamlScalar { IsNull: true }:
                diagnostics.Error(map.Location, "loop-missing-field", "loop.yml needs 'rounds:', a list of the loop's interviews in order");
                break;
            case YamlSequence sequence:
                var slugs = new Dictionary<string, LoopRound>(StringComparer.Ordinal);
                foreach (var item in sequence.Items)
                {
                    if (ReadRound(item, diagnostics) is not { } round)
                    {
                        continue;
                    }

                    if (slugs.TryGetValue(round.Slug, out var first))
                    {
                        diagnostics.Error(round.Location, "loop-duplicate-round", $"round '{round.Name}' would share the page interviewers/{round.Slug}.html with round '{first.Name}' (line {first.Location.Line.ToString(CultureInfo.InvariantCulture)}); give one of them another 'name' or 'slug'");
                        continue;
                    }

                    slugs[round.Slug] = round;
                    rounds.Add(round);
                }

                break;
            case var other:
                diagnostics.Error(other.Location, "loop-type", $"'rounds' must be a list of rounds, each starting with '- name:', not {YamlFields.Describe(other)}");
                break;
        }

        // Loop-wide findings (an archetype no round covers) point at the 'rounds:' key itself.
        var location = map.Entries.FirstOrDefault(e => e.Key.Value == "rounds")?.Key.Location ?? map.Location;
        return new InterviewLoop(file.Path, location, rounds, ReadScales(map, diagnostics));
    }

    private static LoopRound? ReadRound(YamlNode node, DiagnosticBag diagnostics)
    {
        if (node is not YamlMapping round)
        {
            diagnostics.Error(node.Location, "loop-type", $"each round must be a mapping starting with 'name:', not {YamlFields.Describe(node)}");
            return null;
        }

        var errors = diagnostics.Count(Severity.Error);
        YamlFields.RejectUnknownKeys(round, RoundKeys, "loop-unknown-key", "round key", diagnostics);
        var name = YamlFields.String(round, "name", "loop-type", diagnostics)?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            diagnostics.Error(YamlFields.Get(round, "name")?.Location ?? round.Location, "loop-missing-field", "a round needs a 'name', e.g. 'name: Incident deep dive'");
        }

        var slug = ReadSlug(round, name, diagnostics);
        var minutes = ReadLength(round, diagnostics);
        var interviewer = YamlFields.String(round, "interviewer", "loop-type", diagnostics)?.Trim();
        var archetypes = YamlFields.ScalarList(round, "archetypes", "loop-type", diagnostics) ?? [];
        var refs = new List<ArchetypeRef>();
        foreach (var item in archetypes)
        {
            if (item.Value.Trim().Length == 0)
            {
                diagnostics.Error(item.Location, "loop-type", "each archetype must be a number or a slug such as 'production-debugging', not an empty value");
                continue;
            }

            refs.Add(new ArchetypeRef(item.Value.Trim(), item.Location));
        }

        var questions = (YamlFields.ScalarList(round, "questions", "loop-type", diagnostics) ?? [])
            .Where(q => q.Value.Trim().Length > 0)
            .Select(q => new StoryText(q.Value.Trim(), q.Location))
            .ToList();
        var levels = ReadLevels(round, diagnostics);
        if (name is not null && refs.Count == 0 && questions.Count == 0 && diagnostics.Count(Severity.Error) == errors)
        {
            diagnostics.Warning(round.Location, "loop-empty-round", $"round '{name}' covers no archetype and has no questions; add 'archetypes:' or 'questions:'");
        }

        if (string.IsNullOrEmpty(name) || slug is null || diagnostics.Count(Severity.Error) > errors)
        {
            return null;
        }

        return new LoopRound(name, slug, minutes, string.IsNullOrEmpty(interviewer) ? null : interviewer, refs, questions, levels, round.Location);
    }

    /// <summary>The round's page name: its <c>slug</c>, or one made from its name the way heading ids are.</summary>
    private static string? ReadSlug(YamlMapping round, string? name, DiagnosticBag diagnostics)
    {
        var written = YamlFields.String(round, "slug", "loop-type", diagnostics)?.Trim();
        if (written is null)
        {
            var made = name is null ? null : StoryIds.Suggest(HeadingSlugger.Slugify(name));
            return made is null || made.Length == 0 ? null : made;
        }

        if (!StoryIds.IsValid(written) || ModelBuilder.WindowsDeviceSegment(written) is not null)
        {
            diagnostics.Error(YamlFields.Get(round, "slug")!.Location, "loop-slug", $"a round's slug names its page and may hold only lower-case letters, digits and hyphens (and not a Windows device name); try '{StoryIds.Suggest(written)}-round'");
            return null;
        }

        return written;
    }

    /// <summary><c>length: 45</c> or <c>length: 45 min</c> (also <c>1h</c>, <c>1 h 30 min</c>): whole minutes.</summary>
    private static int? ReadLength(YamlMapping round, DiagnosticBag diagnostics)
    {
        var text = YamlFields.String(round, "length", "loop-type", diagnostics)?.Trim();
        if (text is null)
        {
            return null;
        }

        var match = LengthPattern().Match(text);
        if (match.Success)
        {
            var hours = match.Groups["h"].Success ? int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
            var minutes = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            var total = (hours * 60) + minutes;
            if (total is > 0 and <= 24 * 60)
            {
                return total;
            }
        }

        diagnostics.Error(YamlFields.Get(round, "length")!.Location, "loop-length", $"'length' must be the round's minutes, such as 45 or '45 min' or '1h 30m', not '{text}'");
        return null;
    }

    private static IReadOnlyList<LevelExpectation> ReadLevels(YamlMapping round, DiagnosticBag diagnostics)
    {
        switch (YamlFields.Get(round, "levels"))
        {
            case null or YamlScalar { IsNull: true }:
                return [];
            case YamlMapping levels:
                var expectations = new List<LevelExpectation>();
                foreach (var entry in levels.Entries)
                {
                    if (entry.Value is YamlScalar { IsNull: false } text && text.Value.Trim().Length > 0)
                    {
                        expectations.Add(new LevelExpectation(entry.Key.Value.Trim(), text.Value.Trim()));
                    }
                    else
                    {
                        diagnostics.Error(entry.Value.Location, "loop-type", $"what a round expects at level '{entry.Key.Value}' must be a sentence, not {YamlFields.Describe(entry.Value)}");
                    }
                }

                return expectations;
            case var other:
                diagnostics.Error(other.Location, "loop-type", $"'levels' must map each level to what this round expects of it, e.g. 'senior: leads the incident review', not {YamlFields.Describe(other)}");
                return [];
        }
    }

    /// <summary><c>scales:</c> maps an archetype (number or slug) to the team's sentences for some of its four levels.</summary>
    private static IReadOnlyList<ScaleOverride> ReadScales(YamlMapping map, DiagnosticBag diagnostics)
    {
        switch (YamlFields.Get(map, "scales"))
        {
            case null or YamlScalar { IsNull: true }:
                return [];
            case YamlMapping scales:
                var overrides = new List<ScaleOverride>();
                foreach (var entry in scales.Entries)
                {
                    if (entry.Value is not YamlMapping levels)
                    {
                        diagnostics.Error(entry.Value.Location, "loop-type", $"the scale of archetype '{entry.Key.Value}' must map levels ({string.Join(", ", LevelKeys.Select(l => l.Key))}) to sentences, not {YamlFields.Describe(entry.Value)}");
                        continue;
                    }

                    YamlFields.RejectUnknownKeys(levels, LevelKeys.Select(l => l.Key).ToList(), "loop-unknown-key", "scale level", diagnostics);
                    var anchors = new Dictionary<RatingLevel, string>();
                    foreach (var (key, level) in LevelKeys)
                    {
                        if (YamlFields.String(levels, key, "loop-type", diagnostics)?.Trim() is { Length: > 0 } sentence)
                        {
                            anchors[level] = sentence;
                        }
                    }

                    overrides.Add(new ScaleOverride(new ArchetypeRef(entry.Key.Value.Trim(), entry.Key.Location), anchors));
                }

                return overrides;
            case var other:
                diagnostics.Error(other.Location, "loop-type", $"'scales' must map archetypes (number or slug) to their levels, not {YamlFields.Describe(other)}");
                return [];
        }
    }

    [GeneratedRegex(@"^(?:(?<h>\d{1,2})\s*(?:h|hr|hrs|hours?)\s*)?(?:(?<m>\d{1,4})\s*(?:m|min|mins|minutes?)?)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LengthPattern();
}
