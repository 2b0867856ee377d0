using Handbook.Write;

namespace Handbook.Build;

/// <summary>What to build and how. <see cref="Output"/> defaults to <c>PROJECT/site</c>.</summary>
public sealed record BuildRequest(string Project)
{
    public string? Output { get; init; }

    /// <summary>False for <c>handbook check</c>: everything runs but nothing is written.</summary>
    public bool WriteOutput { get; init; } = true;

    public bool IncludePrivate { get; init; }

    /// <summary>Overrides handbook.yml's audience: who this site is for (<c>--audience</c>).</summary>
    public Config.Audience? Audience { get; init; }

    /// <summary>Overrides handbook.yml's base_url.</summary>
    public string? BaseUrl { get; init; }

    public bool Force { get; init; }

    /// <summary>Warnings fail the build (exit 1), for CI.</summary>
    public bool Strict { get; init; }

    /// <summary>Renders for the local preview server (live-reload script, private-story banner).</summary>
    public bool LiveReload { get; init; }

    /// <summary>Where the site goes instead of the output folder (the preview server keeps it in memory).</summary>
    public ISiteSink? Sink { get; init; }

    /// <summary>
    /// At most this many pages render at once (default: as many as the thread pool gives). The preview server keeps threads free
    /// for its requests, so a page is served the moment it is rendered rather than when a renderer yields its thread.
    /// </summary>
    public int? MaxParallelism { get; init; }

    /// <summary>
    /// With a <see cref="Cache"/>: the project-relative paths changed since the last build that ran to its end (the preview's
    /// watcher reports them), so other files are taken from the cache unread. Null: unknown, read everything.
    /// </summary>
    public IReadOnlyCollection<string>? Changed { get; init; }

    /// <summary>Shared by consecutive builds of the preview server, so each re-parses and re-renders only what changed.</summary>
    public BuildCache? Cache { get; init; }

    /// <summary>
    /// Cancels the build (Ctrl-C, SIGTERM): checked for every page and just before the swap. A cancelled build throws
    /// <see cref="OperationCanceledException"/> having removed its staging folder, and leaves the previous site as it was.
    /// </summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Records the wall time of each stage (<c>HANDBOOK_TIMINGS=1</c>); null, as usual, records nothing.</summary>
    public StageClock? Timings { get; init; }

    /// <summary>Test hook: keep every chapter's Markdown tree, as the preview server does, for a build to compare with.</summary>
    internal bool KeepMarkdownTrees { get; init; }

    /// <summary>Test hook: runs between moving the old site aside and moving the new one in (where a kill would hurt most).</summary>
    internal Action? BetweenRenames { get; init; }

    /// <summary>Test hook: runs after every page is written to staging and checked, just before the swap.</summary>
    internal Action? BeforeCommit { get; init; }

    public string OutputFolder => Path.GetFullPath(Output ?? Path.Combine(Project, "site"));
}
