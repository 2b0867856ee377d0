using System.CommandLine;
using System.Globalization;
using Handbook.Diagnostics;
using Handbook.Init;
using Handbook.Load;
using Handbook.Model;
using Handbook.Stories;

namespace Handbook.Cli;

/// <summary><c>handbook new story --archetype N|slug [--id ID] [DIR]</c>: one more story stub, from the project's own guide.</summary>
public static class NewCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var project = HandbookCommand.ProjectArgument();
        var archetype = new Option<string>("--archetype", "-a") { Description = "The archetype the story answers: its number or slug", Required = true };
        var id = new Option<string?>("--id") { Description = "The story's id and file name (default: the archetype's slug)" };
        var story = new Command("story", "Add a story stub pre-filled from an archetype's template.")
        {
            project, archetype, id,
        }.WithExamples("handbook new story --archetype 3", "handbook new story --archetype production-debugging --id checkout-race");
        story.SetAction(parse =>
        {
            var root = Path.GetFullPath(parse.GetValue(project) ?? ".");
            var diagnostics = new DiagnosticBag();
            var sources = SourceLoader.Load(root, diagnostics);
            if (sources.Config is null)
            {
                error.WriteLine($"handbook: no handbook project in {root}; run 'handbook init' first");
                return HandbookCommand.UsageError;
            }

            var guideArchetypes = ProjectScaffold.Archetypes(sources.Pages);
            var declared = Handbook.Guide.ArchetypeFile.Read(sources.ArchetypesFile, new DiagnosticBag()).Archetypes;
            var archetypes = guideArchetypes.Concat(declared.Where(d => !guideArchetypes.Any(g => g.Number == d.Number))).OrderBy(a => a.Number).ToList();
            var wanted = parse.GetValue(archetype)!.Trim().TrimStart('#');
            var chosen = int.TryParse(wanted, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                ? archetypes.FirstOrDefault(a => a.Number == number)
                : archetypes.FirstOrDefault(a => a.Slug == wanted);
            if (chosen is null)
            {
                var known = archetypes.Count == 0
                    ? "the guide defines no archetypes"
                    : "known archetypes: " + string.Join(", ", archetypes.Select(a => $"{a.Number.ToString(CultureInfo.InvariantCulture)} ({a.Slug})"));
                error.WriteLine($"handbook: unknown archetype '{wanted}'; {known}");
                return HandbookCommand.UsageError;
            }

            // Without --id, the archetype's slug, or the first free slug-2, slug-3, …: init already wrote a stub named for
            // the slug, and the README's next step ('handbook new story --archetype 3') must not fail on it.
            var taken = sources.Stories.Select(s => Path.GetFileNameWithoutExtension(s.Path)).ToHashSet(StringComparer.Ordinal);
            var storyId = parse.GetValue(id) ?? FreeId(chosen.Slug, taken);
            if (!StoryIds.IsValid(storyId))
            {
                error.WriteLine($"handbook: '{storyId}' is not a story id: {StoryIds.Rule}");
                return HandbookCommand.UsageError;
            }

            var path = StoryStub.PathOf(storyId, sources.ContentDir);
            if (!ProjectFiles.CreateNew(root, path, StoryStub.Yaml(chosen, sources.ContentDir)))
            {
                error.WriteLine($"handbook: {path} already exists; pass --id to name the new story");
                return 1;
            }

            output.WriteLine($"Created {path} for archetype {chosen.NumberedTitle}");
            return 0;
        });

        return new Command("new", "Add something to the project.") { story }.WithExamples("handbook new story --archetype 3");
    }

    internal static string FreeId(string slug, IReadOnlySet<string> taken)
    {
        if (!taken.Contains(slug))
        {
            return slug;
        }

        for (var n = 2; ; n++)
        {
            var candidate = slug + "-" + n.ToString(CultureInfo.InvariantCulture);
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }
}
