namespace Handbook.Tests.Support;

/// <summary>Runs the CLI entry point in-process and captures what it prints.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = Handbook.Cli.HandbookCommand.Run(args, output, error);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    /// <summary>A .NET stack trace has lines such as "   at Handbook.Build.BuildPipeline.Run(...)".</summary>
    public bool PrintedStackTrace =>
        (Output + Error).Split('\n').Any(line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal) && line.Contains('('))
        || (Output + Error).Contains("Unhandled exception", StringComparison.OrdinalIgnoreCase);
}
