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
        var story = new Command("story", "Add a story stub pre-filled from an archetype's template.\n\nExamples:\n  handbook new story --archetype 3\n  handbook new story --archetype production-debugging --id checkout-race")
        {
            project, archetype, id,
        };
        story.SetAction(parse =>
        {
            var root = Path.GetFullPath(parse.GetValue(project)!);
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

            var storyId = parse.GetValue(id) ?? chosen.Slug;
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

        return new Command("new", "Add something to the project.\n\nExamples:\n  handbook new story --archetype 3") { story };
    }
}
