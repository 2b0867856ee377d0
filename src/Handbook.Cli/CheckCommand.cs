using System.CommandLine;
using Handbook.Build;

namespace Handbook.Cli;

/// <summary><c>handbook check [DIR] [--format text|json] [--strict]</c>: everything build does, without writing the site.</summary>
public static class CheckCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var project = HandbookCommand.ProjectArgument();
        var format = new Option<string>("--format") { Description = "text (compiler-style lines) or json (one array)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var strict = new Option<bool>("--strict") { Description = "Fail (exit 1) on warnings too" };
        var audience = HandbookCommand.AudienceOption();
        var command = new Command("check", "Validate the guide and coach the stories without writing the site.")
        {
            project, format, strict, audience,
        }.WithExamples("handbook check", "handbook check --strict --format json");
        command.SetAction(parse =>
        {
            // Private stories count for check: they are coached and cover archetypes, they are just not published.
            var request = new BuildRequest(parse.GetValue(project) ?? ".") { WriteOutput = false, IncludePrivate = true, Strict = parse.GetValue(strict), Audience = HandbookCommand.Audience(parse, audience) };
            var result = BuildPipeline.Run(request);
            if (result.Errors == 0 && Init.ProjectScaffold.RefreshSchema(Path.GetFullPath(request.Project)))
            {
                // Not on stdout, which --format json keeps for the one JSON array.
                error.WriteLine($"updated {Init.ProjectScaffold.SchemaPath}: its archetype list now follows the guide");
            }

            if (parse.GetValue(format) == "json")
            {
                output.WriteLine(DiagnosticPrinter.Json(result.Diagnostics));
                return result.ExitCode;
            }

            var printer = DiagnosticPrinter.ForConsole(output, error);
            printer.Print(result.Diagnostics);
            printer.Summary(result, wrote: false);
            return result.ExitCode;
        });
        return command;
    }
}
