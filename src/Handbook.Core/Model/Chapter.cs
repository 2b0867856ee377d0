using Handbook.Diagnostics;
using Markdig.Syntax;

namespace Handbook.Model;

/// <summary>A heading of a chapter with its Python-Markdown-compatible id.</summary>
public sealed record Heading(int Level, string Text, string Id, SourceLocation Location);

/// <summary>
/// A Markdown page of the guide. <see cref="Document"/> is Markdig's AST with heading ids already assigned;
/// after the model stage it is only read (rendering runs in parallel).
/// </summary>
public sealed record Chapter(
    string SourcePath,
    string OutputPath,
    string Title,
    int Order,
    string? Description,
    MarkdownDocument Document,
    IReadOnlyList<Heading> Headings)
{
    public bool IsIndex => OutputPath == "index.html";
}
