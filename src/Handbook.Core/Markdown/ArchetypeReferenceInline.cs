using Markdig.Syntax.Inlines;

namespace Handbook.Markdown;

/// <summary>An archetype reference written in prose: <c>#3</c>, <c>(#2)</c>, each number in <c>#5, #6, #10</c>.</summary>
public sealed class ArchetypeReferenceInline : LeafInline
{
    public int Number { get; init; }
}
