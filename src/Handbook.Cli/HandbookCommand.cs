using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace Handbook.Cli;

/// <summary>The <c>handbook</c> command: parses arguments, runs Core, prints diagnostics. Exit 0 ok, 1 content errors, 2 usage.</summary>
public static class HandbookCommand
{
    public const int UsageError = 2;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Handbook builds a cross-linked static HTML interview handbook from a Markdown guide and STAR stories in YAML.")
            .WithExamples("handbook init my-handbook", "handbook serve", "handbook check --strict", "handbook build");
        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Action = new VersionAction(output);
        }

        root.Subcommands.Add(InitCommand.Create(output, error));
        root.Subcommands.Add(NewCommand.Create(output, error));
        root.Subcommands.Add(BuildCommand.Create(output, error));
        root.Subcommands.Add(CheckCommand.Create(output, error));
        root.Subcommands.Add(ServeCommand.Create(output, error, args));
        CommandExamples.Install(root);

        // Bare 'handbook' is a request for help, not a mistake: print it to stdout and exit 0 (as cargo and dotnet do).
        var help = root.Options.OfType<HelpOption>().First();
        root.SetAction(parse => help.Action is SynchronousCommandLineAction action ? action.Invoke(parse) : 0);

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && !CommandExamples.IsHelp(parse))
        {
            foreach (var parseError in parse.Errors)
            {
                error.WriteLine($"handbook: {parseError.Message}");
            }

            error.WriteLine("Run 'handbook --help' for usage.");
            return UsageError;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (IOException ex)
        {
            // A failure of the machine (disk full, permissions), not of the content: say what, without a stack trace.
            error.WriteLine($"handbook: {ex.Message}");
            return 1;
        }
        catch (UnauthorizedAccessException ex)
        {
            error.WriteLine($"handbook: {ex.Message}");
            return 1;
        }
        catch (Exception ex)
        {
            // A bug in Handbook, not in the input; still one readable line, never a stack trace in the user's face.
            // The previous site is intact: the writer only swaps in a finished build.
            error.WriteLine($"handbook: internal error: {ex.GetBaseException().Message}");
            error.WriteLine("This is a bug in Handbook; please report it with the input that caused it (set HANDBOOK_DEBUG=1 to print the details).");
            if (Environment.GetEnvironmentVariable("HANDBOOK_DEBUG") is "1" or "true")
            {
                error.WriteLine(ex.ToString());
            }

            return 1;
        }
    }

    /// <summary><c>--audience candidate|team|both</c>: overrides handbook.yml's <c>audience</c> for one run.</summary>
    internal static Option<string?> AudienceOption()
    {
        var option = new Option<string?>("--audience")
        {
            Description = "Who the site is for: candidate (no interviewer packets), team (no stories), or both (overrides handbook.yml)",
        };
        option.AcceptOnlyFromAmong([.. Config.ConfigReader.AudienceNames]);
        return option;
    }

    internal static Config.Audience? Audience(ParseResult parse, Option<string?> option) =>
        parse.GetValue(option) is { } text && Config.ConfigReader.TryParseAudience(text, out var audience) ? audience : null;

    internal static Argument<string> ProjectArgument()
    {
        var argument = new Argument<string>("DIR")
        {
            // No DefaultValueFactory: its "[default: .]" would be printed after the description in every command list.
            // Commands read a missing DIR as the current folder.
            Description = "The handbook project folder (holds handbook.yml and content/; default: the current folder)",
            Arity = ArgumentArity.ZeroOrOne,
        };

        // An option the command does not know would otherwise be taken for the folder ("no project at --bogus").
        argument.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value: ['-', ..] value }])
            {
                result.AddError($"unknown option '{value}'");
            }
        });
        return argument;
    }
}
