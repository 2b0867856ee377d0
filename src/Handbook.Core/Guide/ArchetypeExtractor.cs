using System.Globalization;
using System.Text.RegularExpressions;
using Handbook.Diagnostics;
using Handbook.Markdown;
using Handbook.Model;

namespace Handbook.Guide;

/// <summary>
/// Finds the guide's archetypes by convention — a section whose heading mentions "archetype" holds numbered subheadings
/// (<c>### 1. Production debugging</c>), each with <c>Probes:</c>, <c>Story shape:</c> and <c>Template:</c> bullets —
/// or by explicit markup: a heading with the class <c>archetype</c> (<c>### Debugging {.archetype data-number=1}</c>).
/// Half-recognised archetypes are kept and warned about, never dropped silently.
/// </summary>
public static partial class ArchetypeExtractor
{
    public const string ArchetypeClass = "archetype";

    public static IReadOnlyList<Archetype> Extract(IReadOnlyList<IReadOnlyList<Section>> chapters, DiagnosticBag diagnostics)
    {
        var archetypes = new List<Archetype>();
        var numbers = new Dictionary<int, Archetype>();
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in chapters.SelectMany(Candidates))
        {
            var archetype = Read(candidate, numbers.Count == 0 ? 1 : numbers.Keys.Max() + 1, diagnostics);
            if (archetype is null)
            {
                continue;
            }

            if (numbers.TryGetValue(archetype.Number, out var first))
            {
                diagnostics.Warning(archetype.Location, "archetype-duplicate-number", $"archetype number {Number(archetype.Number)} is already used by '{first.Title}' ({first.Location}); this one is ignored");
                continue;
            }

            var slug = archetype.Slug;
            if (!slugs.Add(slug))
            {
                var suffix = 2;
                while (!slugs.Add($"{archetype.Slug}-{Number(suffix)}"))
                {
                    suffix++;
                }

                slug = $"{archetype.Slug}-{Number(suffix)}";
                diagnostics.Warning(archetype.Location, "archetype-slug-collision", $"archetype '{archetype.Title}' has the same slug '{archetype.Slug}' as another; its page is '{slug}'");
                archetype = archetype with { Slug = slug };
            }

            numbers[archetype.Number] = archetype;
            archetypes.Add(archetype);
        }

        return archetypes.OrderBy(a => a.Number).ToList();
    }

    /// <summary>Whether a chapter's sections hold an archetype, or something meant as one that is warned about.</summary>
    public static bool DeclaresAny(IReadOnlyList<Section> roots) => Candidates(roots).Any();

    /// <summary>Subheadings of "archetype" sections, and explicitly marked headings anywhere, in document order.</summary>
    private static IEnumerable<Section> Candidates(IReadOnlyList<Section> roots)
    {
        var explicitlyMarked = Section.InOrder(roots).Where(s => s.HasClass(ArchetypeClass)).ToList();
        if (explicitlyMarked.Count > 0)
        {
            return explicitlyMarked;
        }

        return Section.InOrder(roots)
            .Where(s => MentionsArchetype().IsMatch(s.Text))
            .SelectMany(s => s.Children)
            .Where(c => NumberedTitle().IsMatch(c.Text));
    }

    private static Archetype? Read(Section section, int nextNumber, DiagnosticBag diagnostics)
    {
        var numbered = NumberedTitle().Match(section.Text);
        int number;
        string title;
        if (section.Attribute("data-number") is { } explicitNumber && int.TryParse(explicitNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            number = n;
            title = numbered.Success ? numbered.Groups["title"].Value.Trim() : section.Text;
        }
        else if (numbered.Success)
        {
            number = int.Parse(numbered.Groups["number"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
            title = numbered.Groups["title"].Value.Trim();
        }
        else
        {
            number = nextNumber;
            title = section.Text;
        }

        if (number <= 0)
        {
            diagnostics.Warning(section.Location, "archetype-number", $"archetype '{section.Text}' needs a number of 1 or more");
            return null;
        }

        var bullets = LabelledBullets.Read(section.Blocks);
        var probes = LabelledBullets.Find(bullets, "Probes")?.Text;
        var shape = LabelledBullets.Find(bullets, "Story shape")?.Text;
        var templateText = LabelledBullets.Find(bullets, "Template")?.Text;
        var name = $"archetype {Number(number)} ('{title}')";
        if (string.IsNullOrWhiteSpace(probes))
        {
            diagnostics.Warning(section.Location, "archetype-incomplete", $"{name} has no '- Probes:' bullet");
        }

        if (string.IsNullOrWhiteSpace(shape))
        {
            diagnostics.Warning(section.Location, "archetype-incomplete", $"{name} has no '- Story shape:' bullet");
        }

        IReadOnlyList<TemplatePart> parts = [];
        TieIn? tieIn = null;
        if (string.IsNullOrWhiteSpace(templateText))
        {
            diagnostics.Warning(section.Location, "archetype-incomplete", $"{name} has no '- Template:' bullet");
        }
        else
        {
            (parts, tieIn) = TemplateLine.Parse(templateText);
            var templateItem = LabelledBullets.Find(bullets, "Template")!.Item;
            var at = new SourceLocation(section.Chapter.SourcePath, templateItem.Line + 1, templateItem.Column + 1);
            foreach (var star in TemplateLine.StarParts)
            {
                if (!parts.Any(p => string.Equals(p.Name, star, StringComparison.OrdinalIgnoreCase)))
                {
                    diagnostics.Warning(at, "archetype-template", $"the template of {name} has no {star} [prompt]");
                }
            }
        }

        var slug = HeadingSlugger.Slugify(title);
        if (slug.Length == 0)
        {
            slug = "archetype-" + Number(number);
        }
        else if (ModelBuilder.WindowsDeviceSegment(slug) is not null || slug.StartsWith('_'))
        {
            // "con.html" cannot exist on Windows, and a leading '_' is hidden by some hosts: keep the page portable.
            var portable = "archetype-" + slug.TrimStart('_');
            diagnostics.Warning(section.Location, "archetype-slug-reserved", $"archetype '{title}' would have the page '{slug}.html', which not every system can hold; its page is '{portable}.html'");
            slug = portable;
        }

        return new Archetype(number, title, slug, probes, shape, parts, tieIn, section.Chapter.SourcePath, section.Id, section.Location);
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\barchetypes?\b", RegexOptions.IgnoreCase)]
    private static partial Regex MentionsArchetype();

    [GeneratedRegex(@"^\s*(?<number>[0-9]{1,3})[.)]\s+(?<title>\S.*)$")]
    private static partial Regex NumberedTitle();
}
