using System.Globalization;
using Handbook.Diagnostics;
using Handbook.Load;
using Handbook.Markdown;
using Handbook.Markdown.Admonitions;
using Handbook.Yaml;
using Markdig.Extensions.Yaml;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Handbook.Model;

/// <summary>Parses one Markdown page: front matter, heading ids, title, output path.</summary>
public static class ChapterReader
{
    public static readonly IReadOnlyList<string> FrontMatterKeys = ["title", "order", "slug", "description"];

    public static Chapter Read(SourceFile file, DiagnosticBag diagnostics)
    {
        var document = Parse(file, diagnostics);
        var front = ReadFrontMatter(file, document, diagnostics);
        var headings = AssignHeadingIds(file.Path, document);
        ReportMarkdownWarnings(file.Path, document, diagnostics);
        var title = front.Title
            ?? headings.FirstOrDefault(h => h.Level == 1)?.Text
            ?? Path.GetFileNameWithoutExtension(file.Path);
        var output = OutputPath(file.Path, front.Slug, front.SlugLocation, diagnostics);
        return new Chapter(file.Path, output, title, front.Order ?? int.MaxValue, front.Description, document, headings);
    }

    /// <summary>
    /// Markdig refuses absurd nesting (hundreds of nested lists, quotes or emphasis) by throwing rather than overflowing the stack;
    /// that is the author's input, so it becomes a located error and the page an empty document, and the build goes on to report the rest.
    /// </summary>
    private static MarkdownDocument Parse(SourceFile file, DiagnosticBag diagnostics)
    {
        try
        {
            return Markdig.Markdown.Parse(file.Text, MarkdownPipelines.Guide);
        }
        catch (ArgumentException ex) when (ex.Message.Contains("too deeply nested", StringComparison.Ordinal))
        {
            diagnostics.Error(SourceLocation.File(file.Path), "markdown-too-deep", "lists, quotes or emphasis are nested too deeply for a page to render; flatten the structure");
            return Markdig.Markdown.Parse("", MarkdownPipelines.Guide);
        }
    }

    private sealed record FrontMatter(string? Title, int? Order, string? Slug, SourceLocation SlugLocation, string? Description);

    private static FrontMatter ReadFrontMatter(SourceFile file, MarkdownDocument document, DiagnosticBag diagnostics)
    {
        var block = document.Descendants<YamlFrontMatterBlock>().FirstOrDefault();
        if (block is null)
        {
            return new FrontMatter(null, null, null, default, null);
        }

        var yaml = string.Join('\n', block.Lines.Lines.Take(block.Lines.Count).Select(l => l.Slice.ToString()));
        // block.Line is the 0-based line of the opening "---"; the YAML text starts on the line after it.
        var root = YamlTreeReader.Read(file.Path, yaml, diagnostics, lineOffset: block.Line + 1);
        if (root is null or YamlScalar { IsNull: true })
        {
            return new FrontMatter(null, null, null, default, null);
        }

        if (root is not YamlMapping map)
        {
            diagnostics.Error(root.Location, "front-matter-type", "front matter must be a mapping such as 'title: My page'");
            return new FrontMatter(null, null, null, default, null);
        }

        YamlFields.RejectUnknownKeys(map, FrontMatterKeys, "front-matter-unknown-key", "front matter key", diagnostics);
        int? order = null;
        if (YamlFields.Get(map, "order") is { } orderNode)
        {
            if (orderNode is YamlScalar { IsPlain: true } s && int.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            {
                order = n;
            }
            else
            {
                diagnostics.Error(orderNode.Location, "front-matter-type", $"'order' must be a whole number, not {YamlFields.Describe(orderNode)}");
            }
        }

        var title = YamlFields.String(map, "title", "front-matter-type", diagnostics);
        return new FrontMatter(
            string.IsNullOrWhiteSpace(title) ? null : title.Trim(),
            order,
            YamlFields.String(map, "slug", "front-matter-type", diagnostics),
            YamlFields.Get(map, "slug")?.Location ?? default,
            YamlFields.String(map, "description", "front-matter-type", diagnostics));
    }

    /// <summary>Gives every heading a Python-Markdown-style id (or keeps an explicit <c>{#id}</c>), unique within the page.</summary>
    private static List<Heading> AssignHeadingIds(string path, MarkdownDocument document)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var headings = new List<Heading>();
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var text = InlineText.Of(heading);
            var attributes = heading.GetAttributes();
            var id = HeadingSlugger.Unique(attributes.Id ?? HeadingSlugger.Slugify(text), used);
            attributes.Id = id;
            headings.Add(new Heading(heading.Level, text, id, new SourceLocation(path, heading.Line + 1, heading.Column + 1)));
        }

        // A question call-out is linked to from the question index, so it gets an anchor too, unique among the headings'.
        foreach (var admonition in document.Descendants<AdmonitionBlock>().Where(a => a.IsQuestion))
        {
            var attributes = admonition.GetAttributes();
            attributes.Id = HeadingSlugger.Unique(attributes.Id ?? HeadingSlugger.Slugify(admonition.DisplayTitle), used);
        }

        return headings;
    }

    /// <summary>What the dialect extensions found wrong while parsing (an unclosed <c>:::</c>, an unindented body), at its line.</summary>
    private static void ReportMarkdownWarnings(string path, MarkdownDocument document, DiagnosticBag diagnostics)
    {
        foreach (var warning in MarkdownWarnings.Of(document))
        {
            diagnostics.Warning(new SourceLocation(path, warning.Line + 1, warning.Column + 1), warning.Code, warning.Message);
        }
    }

    /// <summary><c>content/04-x.md</c> → <c>04-x.html</c>; a front matter slug replaces the file name but never the folder.</summary>
    private static string OutputPath(string sourcePath, string? slug, SourceLocation slugAt, DiagnosticBag diagnostics)
    {
        var relative = sourcePath[(SourceLoader.ContentFolder.Length + 1)..];
        var folder = Path.GetDirectoryName(relative)?.Replace('\\', '/') ?? "";
        var name = Path.GetFileNameWithoutExtension(relative);
        if (slug is not null)
        {
            var clean = HeadingSlugger.Slugify(slug);
            if (clean.Length == 0 || clean != slug.Trim())
            {
                diagnostics.Error(slugAt, "front-matter-slug", $"'slug' must be a simple name of lower-case letters, digits and hyphens such as '{(clean.Length == 0 ? "my-page" : clean)}', not '{slug}'");
            }
            else
            {
                name = clean;
            }
        }

        return folder.Length == 0 ? name + ".html" : folder + "/" + name + ".html";
    }
}
