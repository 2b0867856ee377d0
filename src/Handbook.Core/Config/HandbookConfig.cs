namespace Handbook.Config;

public enum LinkCheckMode
{
    Error,
    Warn,
}

/// <summary>Who a build is for: the candidate's study site, the interviewers' kit, or both in one site.</summary>
public enum Audience
{
    Both,
    Candidate,
    Team,
}

/// <summary>The typed contents of <c>handbook.yml</c>.</summary>
public sealed record HandbookConfig(
    string Title,
    string? Description,
    string? BaseUrl,
    string? Author,
    string Language,
    LinkCheckMode LinkCheck)
{
    /// <summary>The folder holding the guide's Markdown (and <c>stories/</c>), relative to the project, '/'-separated, no trailing slash.</summary>
    public string ContentDir { get; init; } = DefaultContentDir;

    /// <summary>Where <c>content_dir</c> was written, for diagnostics about the folder (the config file when it was not set).</summary>
    public Diagnostics.SourceLocation ContentDirLocation { get; init; } = Diagnostics.SourceLocation.File(FileName);

    public const string DefaultContentDir = "content";

    public const string FileName = "handbook.yml";

    /// <summary>
    /// A team build publishes the guide, question bank, loop, interviewer packets, scorecards and debrief sheet, and none of the
    /// candidate's stories; a candidate build leaves the interviewer packets and calibration notes out.
    /// </summary>
    public Audience Audience { get; init; } = Audience.Both;

    public static readonly IReadOnlyList<string> Keys = ["title", "description", "base_url", "author", "language", "link_check", "content_dir", "audience", .. PublishingKeys.Names];

    /// <summary>Optional publishing settings (<c>repo_url</c>, <c>edit_uri</c>, <c>last_updated</c>).</summary>
    public PublishingKeys Publishing { get; init; } = PublishingKeys.None;

    public static HandbookConfig Default { get; } = new("Handbook", null, null, null, "en", LinkCheckMode.Error);
}

/// <summary>
/// Where a page's source can be edited and whether pages show when they last changed. <c>repo_url</c> (an http(s) URL) with
/// <c>edit_uri</c> (default <c>edit/main/</c>, relative to it, ending at the project folder) gives content pages an "Edit this
/// page" link to <c>repo_url + edit_uri + content/PAGE.md</c>; <c>last_updated: git</c> gives each content page the date of
/// the last commit that touched its file.
/// </summary>
public sealed record PublishingKeys(string? RepoUrl, string EditUri, bool LastUpdatedFromGit)
{
    public const string DefaultEditUri = "edit/main/";

    public static readonly IReadOnlyList<string> Names = ["repo_url", "edit_uri", "last_updated"];

    public static PublishingKeys None { get; } = new(null, DefaultEditUri, false);

    /// <summary>The edit link for a project-relative source path, or null without <c>repo_url</c>.</summary>
    public string? EditUrl(string sourcePath) =>
        RepoUrl is null ? null : RepoUrl.TrimEnd('/') + "/" + (EditUri.Trim('/').Length == 0 ? "" : EditUri.Trim('/') + "/") + sourcePath;
}
