using System.CommandLine;
using Handbook.Cli.Serve;

namespace Handbook.Cli;

/// <summary><c>handbook serve [DIR] [--port 8000] [--host 127.0.0.1] [--public]</c>: a live preview that rebuilds on every edit.</summary>
public static class ServeCommand
{
    /// <param name="args">The whole command line, handed as it is to <c>handbook-serve</c> where that binary does the serving (<see cref="ServeBinary"/>).</param>
    public static Command Create(TextWriter output, TextWriter error, IReadOnlyList<string> args)
    {
        var project = HandbookCommand.ProjectArgument();
        var port = new Option<int>("--port", "-p") { Description = "The port to listen on (0 picks a free one)", DefaultValueFactory = _ => 8000 };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                result.AddError("--port must be between 0 and 65535");
            }
        });
        var host = new Option<string>("--host") { Description = "The address to listen on; keep it on loopback unless you mean to share your private stories", DefaultValueFactory = _ => "127.0.0.1" };
        var publicOnly = new Option<bool>("--public") { Description = "Leave private stories out: preview exactly what 'handbook build' publishes" };
        var audience = HandbookCommand.AudienceOption();
        var command = new Command("serve", "Preview the handbook in a browser, rebuilding and reloading on every edit. Private stories are included (with a banner) unless --public.")
        {
            project, port, host, publicOnly, audience,
        }.WithExamples("handbook serve", "handbook serve my-handbook --port 0", "handbook serve --public", "handbook serve --audience team");
        command.SetAction((parse, cancel) =>
        {
            var folder = parse.GetValue(project) ?? ".";
            if (!Directory.Exists(folder))
            {
                error.WriteLine($"handbook: the project folder '{folder}' does not exist; run 'handbook init {folder}' to create one");
                return Task.FromResult(HandbookCommand.UsageError);
            }

            // Decided before any await: an async method can resume past this test, so its code would stay in the binary without the server.
            if (!ServeBinary.InProcess)
            {
                return Task.FromResult(ServeBinary.Run(AppContext.BaseDirectory, args, error));
            }

            var options = new PreviewOptions(folder) { Port = parse.GetValue(port), Host = parse.GetValue(host)!, IncludePrivate = !parse.GetValue(publicOnly), Audience = HandbookCommand.Audience(parse, audience) };
            return ServeAsync(options, output, error, cancel);
        });
        return command;
    }

    private static async Task<int> ServeAsync(PreviewOptions options, TextWriter output, TextWriter error, CancellationToken cancel)
    {
        if (!PreviewServer.IsLoopback(options.Host))
        {
            error.WriteLine($"handbook: warning: serving on {options.Host}, not loopback: anyone who can reach this machine can read the preview{(options.IncludePrivate ? ", private stories included (pass --public to leave them out)" : "")}");
        }

        var printer = DiagnosticPrinter.ForConsole(output, error);
        PreviewServer server;
        try
        {
            server = await PreviewServer.StartAsync(options, output, printer.Print, cancel);
        }
        catch (IOException ex)
        {
            error.WriteLine($"handbook: cannot listen on {options.Host}:{options.Port}: {ex.Message}; pass --port 0 for any free port");
            return 1;
        }

        await using (server)
        {
            output.WriteLine($"Serving {server.Site.Project} at {server.Url} (Ctrl+C to stop)");
            try
            {
                await Task.Delay(Timeout.Infinite, cancel);
            }
            catch (OperationCanceledException)
            {
            }
        }

        return 0;
    }
}
