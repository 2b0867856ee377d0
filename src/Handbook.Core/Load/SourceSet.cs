namespace Handbook.Load;

/// <summary>A text file read from the project. <see cref="Path"/> is relative to the project folder with '/' separators.</summary>
public sealed record SourceFile(string Path, string Text);

/// <summary>A file copied to the output unchanged (images and the like under content/).</summary>
public sealed record StaticFile(string Path, string OutputPath, string FullPath);

/// <summary>Everything the build reads from disk, read once, ordinal-sorted. Later stages never touch the file system.</summary>
public sealed record SourceSet(
    string Root,
    SourceFile? Config,
    IReadOnlyList<SourceFile> Pages,
    IReadOnlyList<SourceFile> Stories,
    bool HasStoriesFolder,
    IReadOnlyDictionary<string, string> TemplateOverrides,
    IReadOnlyList<StaticFile> StaticFiles)
{
    /// <summary>The team's interview loop (<c>content/loop.yml</c>), if the project has one.</summary>
    public SourceFile? Loop { get; init; }
}
