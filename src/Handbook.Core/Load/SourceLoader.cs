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

    /// <summary>The team's interview loop, at the top of the content folder.</summary>
    public const string LoopFileName = "loop.yml";

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

    private enum ContentFile
    {
        Page,
        Story,
        Loop,
        Archetypes,
        Nav,
        Static,
    }

    /// <param name="read">Reads one file (default: <see cref="ReadText"/>); the preview server passes one that keeps unchanged files.</param>
    public static SourceSet Load(string root, DiagnosticBag diagnostics, Func<string, string, DiagnosticBag, SourceFile?>? read = null)
    {
        var readText = read ?? ReadText;
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
            config = readText(root, configPath, diagnostics);
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
        SourceFile? loop = null;
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
            // What each file is comes from its name alone; the files to read are then read on every core, and kept in the
            // enumeration's (ordinal) order. A thousand pages take half the time they took one after another.
            var found = new List<(ContentFile Kind, string Full)>();
            foreach (var full in Enumerate(root, contentRoot, diagnostics))
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
                        found.Add((ContentFile.Story, full));
                    }

                    continue;
                }

                var inContent = relative[(contentDir.Length + 1)..];
                found.Add((
                    // The loop is data for the interviewer pages, not a file to publish as it is.
                    inContent == LoopFileName ? ContentFile.Loop
                    : IsMarkdown(relative) ? ContentFile.Page
                    : inContent == ArchetypesFileName ? ContentFile.Archetypes
                    // Navigation metadata, not part of the site.
                    : CategoryFileNames.Contains(name, StringComparer.Ordinal) || inContent == MkDocsFileName ? ContentFile.Nav
                    : ContentFile.Static,
                    full));
            }

            var texts = new SourceFile?[found.Count];
            Parallel.For(0, found.Count, i => texts[i] = found[i].Kind == ContentFile.Static ? null : readText(root, found[i].Full, diagnostics));
            for (var i = 0; i < found.Count; i++)
            {
                var (kind, full) = found[i];
                var text = texts[i];
                switch (kind)
                {
                    case ContentFile.Static:
                        var relative = Relative(root, full);
                        statics.Add(new StaticFile(relative, relative[(contentDir.Length + 1)..], full));
                        break;
                    case ContentFile.Story when text is not null:
                        stories.Add(text);
                        break;
                    case ContentFile.Page when text is not null:
                        pages.Add(text);
                        break;
                    case ContentFile.Nav when text is not null:
                        navFiles.Add(text);
                        break;
                    case ContentFile.Loop:
                        loop = text;
                        break;
                    case ContentFile.Archetypes:
                        archetypes = text;
                        break;
                }
            }

            // MkDocs keeps mkdocs.yml beside its docs_dir (mkdocs.yml + docs/): read its nav when the content folder is such a folder.
            var besideFolder = Path.GetDirectoryName(contentRoot);
            var beside = besideFolder is null ? null : Path.Combine(besideFolder, MkDocsFileName);
            if (beside is not null && File.Exists(beside) && !navFiles.Any(n => Path.GetFileName(n.Path) == MkDocsFileName)
                && readText(root, beside, diagnostics) is { } mkdocs)
            {
                navFiles.Insert(0, mkdocs);
            }
        }

        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        var templatesRoot = Path.Combine(root, TemplatesFolder);
        if (Directory.Exists(templatesRoot) && !IsInside(TemplatesFolder, contentDir))
        {
            foreach (var full in Enumerate(root, templatesRoot, diagnostics))
            {
                if (readText(root, full, diagnostics) is { } template)
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
            Loop = loop,
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

    /// <summary>
    /// All files below <paramref name="folder"/>, ordinal-sorted by path. Hidden entries are skipped. A link to a file is followed
    /// only when its target is inside the project (a shared project must not publish <c>~/.ssh/id_rsa</c> through a link); links
    /// out, broken links, links to folders (they can loop) and folders that cannot be read are reported at their path, never
    /// dropped silently.
    /// </summary>
    private static List<string> Enumerate(string root, string folder, DiagnosticBag diagnostics)
    {
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(folder);
        var options = new EnumerationOptions { AttributesToSkip = FileAttributes.Hidden | FileAttributes.System, IgnoreInaccessible = false };
        while (pending.TryPop(out var current))
        {
            List<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(current).EnumerateFileSystemInfos("*", options).ToList();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                diagnostics.Error(SourceLocation.File(Relative(root, current)), "folder-unreadable", $"cannot read this folder: {ex.Message}");
                continue;
            }

            foreach (var entry in entries)
            {
                if (entry.Name.StartsWith('.'))
                {
                    continue;
                }

                var at = SourceLocation.File(Relative(root, entry.FullName));
                if (entry.LinkTarget is null)
                {
                    if (entry is DirectoryInfo)
                    {
                        pending.Push(entry.FullName);
                    }
                    else
                    {
                        files.Add(entry.FullName);
                    }

                    continue;
                }

                FileSystemInfo? target;
                try
                {
                    target = entry.ResolveLinkTarget(returnFinalTarget: true);
                }
                catch (IOException)
                {
                    target = null; // a loop of links
                }

                if (target is null || !target.Exists)
                {
                    var named = target is null ? entry.LinkTarget : Relative(root, target.FullName);
                    diagnostics.Error(at, "file-link-broken", $"this is a link to a file that does not exist ({named})");
                }
                else if (target is DirectoryInfo)
                {
                    diagnostics.Warning(at, "folder-link", "this is a link to a folder; Handbook does not follow folder links (they can loop): move the folder into content/ instead");
                }
                else if (!IsWithin(root, target.FullName))
                {
                    diagnostics.Error(at, "file-link-outside", "this is a link to a file outside the project; Handbook follows links only within the project folder: copy the file in instead");
                }
                else
                {
                    files.Add(entry.FullName);
                }
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>Whether a full path lies inside the project folder <paramref name="root"/>.</summary>
    private static bool IsWithin(string root, string path)
    {
        var full = Path.GetFullPath(path);
        return full.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    public static string Relative(string root, string full) => Path.GetRelativePath(root, full).Replace('\\', '/');

    /// <summary>Reads a text file as strict UTF-8 (a BOM is dropped), with line endings normalised to '\n'.</summary>
    public static SourceFile? ReadText(string root, string full, DiagnosticBag diagnostics)
    {
        var relative = Relative(root, full);
        var at = SourceLocation.File(relative);
        byte[]? buffer = null;
        try
        {
            // Into a buffer lent for the read: only the text decoded from it is kept (a thousand pages read 12 MB into arrays that
            // were garbage a moment later).
            using var handle = File.OpenHandle(full);
            var length = RandomAccess.GetLength(handle);
            if (length > MaxFileBytes)
            {
                diagnostics.Error(at, "file-too-large", $"file is {length / (1024 * 1024)} MiB; the limit is {MaxFileBytes / (1024 * 1024)} MiB");
                return null;
            }

            buffer = System.Buffers.ArrayPool<byte>.Shared.Rent((int)length);
            var read = 0;
            for (int got; read < buffer.Length && (got = RandomAccess.Read(handle, buffer.AsSpan(read), read)) > 0;)
            {
                read += got;
            }

            return Decode(relative, buffer.AsSpan(0, read), diagnostics);
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
        finally
        {
            if (buffer is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    public static SourceFile? Decode(string relative, ReadOnlySpan<byte> bytes, DiagnosticBag diagnostics)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        if (Utf16Kind(bytes) is { } utf16)
        {
            diagnostics.Error(SourceLocation.File(relative), "file-encoding", $"file is UTF-16 ({utf16}), not UTF-8; save it as UTF-8");
            return null;
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

    /// <summary>
    /// "little-endian" or "big-endian" for UTF-16 text (Windows editors' "Unicode"): by its byte order mark, or without one by the
    /// zero byte beside every ASCII character; null otherwise. Such a file would otherwise be called binary for its NUL bytes.
    /// </summary>
    private static string? Utf16Kind(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return "little-endian";
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return "big-endian";
        }

        var sample = bytes[..(Math.Min(bytes.Length, 1024) & ~1)];
        if (sample.Length < 4)
        {
            return null;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < sample.Length; i += 2)
        {
            evenZeros += sample[i] == 0 ? 1 : 0;
            oddZeros += sample[i + 1] == 0 ? 1 : 0;
        }

        // Mostly-ASCII UTF-16: a zero in (nearly) every other byte, on one side only. Binary data has zeros scattered on both sides.
        var pairs = sample.Length / 2;
        return oddZeros * 10 >= pairs * 9 && evenZeros == 0 ? "little-endian"
            : evenZeros * 10 >= pairs * 9 && oddZeros == 0 ? "big-endian"
            : null;
    }

    private static int LineOf(ReadOnlySpan<byte> bytes, int index)
    {
        index = Math.Min(index, bytes.Length);
        return bytes[..index].Count((byte)'\n') + 1;
    }
}
