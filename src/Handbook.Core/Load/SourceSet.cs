using Handbook.Config;

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

    /// <summary>handbook.yml as read by the load stage (which needs <c>content_dir</c>); the defaults when it is missing or broken.</summary>
    public HandbookConfig Settings { get; init; } = HandbookConfig.Default;

    /// <summary>The content folder, project-relative (<c>content</c>, <c>docs</c>).</summary>
    public string ContentDir => Settings.ContentDir;

    /// <summary><c>&lt;content_dir&gt;/archetypes.yml</c>: archetypes declared outside the guide's Markdown.</summary>
    public SourceFile? ArchetypesFile { get; init; }

    /// <summary>Files that order and label the navigation: an MkDocs <c>mkdocs.yml</c> and Docusaurus <c>_category_.json</c>/<c>.yml</c> files.</summary>
    public IReadOnlyList<SourceFile> NavFiles { get; init; } = [];
}
