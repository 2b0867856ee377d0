using System.CommandLine;
using Handbook.Init;

namespace Handbook.Cli;

/// <summary><c>handbook init DIR [--force]</c>: a new project that builds at once, with one story stub per archetype.</summary>
public static class InitCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var folder = new Argument<string>("DIR") { Description = "The folder to create the project in" };
        var force = new Option<bool>("--force") { Description = "Add the project's files to a folder that is not empty (existing files are never overwritten)" };
        var team = new Option<bool>("--team") { Description = "Also write content/loop.yml, an example interview loop for interviewer packets and the debrief sheet" };
        var command = new Command("init", "Create a new handbook project: handbook.yml, the sample guide, one story stub per archetype, a .gitignore and a GitHub Pages workflow.")
        {
            folder, force, team,
        }.WithExamples("handbook init my-handbook", "handbook init our-interviews --team", "cd my-handbook && handbook serve");
        command.SetAction(parse =>
        {
            var root = Path.GetFullPath(parse.GetValue(folder)!);
            if (File.Exists(root))
            {
                error.WriteLine($"handbook: '{root}' is a file; choose a folder for the new project");
                return HandbookCommand.UsageError;
            }

            if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any() && !parse.GetValue(force))
            {
                error.WriteLine($"handbook: '{root}' is not empty; choose a new folder, or pass --force to add the project's files to it (existing files are kept)");
                return HandbookCommand.UsageError;
            }

            // The story bank's folder exists even when the guide defines no archetypes, so the site shows its story pages.
            Directory.CreateDirectory(Path.Combine(root, Load.SourceLoader.StoriesFolderOf(Load.SourceLoader.ContentFolder)));
            var written = 0;
            foreach (var file in parse.GetValue(team) ? [.. ProjectScaffold.Files(VersionAction.Version), .. ProjectScaffold.TeamFiles()] : ProjectScaffold.Files(VersionAction.Version))
            {
                if (ProjectFiles.CreateNew(root, file.Path, file.Text))
                {
                    written++;
                }
                else
                {
                    output.WriteLine($"kept existing {file.Path}");
                }
            }

            output.WriteLine($"Created {written} files in {root}");
            output.WriteLine("Next: replace the [prompts] in content/stories/, then preview with:");
            output.WriteLine($"  cd {parse.GetValue(folder)} && handbook serve");
            return 0;
        });
        return command;
    }
}
