using System.CommandLine;
using System.Runtime.InteropServices;
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
        var audience = HandbookCommand.AudienceOption();
        var command = new Command("build", "Build the handbook into a static site.")
        {
            project, outputOption, includePrivate, baseUrl, force, strict, audience,
        }.WithExamples("handbook build", "handbook build my-handbook -o public --base-url https://me.github.io/handbook/", "handbook build --audience team -o site-team");
        command.SetAction(parse =>
        {
            var request = new BuildRequest(parse.GetValue(project) ?? ".")
            {
                Output = parse.GetValue(outputOption),
                IncludePrivate = parse.GetValue(includePrivate),
                BaseUrl = parse.GetValue(baseUrl),
                Force = parse.GetValue(force),
                Strict = parse.GetValue(strict),
                Audience = HandbookCommand.Audience(parse, audience),
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

            // Ctrl-C and SIGTERM cancel the build: its staging folder is removed and the previous site stays, instead of the new site
            // being swapped in anyway (Ctrl-C) or the process ending with the staging folder left behind (SIGTERM).
            using var cancel = new CancellationTokenSource();
            PosixSignal? received = null;
            void Stop(PosixSignalContext signal)
            {
                signal.Cancel = true;
                received ??= signal.Signal;
                cancel.Cancel();
            }

            using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            var timings = StageClock.FromEnvironment();
            BuildResult result;
            try
            {
                result = BuildPipeline.Run(request with { Cancellation = cancel.Token, Timings = timings });
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                error.WriteLine("handbook: build cancelled; the previous site, if any, is unchanged");
                return received == PosixSignal.SIGTERM ? 143 : 130;
            }

            var printer = DiagnosticPrinter.ForConsole(output, error);
            printer.Print(result.Diagnostics);
            printer.Summary(result, request.WriteOutput);
            timings?.Print();
            return result.ExitCode;
        });
        return command;
    }
}
