using Markdig.Syntax;

namespace Handbook.Markdown;

/// <summary>A problem a parser extension found in the author's Markdown; <see cref="Line"/> and <see cref="Column"/> are 0-based like Markdig's.</summary>
public sealed record MarkdownWarning(int Line, int Column, string Code, string Message);

/// <summary>
/// Markdig parsers cannot report diagnostics, so the dialect extensions leave their warnings on the parsed document and the
/// model stage, which knows the file, reports them (<see cref="Model.ChapterReader"/>).
/// </summary>
public static class MarkdownWarnings
{
    private static readonly object Key = typeof(MarkdownWarnings);

    public static void Add(MarkdownDocument document, int line, int column, string code, string message)
    {
        if (document.GetData(Key) is not List<MarkdownWarning> warnings)
        {
            warnings = [];
            document.SetData(Key, warnings);
        }

        warnings.Add(new MarkdownWarning(line, column, code, message));
    }

    public static IReadOnlyList<MarkdownWarning> Of(MarkdownDocument document) =>
        document.GetData(Key) as List<MarkdownWarning> ?? [];
}
