using Markdig.Syntax.Inlines;

namespace Handbook.Markdown;

/// <summary>A measured outcome inside a story's result (<c>3%</c>, <c>4 hours</c>, <c>25x</c>), rendered emphasised.</summary>
public sealed class MeasureInline(string text) : LeafInline
{
    public string Text { get; } = text;
}
