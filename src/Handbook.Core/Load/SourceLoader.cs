using System.Text;
using Handbook.Config;
using Handbook.Diagnostics;

namespace Handbook.Load;

/// <summary>The load stage: the only stage that reads the project from disk.</summary>
public static class SourceLoader
{
    /// <summary>The default content folder; a project's own is <see cref="SourceSet.ContentDir"/> (<c>content_dir</c> in handbook.yml).</summary>
    public const string ContentFolder = HandbookConfig.DefaultContentDir;

    /// <summary>The stories folder inside the content folder.</summary>
    public const string StoriesName = "stories";

    public const string TemplatesFolder = "templates";

    /// <summary>Archetypes declared as data, at the top of the content folder.</summary>
    public const string ArchetypesFileName = "archetypes.yml";

    /// <summary>MkDocs' config, read for its <c>nav:</c> beside the content folder (its <c>docs_dir</c> convention) or in it.</summary>
    public const string MkDocsFileName = "mkdocs.yml";

    /// <summary>Docusaurus' per-folder sidebar metadata.</summary>
    public static readonly IReadOnlyList<string> CategoryFileNames = ["_category_.json", "_category_.yml", "_category_.yaml"];

    /// <summary>Larger text files are refused rather than risking the machine's memory on a mistake.</summary>
    public const long MaxFileBytes = 32 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The stories folder of a content folder: <c>content/stories</c>.</summary>
    public static string StoriesFolderOf(string contentDir) => contentDir + "/" + StoriesName;

    /// <summary>Whether a project-relative path is a Markdown page (<c>.md</c>, or Docusaurus' <c>.mdx</c>).</summary>
    public static bool IsMarkdown(string path) =>
        path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".mdx", StringComparison.OrdinalIgnoreCase);

    public static SourceSet Load(string root, DiagnosticBag diagnostics)
    {
        root = Path.GetFullPath(root);
        if (!Directory.Exists(root))
        {
            diagnostics.Error(SourceLocation.File(root), "project-missing", "the project folder does not exist");
            return new SourceSet(root, null, [], [], false, new Dictionary<string, string>(), []);
        }

        SourceFile? config = null;
        var settings = HandbookConfig.Default;
        var configPath = Path.Combine(root, HandbookConfig.FileName);
        if (File.Exists(configPath))
        {
            config = ReadText(root, configPath, diagnostics);
            if (config is not null)
            {
                settings = ConfigReader.Read(config.Path, config.Text, diagnostics);
            }
        }
        else
        {
            diagnostics.Error(SourceLocation.File(HandbookConfig.FileName), "config-missing", $"no {HandbookConfig.FileName} in {root}; run 'handbook init' to create a project");
        }

        var contentDir = settings.ContentDir;
        var storiesFolder = StoriesFolderOf(contentDir);
        var contentRoot = Path.Combine(root, contentDir);
        var pages = new List<SourceFile>();
        var stories = new List<SourceFile>();
        var statics = new List<StaticFile>();
        var navFiles = new List<SourceFile>();
        SourceFile? archetypes = null;
        var hasStories = Directory.Exists(Path.Combine(contentRoot, StoriesName));
        if (IsInside(contentDir, TemplatesFolder))
        {
            diagnostics.Error(settings.ContentDirLocation, "config-content-dir", $"'content_dir' is '{contentDir}', inside the theme's {TemplatesFolder}/ folder; keep the guide and the templates apart");
        }
        else if (!Directory.Exists(contentRoot))
        {
            var message = contentDir == HandbookConfig.DefaultContentDir && config is not null && settings.ContentDirLocation.Line == 0
                ? "no content/ folder: put the guide's Markdown files in content/, or set 'content_dir' in handbook.yml to the folder that holds them"
                : $"'content_dir' names '{contentDir}', which is not a folder of the project";
            diagnostics.Error(settings.ContentDirLocation.Line == 0 ? SourceLocation.File(contentDir) : settings.ContentDirLocation, "content-missing", message);
        }
        else
        {
            foreach (var full in Enumerate(contentRoot))
            {
                var relative = Relative(root, full);
                var name = Path.GetFileName(full);
                if (name.StartsWith('.'))
                {
                    continue;
                }

                if (relative.StartsWith(storiesFolder + "/", StringComparison.Ordinal))
                {
                    if (relative.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || relative.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
                    {
                        if (ReadText(root, full, diagnostics) is { } story)
                        {
                            stories.Add(story);
                        }
                    }

                    continue;
                }

                var inContent = relative[(contentDir.Length + 1)..];
                if (IsMarkdown(relative))
                {
                    if (ReadText(root, full, diagnostics) is { } page)
                    {
                        pages.Add(page);
                    }
                }
                else if (inContent == ArchetypesFileName)
                {
                    archetypes = ReadText(root, full, diagnostics);
                }
                else if (CategoryFileNames.Contains(name, StringComparer.Ordinal) || inContent == MkDocsFileName)
                {
                    // Navigation metadata, not part of the site.
                    if (ReadText(root, full, diagnostics) is { } nav)
                    {
                        navFiles.Add(nav);
                    }
                }
                else
                {
                    statics.Add(new StaticFile(relative, inContent, full));
                }
            }

            // MkDocs keeps mkdocs.yml beside its docs_dir (mkdocs.yml + docs/): read its nav when the content folder is such a folder.
            var besideFolder = Path.GetDirectoryName(contentRoot);
            var beside = besideFolder is null ? null : Path.Combine(besideFolder, MkDocsFileName);
            if (beside is not null && File.Exists(beside) && !navFiles.Any(n => Path.GetFileName(n.Path) == MkDocsFileName)
                && ReadText(root, beside, diagnostics) is { } mkdocs)
            {
                navFiles.Insert(0, mkdocs);
            }
        }

        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        var templatesRoot = Path.Combine(root, TemplatesFolder);
        if (Directory.Exists(templatesRoot) && !IsInside(TemplatesFolder, contentDir))
        {
            foreach (var full in Enumerate(templatesRoot))
            {
                if (ReadText(root, full, diagnostics) is { } template)
                {
                    overrides[template.Path[(TemplatesFolder.Length + 1)..]] = template.Text;
                }
            }
        }

        return new SourceSet(root, config, pages, stories, hasStories, overrides, statics)
        {
            Settings = settings,
            ArchetypesFile = archetypes,
            NavFiles = navFiles,
        };
    }

    /// <summary>The content folder handbook.yml names (the default when it is missing or broken), for the preview's watcher.</summary>
    public static string ContentDirOf(string root)
    {
        var scratch = new DiagnosticBag();
        var path = Path.Combine(Path.GetFullPath(root), HandbookConfig.FileName);
        return File.Exists(path) && ReadText(Path.GetFullPath(root), path, scratch) is { } config
            ? ConfigReader.Read(config.Path, config.Text, scratch).ContentDir
            : ContentFolder;
    }

    /// <summary>Whether project-relative folder <paramref name="folder"/> is <paramref name="ancestor"/> or below it.</summary>
    public static bool IsInside(string folder, string ancestor) =>
        folder == ancestor || folder.StartsWith(ancestor + "/", StringComparison.Ordinal);

    /// <summary>All files below <paramref name="folder"/>, ordinal-sorted by relative path, never following links out of it.</summary>
    private static IEnumerable<string> Enumerate(string folder)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden | FileAttributes.System, IgnoreInaccessible = true };
        return Directory.EnumerateFiles(folder, "*", options).Order(StringComparer.Ordinal).ToList();
    }

    public static string Relative(string root, string full) => Path.GetRelativePath(root, full).Replace('\\', '/');

    /// <summary>Reads a text file as strict UTF-8 (a BOM is dropped), with line endings normalised to '\n'.</summary>
    public static SourceFile? ReadText(string root, string full, DiagnosticBag diagnostics)
    {
        var relative = Relative(root, full);
        var at = SourceLocation.File(relative);
        byte[] bytes;
        try
        {
            var info = new FileInfo(full);
            if (info.Length > MaxFileBytes)
            {
                diagnostics.Error(at, "file-too-large", $"file is {info.Length / (1024 * 1024)} MiB; the limit is {MaxFileBytes / (1024 * 1024)} MiB");
                return null;
            }

            bytes = File.ReadAllBytes(full);
        }
        catch (IOException ex)
        {
            diagnostics.Error(at, "file-unreadable", $"cannot read file: {ex.Message}");
            return null;
        }
        catch (UnauthorizedAccessException ex)
        {
            diagnostics.Error(at, "file-unreadable", $"cannot read file: {ex.Message}");
            return null;
        }

        return Decode(relative, bytes, diagnostics);
    }

    public static SourceFile? Decode(string relative, ReadOnlySpan<byte> bytes, DiagnosticBag diagnostics)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            diagnostics.Error(new SourceLocation(relative, LineOf(bytes, nul), 1), "file-binary", "file holds binary data (a NUL byte), not text");
            return null;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var index = Math.Max(0, ex.Index);
            diagnostics.Error(new SourceLocation(relative, LineOf(bytes, index), 1), "file-encoding", "file is not valid UTF-8; save it as UTF-8");
            return null;
        }

        if (text.Contains('\r'))
        {
            text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        }

        return new SourceFile(relative, text);
    }

    private static int LineOf(ReadOnlySpan<byte> bytes, int index)
    {
        index = Math.Min(index, bytes.Length);
        return bytes[..index].Count((byte)'\n') + 1;
    }
}
