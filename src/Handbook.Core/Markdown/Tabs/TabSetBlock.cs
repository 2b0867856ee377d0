using Markdig.Parsers;
using Markdig.Syntax;

namespace Handbook.Markdown.Tabs;

/// <summary>A set of content tabs: its children are <see cref="TabBlock"/>s, one per tab, in order.</summary>
public sealed class TabSetBlock(BlockParser? parser) : ContainerBlock(parser)
{
    /// <summary>Docusaurus' <c>&lt;Tabs&gt;</c>, closed by <c>&lt;/Tabs&gt;</c>; MkDocs tab sets are grouped after parsing.</summary>
    public bool IsDocusaurus { get; init; }

    internal bool IsClosed { get; set; }
}

/// <summary>One tab: its label and its content as child blocks.</summary>
public sealed class TabBlock(BlockParser? parser) : ContainerBlock(parser), Indented.IIndentedContainer
{
    public required string Label { get; set; }

    /// <summary>Selected when the page opens (<c>===+</c>, or Docusaurus' <c>default</c> attribute).</summary>
    public bool IsDefault { get; init; }

    /// <summary><c>===!</c>: starts a new tab set even right after another tab.</summary>
    public bool StartsNewSet { get; init; }

    public bool IsDocusaurus { get; init; }

    /// <summary>MkDocs: the marker's column plus four. Docusaurus: the indentation of the first content line (JSX indents freely).</summary>
    public int ContentColumn { get; set; }

    public bool HasLazyBody { get; set; }

    internal bool IsClosed { get; set; }
}
