namespace Handbook.Cli.Serve;

/// <summary>How to serve: which project, on which loopback address (port 0 picks a free one), and with private stories or not.</summary>
public sealed record PreviewOptions(string Project)
{
    public string Host { get; init; } = "127.0.0.1";

    public int Port { get; init; } = 8000;

    /// <summary>False with <c>--public</c>: preview exactly what <c>handbook build</c> publishes.</summary>
    public bool IncludePrivate { get; init; } = true;

    /// <summary><c>--audience</c>: preview the candidate's or the team's site (default: handbook.yml's).</summary>
    public Config.Audience? Audience { get; init; }
}
