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
    /// <summary>Reads a page of the default content folder (<c>content/</c>).</summary>
    public static Chapter Read(SourceFile file, DiagnosticBag diagnostics) => Read(file, SourceLoader.ContentFolder, diagnostics);

    /// <param name="contentDir">The project's content folder; <paramref name="file"/> lies inside it.</param>
    public static Chapter Read(SourceFile file, string contentDir, DiagnosticBag diagnostics)
    {
        var (document, hasRawHtml, refused) = Parse(file, diagnostics);
        var front = ReadFrontMatter(file, document, diagnostics);
        var headings = AssignHeadingIds(file.Path, document);
        var contentPath = file.Path.StartsWith(contentDir + "/", StringComparison.Ordinal) ? file.Path[(contentDir.Length + 1)..] : file.Path;
        ReportMarkdownWarnings(file.Path, document, diagnostics);
        var title = front.Title
            ?? headings.FirstOrDefault(h => h.Level == 1)?.Text
            ?? PageNames.FromFileName(contentPath);
        var output = OutputPath(contentPath, front.Slug, front.SlugLocation, diagnostics);
        var path = file.Path;
        var markdown = new ChapterMarkdown(document, file.Text, refused ? _ => EmptyDocument() : text => ParseAgain(path, text));
        var facts = ChapterFacts.Walk(document);
        return new Chapter(file.Path, output, title, front.Order is { } o ? (int)Math.Clamp(Math.Round(o), int.MinValue, int.MaxValue) : int.MaxValue, front.Description, markdown, headings)
        {
            ContentPath = contentPath,
            NavTitle = front.NavLabel ?? title,
            Position = front.Order,
            DocId = PageNames.DocId(contentPath, front.Id),
            Tags = front.Tags,
            IsDraft = front.Draft,
            HideToc = front.Hide.Contains("toc"),
            HideNavigation = front.Hide.Contains("navigation"),
            HasH1 = headings.Any(h => h.Level == 1),
            HasRawHtml = hasRawHtml,
            HasDiagrams = Markdown.Mermaid.MermaidDiagrams.In(document),
            Links = facts.Links,
            ArchetypeReferences = facts.ArchetypeReferences,
            BlockIds = facts.BlockIds,
            SearchSections = ChapterFacts.SearchSections(title, front.Tags, document),
            Lead = ChapterFacts.Lead(document),
        };
    }

    /// <summary>
    /// The tree of a page read before, parsed again for a page that renders it after the model stage let it go: the same tree,
    /// heading ids included. Markdig took the same text the first time, so this parse cannot be refused; what the first one
    /// reported is not reported again.
    /// </summary>
    private static MarkdownDocument ParseAgain(string path, string text)
    {
        var document = Markdig.Markdown.Parse(text, MarkdownPipelines.Guide);
        AssignHeadingIds(path, document);
        return document;
    }

    /// <summary>
    /// Markdown past the limits of <see cref="MarkdownLimits"/> is the author's input: a located error, and the page an empty
    /// document, so the build goes on to report the rest (and never spends minutes on it). Also says whether the page holds raw
    /// HTML: only such a page can nest its elements too deeply.
    /// </summary>
    private static (MarkdownDocument Document, bool HasRawHtml, bool Refused) Parse(SourceFile file, DiagnosticBag diagnostics)
    {
        var document = MarkdownLimits.Parse(file.Text, MarkdownPipelines.Guide, out var problem);
        var hasRawHtml = problem is null && RawHtml.In(document);
        problem ??= hasRawHtml ? MarkdownLimits.CheckHtmlDepth(document) : null;
        if (problem is null)
        {
            return (document, hasRawHtml, false);
        }

        diagnostics.Error(new SourceLocation(file.Path, problem.Line, problem.Column), problem.Code, problem.Message);
        return (EmptyDocument(), false, true);
    }

    /// <summary>What a page Markdig refused renders as: nothing (its error is reported once, when it is read).</summary>
    private static MarkdownDocument EmptyDocument() => Markdig.Markdown.Parse("", MarkdownPipelines.Guide);

    private sealed record FrontMatter(
        string? Title,
        double? Order,
        string? Slug,
        SourceLocation SlugLocation,
        string? Description,
        string? NavLabel,
        string? Id,
        IReadOnlyList<string> Tags,
        bool Draft,
        IReadOnlyList<string> Hide)
    {
        public static FrontMatter None { get; } = new(null, null, null, default, null, null, null, [], false, []);
    }

    private static FrontMatter ReadFrontMatter(SourceFile file, MarkdownDocument document, DiagnosticBag diagnostics)
    {
        // Markdig opens front matter only at the document's first character: it is the first block or there is none (looking
        // through every block of a page for it was a walk of the whole tree).
        var block = document.Count > 0 ? document[0] as YamlFrontMatterBlock : null;
        if (block is null)
        {
            return FrontMatter.None;
        }

        var yaml = string.Join('\n', block.Lines.Lines.Take(block.Lines.Count).Select(l => l.Slice.ToString()));
        // block.Line is the 0-based line of the opening "---"; the YAML text starts on the line after it.
        var root = YamlTreeReader.Read(file.Path, yaml, diagnostics, lineOffset: block.Line + 1);
        if (root is null or YamlScalar { IsNull: true })
        {
            return FrontMatter.None;
        }

        if (root is not YamlMapping map)
        {
            diagnostics.Error(root.Location, "front-matter-type", "front matter must be a mapping such as 'title: My page'");
            return FrontMatter.None;
        }

        WarnAboutUnknownKeys(map, diagnostics);
        double? order = null;
        foreach (var key in FrontMatterKeys.Order)
        {
            if (YamlFields.Get(map, key) is not { } node || node is YamlScalar { IsNull: true })
            {
                continue;
            }

            if (node is YamlScalar { IsPlain: true } s && double.TryParse(s.Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n))
            {
                order ??= n;
            }
            else
            {
                diagnostics.Error(node.Location, "front-matter-type", $"'{key}' must be a number, not {YamlFields.Describe(node)}");
            }
        }

        var title = YamlFields.String(map, "title", "front-matter-type", diagnostics);
        string? navLabel = null;
        foreach (var key in FrontMatterKeys.NavLabel)
        {
            var label = YamlFields.String(map, key, "front-matter-type", diagnostics);
            navLabel ??= string.IsNullOrWhiteSpace(label) ? null : label.Trim();
        }

        var draft = (YamlFields.Bool(map, "draft", "front-matter-type", diagnostics) ?? false)
            | (YamlFields.Bool(map, "unlisted", "front-matter-type", diagnostics) ?? false);
        var id = YamlFields.String(map, "id", "front-matter-type", diagnostics);
        return new FrontMatter(
            string.IsNullOrWhiteSpace(title) ? null : title.Trim(),
            order,
            YamlFields.String(map, "slug", "front-matter-type", diagnostics),
            YamlFields.Get(map, "slug")?.Location ?? default,
            YamlFields.String(map, "description", "front-matter-type", diagnostics),
            navLabel,
            string.IsNullOrWhiteSpace(id) ? null : id.Trim(),
            [.. TextList(map, "tags", diagnostics), .. TextList(map, "keywords", diagnostics)],
            draft,
            Hide(map, diagnostics));
    }

    /// <summary>A key no tool documents is most likely a typo of one that matters: one warning, never an error.</summary>
    private static void WarnAboutUnknownKeys(YamlMapping map, DiagnosticBag diagnostics)
    {
        foreach (var entry in map.Entries)
        {
            if (FrontMatterKeys.Known.Contains(entry.Key.Value))
            {
                continue;
            }

            var suggestion = Text.Spelling.Closest(entry.Key.Value, FrontMatterKeys.Known);
            var hint = suggestion is null ? $"the keys Handbook reads are {string.Join(", ", FrontMatterKeys.Honoured)}" : $"did you mean '{suggestion}'?";
            diagnostics.Warning(entry.Key.Location, "front-matter-unknown-key", $"unknown front matter key '{entry.Key.Value}' is ignored; {hint}");
        }
    }

    /// <summary>A list of words (<c>tags: [a, b]</c>), a single word, or Docusaurus' tag objects (<c>- label: a</c>).</summary>
    private static IReadOnlyList<string> TextList(YamlMapping map, string key, DiagnosticBag diagnostics)
    {
        var node = YamlFields.Get(map, key);
        IEnumerable<YamlNode> items = node switch
        {
            null or YamlScalar { IsNull: true } => [],
            YamlSequence sequence => sequence.Items,
            _ => [node],
        };
        var words = new List<string>();
        foreach (var item in items)
        {
            var text = item switch
            {
                YamlScalar { IsNull: false } s => s.Value,
                YamlMapping m when YamlFields.Get(m, "label") is YamlScalar { IsNull: false } label => label.Value,
                _ => null,
            };
            if (text is null)
            {
                diagnostics.Error(item.Location, "front-matter-type", $"'{key}' must be a list of words, not {YamlFields.Describe(item)}");
            }
            else if (!string.IsNullOrWhiteSpace(text))
            {
                words.Add(text.Trim());
            }
        }

        return words;
    }

    private static IReadOnlyList<string> Hide(YamlMapping map, DiagnosticBag diagnostics)
    {
        var hide = TextList(map, "hide", diagnostics);
        if (YamlFields.Get(map, "hide") is { } node)
        {
            foreach (var value in hide.Where(v => !FrontMatterKeys.HideValues.Contains(v, StringComparer.Ordinal)))
            {
                var suggestion = Text.Spelling.Closest(value, FrontMatterKeys.HideValues);
                diagnostics.Warning(node.Location, "front-matter-hide", $"'hide' value '{value}' is not one of {string.Join(", ", FrontMatterKeys.HideValues)}{(suggestion is null ? "" : $"; did you mean '{suggestion}'?")}");
            }
        }

        return hide;
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

    /// <summary>
    /// <c>04-x.md</c> → <c>04-x.html</c>; a <c>README.md</c> stands for its folder's index, like <c>index.md</c>. A front matter slug
    /// replaces the file name (<c>slug: intro</c>) or, written from the content root (<c>slug: /</c>, <c>slug: /guide/intro</c>), the path.
    /// </summary>
    private static string OutputPath(string contentPath, string? slug, SourceLocation slugAt, DiagnosticBag diagnostics)
    {
        var folder = Path.GetDirectoryName(contentPath)?.Replace('\\', '/') ?? "";
        var name = Path.GetFileNameWithoutExtension(contentPath);
        if (string.Equals(name, "README", StringComparison.OrdinalIgnoreCase))
        {
            name = "index";
        }

        if (slug is not null)
        {
            var trimmed = slug.Trim();
            var absolute = trimmed.StartsWith('/');
            var parts = trimmed.Trim('/').Split('/');
            var clean = parts.Select(HeadingSlugger.Slugify).ToList();
            if (absolute && trimmed.Trim('/').Length == 0)
            {
                return "index.html";
            }

            if (clean.Any(c => c.Length == 0) || !clean.SequenceEqual(parts, StringComparer.Ordinal))
            {
                var example = string.Join('/', clean.Where(c => c.Length > 0));
                diagnostics.Error(slugAt, "front-matter-slug", $"'slug' must be a simple name of lower-case letters, digits and hyphens such as '{(example.Length == 0 ? "my-page" : example)}', not '{slug}'");
            }
            else if (absolute)
            {
                return string.Join('/', clean) + ".html";
            }
            else
            {
                name = string.Join('/', clean);
            }
        }

        return folder.Length == 0 ? name + ".html" : folder + "/" + name + ".html";
    }
}
