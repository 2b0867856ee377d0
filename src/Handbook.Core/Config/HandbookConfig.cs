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

    public static readonly IReadOnlyList<string> Keys = ["title", "description", "base_url", "author", "language", "link_check"];

    public static HandbookConfig Default { get; } = new("Handbook", null, null, null, "en", LinkCheckMode.Error);
}
