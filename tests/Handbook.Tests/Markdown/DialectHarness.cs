using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Handbook.Diagnostics;
using Handbook.Load;
using Handbook.Markdown;
using Handbook.Model;

namespace Handbook.Tests.Markdown;

/// <summary>Runs Markdown through what the model stage does to a page (snippets, MDX, parsing) and renders it.</summary>
internal static class DialectHarness
{
    public static (IDocument Html, IReadOnlyList<Diagnostic> Diagnostics) RenderPage(string markdown, string path = "content/page.md") =>
        RenderPage(new Dictionary<string, string> { [path] = markdown }, path);

    public static (IDocument Html, IReadOnlyList<Diagnostic> Diagnostics) RenderPage(IReadOnlyDictionary<string, string> files, string page)
    {
        var (chapter, diagnostics) = Read(files, page);
        var html = chapter is null ? "" : MarkdownRenderer.Render((Markdig.Syntax.MarkdownObject)chapter.Markdown.Open(), MarkdownPipelines.Guide, NoPageLinks.Instance);
        return (new HtmlParser().ParseDocument("<!doctype html><html><body>" + html + "</body></html>"), diagnostics);
    }

    public static (Chapter? Chapter, IReadOnlyList<Diagnostic> Diagnostics) Read(IReadOnlyDictionary<string, string> files, string page)
    {
        var diagnostics = new DiagnosticBag();
        var sources = files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new SourceFile(f.Key, f.Value)).ToList();
        var pages = PageSources.Prepare(sources, "content", diagnostics);
        var file = pages.FirstOrDefault(p => p.Path == page);
        var chapter = file is null ? null : ChapterReader.Read(file, diagnostics);
        return (chapter, diagnostics.Sorted());
    }

    public static string Codes(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("; ", diagnostics.Select(d => $"{d.Location} {d.Severity} {d.Code}"));
}
