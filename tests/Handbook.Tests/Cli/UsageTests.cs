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
    public void A_missing_project_folder_is_a_usage_error()
    {
        var run = CliRun.Of("build", Path.Combine(Path.GetTempPath(), "handbook-tests", "no-such-project-" + Guid.NewGuid().ToString("N")));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("project-missing", run.Error, StringComparison.Ordinal);
    }
}
