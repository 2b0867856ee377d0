using Handbook.Load;
using Handbook.Model;

namespace Handbook.Render;

/// <summary>What a link written in a content file names.</summary>
public enum ContentLinkKind
{
    /// <summary>Not a link into the content folder (external, a fragment, a generated page, a path outside it): left as written.</summary>
    None,

    /// <summary>A page of the guide.</summary>
    Page,

    /// <summary>A file copied from the content folder (an image, a PDF).</summary>
    File,

    /// <summary>A Markdown file that does not exist.</summary>
    MissingPage,

    /// <summary>A file of the content folder that does not exist.</summary>
    MissingFile,

    /// <summary>A page left out of this build (<c>draft</c>, <c>unlisted</c>).</summary>
    Draft,
}

/// <summary>The resolution of one link: its kind, the site path it becomes (with fragment), the content file it names.</summary>
public readonly record struct ContentTarget(ContentLinkKind Kind, string SitePath, string SourcePath, string Fragment, Chapter? Chapter)
{
    public static ContentTarget None { get; } = new(ContentLinkKind.None, "", "", "", null);
}

/// <summary>
/// Maps a link written in a content file to what it names, the way the tools guides are written for resolve them:
/// <c>other.md#x</c> and <c>../index.md</c> (MkDocs, GitHub), a folder (<c>career/</c>) to its <c>index.md</c> or <c>README.md</c>,
/// Docusaurus doc links by path or id without extension (<c>intro</c>, <c>../guide/setup</c>, <c>/docs/intro</c>), and files
/// copied from the content folder (<c>img/diagram.png</c>). One resolver for the renderer and the link check.
/// </summary>
public static class ContentLinks
{
    /// <summary>Docusaurus serves docs under <c>/docs/</c> unless configured otherwise; links written that way name a doc id.</summary>
    private const string DocusaurusRoute = "/docs/";

    public static ContentTarget Resolve(string fromSource, string url, ContentIndex index)
    {
        if (url.Length == 0 || url.StartsWith('#') || IsExternal(url))
        {
            return ContentTarget.None;
        }

        var hash = url.IndexOf('#');
        var pathPart = hash >= 0 ? url[..hash] : url;
        var fragment = hash >= 0 ? url[hash..] : "";
        var query = pathPart.IndexOf('?');
        if (query >= 0)
        {
            pathPart = pathPart[..query];
        }

        var path = Uri.UnescapeDataString(pathPart);
        if (path.Length == 0)
        {
            return ContentTarget.None;
        }

        if (path.StartsWith('/'))
        {
            // A site-absolute doc route: resolved only when it names a doc, otherwise the HTML check judges it.
            var route = path.StartsWith(DocusaurusRoute, StringComparison.Ordinal) ? path[DocusaurusRoute.Length..] : path[1..];
            return index.ByDocId.TryGetValue(route.Trim('/'), out var doc) ? Page(doc, fragment) : ContentTarget.None;
        }

        var combined = Combine(FolderOf(fromSource), path);
        if (SourceLoader.IsMarkdown(path))
        {
            return Markdown(combined, fragment, index);
        }

        if (path.EndsWith('/') || path is "." or ".." || path.EndsWith("/.", StringComparison.Ordinal) || path.EndsWith("/..", StringComparison.Ordinal))
        {
            return FolderIndex(combined, fragment, index) ?? ContentTarget.None;
        }

        if (Path.GetExtension(path).Length == 0)
        {
            // A Docusaurus doc link: a file without its extension, a doc id relative to this doc's, or a folder.
            foreach (var extension in MarkdownExtensions)
            {
                if (index.BySource.TryGetValue(combined + extension, out var page))
                {
                    return Page(page, fragment);
                }
            }

            if (index.BySource.TryGetValue(fromSource, out var self) && self.DocId is { } selfId
                && index.ByDocId.TryGetValue(Combine(FolderOf(selfId), path), out var byId))
            {
                return Page(byId, fragment);
            }

            return FolderIndex(combined, fragment, index) ?? ContentTarget.None;
        }

        if (index.StaticFiles.TryGetValue(combined, out var output))
        {
            return new ContentTarget(ContentLinkKind.File, output + fragment, combined, fragment, null);
        }

        // A missing file of the content folder; an .html link may name a page the handbook generates (questions.html).
        return SourceLoader.IsInside(combined, index.ContentDir) && !path.EndsWith(".html", StringComparison.OrdinalIgnoreCase)
            ? new ContentTarget(ContentLinkKind.MissingFile, "", combined, fragment, null)
            : ContentTarget.None;
    }

    private static readonly string[] MarkdownExtensions = [".md", ".mdx"];

    private static ContentTarget Markdown(string source, string fragment, ContentIndex index) =>
        index.BySource.TryGetValue(source, out var page) ? Page(page, fragment)
        : index.Drafts.Contains(source) ? new ContentTarget(ContentLinkKind.Draft, "", source, fragment, null)
        : new ContentTarget(ContentLinkKind.MissingPage, "", source, fragment, null);

    private static ContentTarget? FolderIndex(string folder, string fragment, ContentIndex index)
    {
        foreach (var name in new[] { "index.md", "README.md", "index.mdx", "README.mdx", "readme.md" })
        {
            var candidate = folder.Length == 0 ? name : folder + "/" + name;
            if (index.BySource.TryGetValue(candidate, out var page))
            {
                return Page(page, fragment);
            }
        }

        return null;
    }

    private static ContentTarget Page(Chapter chapter, string fragment) =>
        new(ContentLinkKind.Page, chapter.OutputPath + fragment, chapter.SourcePath, fragment, chapter);

    private static bool IsExternal(string url)
    {
        if (url.StartsWith("//", StringComparison.Ordinal))
        {
            return true;
        }

        var colon = url.IndexOf(':');
        var slash = url.IndexOfAny(['/', '?', '#']);
        return colon > 0 && (slash < 0 || colon < slash);
    }

    private static string FolderOf(string path) => path.LastIndexOf('/') is var slash and >= 0 ? path[..slash] : "";

    /// <summary>Joins a relative path to a folder, resolving <c>.</c> and <c>..</c> (never above the project).</summary>
    private static string Combine(string folder, string relative)
    {
        var combined = new List<string>(folder.Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (var part in relative.Split('/'))
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

        return string.Join('/', combined);
    }
}

/// <summary>The lookups link resolution needs, built once per model.</summary>
public sealed class ContentIndex
{
    public ContentIndex(IReadOnlyList<Chapter> chapters, IReadOnlySet<string> drafts, IReadOnlyDictionary<string, string> staticFiles, string contentDir)
    {
        BySource = chapters.ToDictionary(c => c.SourcePath, StringComparer.Ordinal);
        var byDocId = new Dictionary<string, Chapter>(StringComparer.Ordinal);
        foreach (var chapter in chapters)
        {
            // Doc ids first, then paths without extension (so 'guide/02-setup' works as well as 'guide/setup').
            if (chapter.DocId is { } id)
            {
                byDocId.TryAdd(id, chapter);
            }
        }

        foreach (var chapter in chapters)
        {
            byDocId.TryAdd(Path.ChangeExtension(chapter.ContentPath, null).Replace('\\', '/'), chapter);
        }

        ByDocId = byDocId;
        Drafts = drafts;
        StaticFiles = staticFiles;
        ContentDir = contentDir;
    }

    public IReadOnlyDictionary<string, Chapter> BySource { get; }

    public IReadOnlyDictionary<string, Chapter> ByDocId { get; }

    public IReadOnlySet<string> Drafts { get; }

    /// <summary>Files copied from the content folder: source path → site path.</summary>
    public IReadOnlyDictionary<string, string> StaticFiles { get; }

    public string ContentDir { get; }
}
