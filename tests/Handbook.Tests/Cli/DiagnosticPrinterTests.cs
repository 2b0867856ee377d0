using Handbook.Build;
using Handbook.Cli;
using Handbook.Diagnostics;

namespace Handbook.Tests.Cli;

public sealed class DiagnosticPrinterTests
{
    private static readonly Diagnostic Error = new(new SourceLocation("content/stories/x.yml", 3, 5), Severity.Error, "story-unknown-archetype", "unknown archetype #12");
    private static readonly Diagnostic Warning = new(new SourceLocation("content/a.md", 0, 0), Severity.Warning, "index-missing", "50% done, see: this");

    private static (DiagnosticPrinter Printer, StringWriter Output, StringWriter Error) Printer(bool terminal, params (string Name, string Value)[] environment)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var variables = environment.ToDictionary(e => e.Name, e => e.Value);
        return (DiagnosticPrinter.For(output, error, name => variables.GetValueOrDefault(name), terminal), output, error);
    }

    [Fact]
    public void Colour_only_on_a_terminal_and_never_with_NO_COLOR()
    {
        var (tty, _, ttyError) = Printer(terminal: true);
        tty.Print([Error]);
        Assert.Equal("\u001b[31mcontent/stories/x.yml:3:5: error story-unknown-archetype: unknown archetype #12\u001b[0m\n", ttyError.ToString().ReplaceLineEndings("\n"));

        var (redirected, _, plainError) = Printer(terminal: false);
        redirected.Print([Error]);
        Assert.Equal("content/stories/x.yml:3:5: error story-unknown-archetype: unknown archetype #12\n", plainError.ToString().ReplaceLineEndings("\n"));

        var (noColor, _, noColorError) = Printer(terminal: true, ("NO_COLOR", "1"));
        noColor.Print([Error]);
        Assert.DoesNotContain("\u001b[", noColorError.ToString(), StringComparison.Ordinal);

        var (dumb, _, dumbError) = Printer(terminal: true, ("TERM", "dumb"));
        dumb.Print([Error]);
        Assert.DoesNotContain("\u001b[", dumbError.ToString(), StringComparison.Ordinal);

        var (xterm, _, xtermError) = Printer(terminal: true, ("TERM", "xterm-256color"));
        xterm.Print([Error]);
        Assert.Contains("\u001b[31m", xtermError.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void GitHub_Actions_gets_workflow_annotations_with_escaped_properties()
    {
        var (printer, output, _) = Printer(terminal: false, ("GITHUB_ACTIONS", "true"));
        printer.Print([Error, Warning]);
        var lines = output.ToString().ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("::error file=content/stories/x.yml,line=3,col=5,title=story-unknown-archetype::unknown archetype #12", lines);
        Assert.Contains("::warning file=content/a.md,title=index-missing::50%25 done, see: this", lines);

        var (local, localOutput, _) = Printer(terminal: false);
        local.Print([Error, Warning]);
        Assert.DoesNotContain("::", localOutput.ToString().Replace("see: this", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_line_counts_pages_errors_warnings_and_time()
    {
        var (printer, output, _) = Printer(terminal: false);
        printer.Summary(new BuildResult(1, [Error, Warning], 15, 0, TimeSpan.FromMilliseconds(41.4), null), wrote: false);
        Assert.Equal("15 pages checked; 1 error, 1 warning in 41 ms\n", output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Every_command_has_help_with_examples_and_the_tool_has_a_version()
    {
        foreach (var command in new[] { new[] { "--help" }, ["init", "--help"], ["new", "story", "--help"], ["build", "--help"], ["check", "--help"], ["serve", "--help"] })
        {
            var output = new StringWriter();
            Assert.Equal(0, HandbookCommand.Run(command, output, new StringWriter()));
            Assert.Contains("Examples:", output.ToString(), StringComparison.Ordinal);
        }

        var version = new StringWriter();
        Assert.Equal(0, HandbookCommand.Run(["--version"], version, new StringWriter()));
        Assert.StartsWith("0.", version.ToString(), StringComparison.Ordinal);
    }
}
