using Handbook.Diagnostics;
using Handbook.Model;

namespace Handbook.Guide;

/// <summary>What the guide defines beyond prose: its archetypes and its questions.</summary>
public sealed record GuideExtraction(IReadOnlyList<Archetype> Archetypes, IReadOnlyList<Question> Questions);

/// <summary>Extracts archetypes and questions from the chapters' Markdown ASTs by the documented conventions.</summary>
public static class GuideExtractor
{
    public static GuideExtraction Extract(IReadOnlyList<Chapter> chapters, DiagnosticBag diagnostics)
    {
        _ = chapters;
        _ = diagnostics;
        return new GuideExtraction([], []);
    }
}
