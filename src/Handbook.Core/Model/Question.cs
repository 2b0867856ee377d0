using Handbook.Diagnostics;
using Markdig.Syntax;

namespace Handbook.Model;

public enum QuestionKind
{
    /// <summary>A question an interviewer asks.</summary>
    Interview,

    /// <summary>A question the candidate asks the panel ("Closing questions to ask").</summary>
    ToAsk,
}

/// <summary>
/// A question the guide contains. <see cref="Id"/> is its anchor in the question index;
/// <see cref="Answer"/> holds its answer bullets as parsed Markdown (rendered with archetype links).
/// </summary>
public sealed record Question(
    string Id,
    string Text,
    string Group,
    QuestionKind Kind,
    IReadOnlyList<int> ArchetypeNumbers,
    IReadOnlyList<Block> Answer,
    string ChapterPath,
    string? GuideHeadingId,
    SourceLocation Location);
