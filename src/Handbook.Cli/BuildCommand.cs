using System.CommandLine;
using Handbook.Build;

namespace Handbook.Cli;

/// <summary><c>handbook build [DIR] [-o DIR]</c>.</summary>
public static class BuildCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var project = HandbookCommand.ProjectArgument();
        var outputOption = new Option<string?>("--output", "-o") { Description = "Where to write the site (default: DIR/site)" };
        var includePrivate = new Option<bool>("--include-private") { Description = "Publish stories marked 'visibility: private' too" };
        var baseUrl = new Option<string?>("--base-url") { Description = "The site's public URL, for sitemap.xml and canonical links (overrides handbook.yml)" };
        var force = new Option<bool>("--force") { Description = "Replace an output folder that holds files Handbook did not write" };
        var strict = new Option<bool>("--strict") { Description = "Fail (exit 1) on warnings too" };
        var command = new Command("build", "Build the handbook into a static site.")
        {
            project, outputOption, includePrivate, baseUrl, force, strict,
        }.WithExamples("handbook build", "handbook build my-handbook -o public --base-url https://me.github.io/handbook/");
        command.SetAction(parse =>
        {
            var request = new BuildRequest(parse.GetValue(project) ?? ".")
            {
                Output = parse.GetValue(outputOption),
                IncludePrivate = parse.GetValue(includePrivate),
                BaseUrl = parse.GetValue(baseUrl),
                Force = parse.GetValue(force),
                Strict = parse.GetValue(strict),
            };
            if (request.BaseUrl is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            {
                error.WriteLine($"handbook: --base-url must be an absolute http(s) URL, not '{url}'");
                return HandbookCommand.UsageError;
            }

            if (request.BaseUrl is { } withSlash && !withSlash.EndsWith('/'))
            {
                request = request with { BaseUrl = withSlash + "/" };
            }

            var result = BuildPipeline.Run(request);
            var printer = DiagnosticPrinter.ForConsole(output, error);
            printer.Print(result.Diagnostics);
            printer.Summary(result, request.WriteOutput);
            return result.ExitCode;
        });
        return command;
    }
}
