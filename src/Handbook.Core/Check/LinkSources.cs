using Handbook.Diagnostics;
using Handbook.Load;

namespace Handbook.Check;

/// <summary>
/// Where a broken link in the output was written: the line of the page's own source (raw HTML in a chapter) or of a project
/// template that holds it as written, else the page's source file. Only broken links are looked up, so this reads no more than
/// their sources. A chapter's text is the one the model kept (snippets included: the diagnostics map its lines back to theirs).
/// </summary>
public sealed class LinkSources(SourceSet sources, IReadOnlyList<Model.Chapter> chapters, IReadOnlyDictionary<string, string> sourceOfPage)
{
    private readonly Dictionary<string, Func<string>> _texts = chapters.Select(c => (c.SourcePath, Text: (Func<string>)(() => c.Markdown.Text)))
        .Concat(sources.Stories.Select(f => (f.Path, Text: (Func<string>)(() => f.Text))))
        .ToDictionary(f => f.Item1, f => f.Text, StringComparer.Ordinal);

    public SourceLocation Locate(string page, string url)
    {
        var source = sourceOfPage.GetValueOrDefault(page, page);
        if (_texts.TryGetValue(source, out var text) && Find(text(), url) is var (line, column))
        {
            return new SourceLocation(source, line, column);
        }

        foreach (var (name, template) in sources.TemplateOverrides.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            if (Find(template, url) is var (templateLine, templateColumn))
            {
                return new SourceLocation(SourceLoader.TemplatesFolder + "/" + name, templateLine, templateColumn);
            }
        }

        return SourceLocation.File(source);
    }

    /// <summary>The 1-based line and column of <paramref name="url"/> as an attribute value in <paramref name="text"/>, else as any text.</summary>
    public static (int Line, int Column)? Find(string text, string url)
    {
        if (url.Length == 0)
        {
            return null;
        }

        var at = -1;
        foreach (var written in new[] { "=\"" + url + "\"", "='" + url + "'", "=" + url, url })
        {
            at = text.IndexOf(written, StringComparison.Ordinal);
            if (at >= 0)
            {
                at += written.IndexOf(url, StringComparison.Ordinal);
                break;
            }
        }

        if (at < 0)
        {
            return null;
        }

        var lineStart = text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
        var line = 1 + text.AsSpan(0, lineStart).Count('\n');
        return (line, at - lineStart + 1);
    }
}
