using System.Text;
using Handbook.Config;
using Handbook.Diagnostics;

namespace Handbook.Load;

/// <summary>The load stage: the only stage that reads the project from disk.</summary>
public static class SourceLoader
{
    public const string ContentFolder = "content";
    public const string StoriesFolder = "content/stories";
    public const string TemplatesFolder = "templates";
    public const string LoopFile = "content/loop.yml";

    /// <summary>Larger text files are refused rather than risking the machine's memory on a mistake.</summary>
    public const long MaxFileBytes = 32 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static SourceSet Load(string root, DiagnosticBag diagnostics)
    {
        root = Path.GetFullPath(root);
        if (!Directory.Exists(root))
        {
            diagnostics.Error(SourceLocation.File(root), "project-missing", "the project folder does not exist");
            return new SourceSet(root, null, [], [], false, new Dictionary<string, string>(), []);
        }

        SourceFile? config = null;
        var configPath = Path.Combine(root, HandbookConfig.FileName);
        if (File.Exists(configPath))
        {
            config = ReadText(root, configPath, diagnostics);
        }
        else
        {
            diagnostics.Error(SourceLocation.File(HandbookConfig.FileName), "config-missing", $"no {HandbookConfig.FileName} in {root}; run 'handbook init' to create a project");
        }

        var contentRoot = Path.Combine(root, ContentFolder);
        var pages = new List<SourceFile>();
        var stories = new List<SourceFile>();
        var statics = new List<StaticFile>();
        SourceFile? loop = null;
        var storiesRoot = Path.Combine(root, "content", "stories");
        var hasStories = Directory.Exists(storiesRoot);
        if (!Directory.Exists(contentRoot))
        {
            diagnostics.Error(SourceLocation.File(ContentFolder), "content-missing", "no content/ folder: put the guide's Markdown files in content/");
        }
        else
        {
            foreach (var full in Enumerate(root, contentRoot, diagnostics))
            {
                var relative = Relative(root, full);
                var name = Path.GetFileName(full);
                if (name.StartsWith('.'))
                {
                    continue;
                }

                if (relative.StartsWith(StoriesFolder + "/", StringComparison.Ordinal))
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

                // The loop is data for the interviewer pages, not a file to publish as it is.
                if (relative == LoopFile)
                {
                    loop = ReadText(root, full, diagnostics);
                    continue;
                }

                if (relative.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
                {
                    if (ReadText(root, full, diagnostics) is { } page)
                    {
                        pages.Add(page);
                    }
                }
                else
                {
                    statics.Add(new StaticFile(relative, relative[(ContentFolder.Length + 1)..], full));
                }
            }
        }

        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        var templatesRoot = Path.Combine(root, TemplatesFolder);
        if (Directory.Exists(templatesRoot))
        {
            foreach (var full in Enumerate(root, templatesRoot, diagnostics))
            {
                if (ReadText(root, full, diagnostics) is { } template)
                {
                    overrides[template.Path[(TemplatesFolder.Length + 1)..]] = template.Text;
                }
            }
        }

        return new SourceSet(root, config, pages, stories, hasStories, overrides, statics) { Loop = loop };
    }

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
                else if (!IsInside(root, target.FullName))
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

    private static bool IsInside(string root, string path)
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
