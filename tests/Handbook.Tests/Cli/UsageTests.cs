using Handbook.Tests.Support;

namespace Handbook.Tests.Cli;

/// <summary>Usage mistakes exit 2 with one readable line, never a stack trace, and never touch a folder.</summary>
public sealed class UsageTests
{
    [Theory]
    [InlineData("build --bogus", "unknown option '--bogus'")]
    [InlineData("check --bogus", "unknown option '--bogus'")]
    [InlineData("check --format xml", "'xml' not recognized")]
    [InlineData("build -o", "Required argument missing for option: '-o'")]
    [InlineData("frobnicate", "frobnicate")]
    public void Usage_errors_exit_2_with_a_message(string args, string expected)
    {
        var run = CliRun.Of(args.Split(' '));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Contains("handbook --help", run.Error, StringComparison.Ordinal);
        Assert.False(run.PrintedStackTrace);
    }

    [Fact]
    public void Bare_handbook_prints_help_to_stdout_and_exits_0()
    {
        var run = CliRun.Of();
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.Contains("Usage:", run.Output, StringComparison.Ordinal);
        Assert.Contains("Commands:", run.Output, StringComparison.Ordinal);
        Assert.Contains("handbook init my-handbook", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("build --help")]
    [InlineData("check --help")]
    [InlineData("serve --help")]
    [InlineData("new story --help")]
    public void Help_lists_commands_in_one_line_each_and_ends_with_examples_without_a_stray_default(string args)
    {
        var run = CliRun.Of(args.Split(' '));
        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.DoesNotContain(lines, l => l.Contains("[default: .]", StringComparison.Ordinal));
        var examples = Array.IndexOf(lines, "Examples:");
        Assert.True(examples > Array.IndexOf(lines, "Options:"), "examples come after the options");
        Assert.All(lines[(examples + 1)..], l => Assert.StartsWith("  handbook ", l, StringComparison.Ordinal));

        // In the root's command list each command is one line: its summary, never its examples.
        if (args == "--help")
        {
            var commands = lines.SkipWhile(l => l != "Commands:").Skip(1).TakeWhile(l => l.Length > 0).ToList();
            Assert.Equal(5, commands.Count);
        }
    }

    [Fact]
    public void A_missing_project_folder_is_a_usage_error()
    {
        var run = CliRun.Of("build", Path.Combine(Path.GetTempPath(), "handbook-tests", "no-such-project-" + Guid.NewGuid().ToString("N")));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("project-missing", run.Error, StringComparison.Ordinal);
    }
}
