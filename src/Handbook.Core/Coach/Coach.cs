using Handbook.Diagnostics;
using Handbook.Link;

namespace Handbook.Coach;

/// <summary>The guide's rubric as a linter over the story bank.</summary>
public static class StoryCoach
{
    public static void Run(LinkedHandbook handbook, DiagnosticBag diagnostics)
    {
        _ = handbook;
        _ = diagnostics;
    }
}
