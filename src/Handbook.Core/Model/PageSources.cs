using Handbook.Diagnostics;
using Handbook.Load;
using Handbook.Markdown.Mdx;
using Handbook.Markdown.Snippets;

namespace Handbook.Model;

/// <summary>
/// The Markdown files that are pages, ready to parse: snippets included (MkDocs), MDX-only constructs removed (Docusaurus).
/// A file whose name starts with '_', or that another file includes as a snippet, is a part of pages rather than a page.
/// Diagnostics about an assembled page's lines are reported where those lines came from (<see cref="DiagnosticBag.MapLines"/>).
/// </summary>
public static class PageSources
{
    /// <summary>
    /// A page that includes no snippet, cleaned once per file object: the cleaning depends on its text and name alone, and the
    /// preview server hands later builds the same object while the file is unchanged (a thousand pages are not scanned on every save).
    /// </summary>
    private static readonly Derived<SourceFile, CleanText> Cleaned = new(f => new CleanText(MdxCleaner.Clean(f.Text, IsMdx(f))));

    private static bool IsMdx(SourceFile file) => file.Path.EndsWith(".mdx", StringComparison.OrdinalIgnoreCase);

    private sealed record CleanText((string Text, MdxDropped Dropped) Value);

    public static IReadOnlyList<SourceFile> Prepare(IReadOnlyList<SourceFile> markdown, string contentFolder, DiagnosticBag diagnostics)
    {
        var files = markdown.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var expander = new SnippetExpander(files, contentFolder, diagnostics);
        var snippets = markdown.SelectMany(expander.IncludedBy).ToHashSet(StringComparer.Ordinal);
        var pages = new List<SourceFile>();
        foreach (var file in markdown)
        {
            if (SnippetExpander.IsPartial(file.Path) || snippets.Contains(file.Path))
            {
                continue;
            }

            var (text, lines) = expander.Expand(file);
            if (lines is not null)
            {
                diagnostics.MapLines(file.Path, lines);
            }

            var (clean, dropped) = lines is null
                ? Cleaned.Of(file).Value
                : MdxCleaner.Clean(text, IsMdx(file));
            if (!dropped.IsEmpty)
            {
                diagnostics.Info(new SourceLocation(file.Path, dropped.FirstLine, 1), "mdx-dropped", $"removed MDX that only Docusaurus can run: {dropped.Describe()}");
            }

            foreach (var line in dropped.UnclosedLines)
            {
                diagnostics.Warning(new SourceLocation(file.Path, line, 1), "mdx-unclosed", "this MDX construct is never closed; only its first line was removed");
            }

            pages.Add(clean == file.Text ? file : file with { Text = clean });
        }

        return pages;
    }
}
