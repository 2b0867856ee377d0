using Markdig.Extensions.Alerts;
using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;

namespace Handbook.Markdown.Admonitions;

/// <summary>
/// Turns the call-outs Markdig parses itself — Docusaurus <c>:::type Title</c> containers (its custom containers) and GitHub
/// <c>&gt; [!NOTE]</c> alerts — into <see cref="AdmonitionBlock"/>s once the document is parsed, so every dialect is one node.
/// </summary>
public static class AdmonitionConverter
{
    public static void Convert(MarkdownDocument document)
    {
        foreach (var container in document.Descendants<CustomContainer>().ToList())
        {
            Replace(container, FromDocusaurus(document, container));
        }

        foreach (var alert in document.Descendants<AlertBlock>().ToList())
        {
            Replace(alert, new AdmonitionBlock(null)
            {
                Kind = alert.Kind.ToString().ToLowerInvariant(),
                Dialect = AdmonitionDialect.GitHub,
            });
        }
    }

    private static AdmonitionBlock FromDocusaurus(MarkdownDocument document, CustomContainer container)
    {
        // ':::tip Title' gives Info "tip" and Arguments "Title"; ':::tip[Title]' gives Info "tip[Title]".
        var info = container.Info ?? "";
        var title = container.Arguments;
        var bracket = info.IndexOf('[', StringComparison.Ordinal);
        if (bracket >= 0)
        {
            var rest = info[(bracket + 1)..] + (string.IsNullOrEmpty(title) ? "" : " " + title);
            var close = rest.LastIndexOf(']');
            title = close >= 0 ? rest[..close] : rest;
            info = info[..bracket];
        }

        if (info.Length == 0)
        {
            MarkdownWarnings.Add(document, container.Line, container.Column, "admonition-type",
                "this ':::' block names no type; write ':::note', ':::tip', ':::info', ':::warning' or ':::danger'");
        }

        if (container.ClosingFencedCharCount == 0)
        {
            MarkdownWarnings.Add(document, container.Line, container.Column, "admonition-unclosed",
                $"this '{new string(container.FencedChar, container.OpeningFencedCharCount)}{info}' block is never closed, so it runs to the end of the page; close it with a '{new string(container.FencedChar, container.OpeningFencedCharCount)}' line");
        }

        return new AdmonitionBlock(null)
        {
            Kind = info.Length == 0 ? "note" : info.ToLowerInvariant(),
            Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim(),
            Dialect = AdmonitionDialect.Docusaurus,
        };
    }

    /// <summary>Puts <paramref name="admonition"/> where <paramref name="original"/> was, with its children and position.</summary>
    private static void Replace(ContainerBlock original, AdmonitionBlock admonition)
    {
        admonition.Line = original.Line;
        admonition.Column = original.Column;
        admonition.Span = original.Span;
        var parent = original.Parent!;
        original.TransferChildrenTo(admonition);
        parent[parent.IndexOf(original)] = admonition;
    }
}
