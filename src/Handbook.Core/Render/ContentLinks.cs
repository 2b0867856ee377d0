using Handbook.Load;
using Handbook.Model;

namespace Handbook.Render;

/// <summary>Maps a link written in a content file (<c>04-behavioral-and-lead.md#delivery-rules</c>) to the site path of its page.</summary>
public static class ContentLinks
{
    /// <summary>
    /// The site path (with fragment) a relative <c>.md</c> link points at, or null when <paramref name="url"/> is not a link to
    /// a content page (external, fragment-only, or to a file that is not a page).
    /// </summary>
    public static string? Resolve(string fromSource, string url, IReadOnlyList<Chapter> chapters)
    {
        if (!TryTarget(fromSource, url, out var sourcePath, out var fragment))
        {
            return null;
        }

        var chapter = chapters.FirstOrDefault(c => string.Equals(c.SourcePath, sourcePath, StringComparison.Ordinal));
        return chapter is null ? null : chapter.OutputPath + fragment;
    }

    /// <summary>Splits a relative <c>.md</c> link into the content file it names (project-relative) and its <c>#fragment</c>.</summary>
    public static bool TryTarget(string fromSource, string url, out string sourcePath, out string fragment)
    {
        sourcePath = "";
        fragment = "";
        if (url.Length == 0 || url.StartsWith('#') || url.StartsWith('/') || url.Contains("://", StringComparison.Ordinal) || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var hash = url.IndexOf('#');
        var path = hash >= 0 ? url[..hash] : url;
        fragment = hash >= 0 ? url[hash..] : "";
        var query = path.IndexOf('?');
        if (query >= 0)
        {
            path = path[..query];
        }

        if (!path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var folder = Path.GetDirectoryName(fromSource)?.Replace('\\', '/') ?? SourceLoader.ContentFolder;
        var combined = new List<string>(folder.Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (var part in Uri.UnescapeDataString(path).Split('/'))
        {
            if (part is "." or "")
            {
                continue;
            }

            if (part == "..")
            {
                if (combined.Count > 0)
                {
                    combined.RemoveAt(combined.Count - 1);
                }

                continue;
            }

            combined.Add(part);
        }

        sourcePath = string.Join('/', combined);
        return true;
    }
}
