using Markdig.Parsers;
using Markdig.Syntax;

namespace Handbook.Markdown.Indented;

/// <summary>A container whose body is the lines indented below its marker line (MkDocs admonitions and content tabs).</summary>
public interface IIndentedContainer
{
    /// <summary>The absolute column the body's lines start at: the marker's column plus four.</summary>
    int ContentColumn { get; }

    /// <summary>Set when the body was not indented: it then runs to the next blank line (with a warning).</summary>
    bool HasLazyBody { get; set; }
}

/// <summary>
/// Python-Markdown's rule for what belongs to an indented container: blank lines, and lines indented four spaces past the
/// marker. A body that is not indented at all — a common slip — is taken up to the next blank line, with a warning,
/// rather than leaving an empty box followed by stray text.
/// </summary>
public static class IndentedBody
{
    public static BlockState TryContinue(BlockProcessor processor, ContainerBlock block, string what)
    {
        var container = (IIndentedContainer)block;
        if (processor.IsBlankLine)
        {
            return container.HasLazyBody ? BlockState.Break : BlockState.Continue;
        }

        if (processor.Column >= container.ContentColumn)
        {
            processor.GoToColumn(container.ContentColumn);
            return BlockState.Continue;
        }

        if (container.HasLazyBody)
        {
            return BlockState.Continue;
        }

        if (block.Count == 0 && !processor.IsCodeIndent && StartsRightAfterMarker(processor, block))
        {
            container.HasLazyBody = true;
            MarkdownWarnings.Add(processor.Document, processor.LineIndex, processor.Column, "markdown-indent",
                $"the body of this {what} is not indented; indent it by 4 spaces under the marker line (it was taken up to the next blank line)");
            return BlockState.Continue;
        }

        return BlockState.Break;
    }

    /// <summary>The unindented line comes right after the marker line (not after a blank line).</summary>
    private static bool StartsRightAfterMarker(BlockProcessor processor, Block block) => processor.LineIndex == block.Line + 1;
}
