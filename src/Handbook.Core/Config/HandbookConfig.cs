namespace Handbook.Config;

public enum LinkCheckMode
{
    Error,
    Warn,
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
    public const string FileName = "handbook.yml";

    public static readonly IReadOnlyList<string> Keys = ["title", "description", "base_url", "author", "language", "link_check", .. PublishingKeys.Names];

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
