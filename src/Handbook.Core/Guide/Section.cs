using Handbook.Diagnostics;
using Handbook.Markdown;
using Handbook.Model;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Handbook.Guide;

/// <summary>
/// A heading with what belongs to it: the blocks up to its first subheading, and its subsections.
/// The guide's conventions are all stated in these terms ("a section whose heading mentions …, with numbered subheadings").
/// </summary>
public sealed record Section(
    HeadingBlock Heading,
    string Text,
    string Id,
    Chapter Chapter,
    IReadOnlyList<Block> Blocks,
    IReadOnlyList<Section> Children)
{
    public int Level => Heading.Level;

    public SourceLocation Location => new(Chapter.SourcePath, Heading.Line + 1, Heading.Column + 1);

    /// <summary>Classes given with generic attributes (<c>### Title {.archetype}</c>): the explicit way to mark a guide up.</summary>
    public bool HasClass(string name) => Heading.TryGetAttributes()?.Classes?.Contains(name) == true;

    public string? Attribute(string name) =>
        Heading.TryGetAttributes()?.Properties?.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.Ordinal)).Value;

    /// <summary>This section and every section below it, in document order.</summary>
    public IEnumerable<Section> SelfAndDescendants()
    {
        yield return this;
        foreach (var child in Children)
        {
            foreach (var section in child.SelfAndDescendants())
            {
                yield return section;
            }
        }
    }

    /// <summary>
    /// The sections of a chapter as a tree (top-level sections are those not nested under a lower-level heading). Kept per chapter
    /// object: the preview server hands later builds the same chapter while its text is unchanged, and the tree depends on nothing else.
    /// </summary>
    public static IReadOnlyList<Section> Build(Chapter chapter) => Built.Of(chapter);

    private static readonly Derived<Chapter, IReadOnlyList<Section>> Built = new(BuildTree);

    /// <summary>Every section of a tree <see cref="Build"/> made, in document order; listed once per tree.</summary>
    public static IReadOnlyList<Section> InOrder(IReadOnlyList<Section> roots) =>
        Listed.Of(roots);

    private static readonly Derived<IReadOnlyList<Section>, IReadOnlyList<Section>> Listed = new(r => r.SelectMany(s => s.SelfAndDescendants()).ToList());

    private static IReadOnlyList<Section> BuildTree(Chapter chapter)
    {
        var blocks = chapter.Markdown.Open().ToList();
        var index = 0;
        SkipUntilHeading(blocks, ref index);
        var roots = new List<Section>();
        while (index < blocks.Count)
        {
            roots.Add(Read(chapter, blocks, ref index));
        }

        return roots;
    }

    private static void SkipUntilHeading(List<Block> blocks, ref int index)
    {
        while (index < blocks.Count && blocks[index] is not HeadingBlock)
        {
            index++;
        }
    }

    private static Section Read(Chapter chapter, List<Block> blocks, ref int index)
    {
        var heading = (HeadingBlock)blocks[index++];
        var content = new List<Block>();
        while (index < blocks.Count && blocks[index] is not HeadingBlock)
        {
            content.Add(blocks[index++]);
        }

        var children = new List<Section>();
        while (index < blocks.Count && blocks[index] is HeadingBlock next && next.Level > heading.Level)
        {
            children.Add(Read(chapter, blocks, ref index));
        }

        return new Section(heading, InlineText.Of(heading), heading.TryGetAttributes()?.Id ?? "", chapter, content, children);
    }
}
