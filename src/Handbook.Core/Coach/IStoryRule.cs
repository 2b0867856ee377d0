using Handbook.Diagnostics;

namespace Handbook.Coach;

/// <summary>One rule of the guide's rubric, applied to one story. Its code is part of the public interface.</summary>
public interface IStoryRule
{
    string Code { get; }

    IEnumerable<Diagnostic> Check(StoryCheck story);
}
