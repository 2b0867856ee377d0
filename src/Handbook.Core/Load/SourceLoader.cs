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
        var storiesRoot = Path.Combine(root, "content", "stories");
        var hasStories = Directory.Exists(storiesRoot);
        if (!Directory.Exists(contentRoot))
        {
            diagnostics.Error(SourceLocation.File(ContentFolder), "content-missing", "no content/ folder: put the guide's Markdown files in content/");
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

                if (IsMarkdown(relative))
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
            foreach (var full in Enumerate(templatesRoot))
            {
                if (ReadText(root, full, diagnostics) is { } template)
                {
                    overrides[template.Path[(TemplatesFolder.Length + 1)..]] = template.Text;
                }
            }
        }

        return new SourceSet(root, config, pages, stories, hasStories, overrides, statics);
    }

    /// <summary>Markdown pages and snippets: <c>.md</c>, and Docusaurus' <c>.mdx</c> (its MDX-only parts are removed before parsing).</summary>
    public static bool IsMarkdown(string path) =>
        path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".mdx", StringComparison.OrdinalIgnoreCase);

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
