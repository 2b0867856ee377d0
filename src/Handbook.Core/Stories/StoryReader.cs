using Handbook.Diagnostics;
using Handbook.Load;
using Handbook.Model;

namespace Handbook.Stories;

/// <summary>Reads <c>content/stories/ID.yml</c> files into validated <see cref="Story"/> records.</summary>
public static class StoryReader
{
    public static IReadOnlyList<Story> ReadAll(IReadOnlyList<SourceFile> files, DiagnosticBag diagnostics)
    {
        _ = files;
        _ = diagnostics;
        return [];
    }
}
