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
    /// <summary>The folder holding the guide's Markdown (and <c>stories/</c>), relative to the project, '/'-separated, no trailing slash.</summary>
    public string ContentDir { get; init; } = DefaultContentDir;

    /// <summary>Where <c>content_dir</c> was written, for diagnostics about the folder (the config file when it was not set).</summary>
    public Diagnostics.SourceLocation ContentDirLocation { get; init; } = Diagnostics.SourceLocation.File(FileName);

    public const string DefaultContentDir = "content";

    public const string FileName = "handbook.yml";

    public static readonly IReadOnlyList<string> Keys = ["title", "description", "base_url", "author", "language", "link_check", "content_dir"];

    public static HandbookConfig Default { get; } = new("Handbook", null, null, null, "en", LinkCheckMode.Error);
}
