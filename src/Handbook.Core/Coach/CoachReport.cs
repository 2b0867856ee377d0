using Handbook.Diagnostics;

namespace Handbook.Coach;

/// <summary>
/// What the coach found, as data for the readiness page (which must not re-run the rules): each story's diagnostics by id,
/// and the archetypes no story serves.
/// </summary>
public sealed record CoachReport(IReadOnlyDictionary<string, IReadOnlyList<Diagnostic>> ByStory, IReadOnlyList<Diagnostic> Uncovered)
{
    public static CoachReport Empty { get; } = new(new Dictionary<string, IReadOnlyList<Diagnostic>>(StringComparer.Ordinal), []);

    public IReadOnlyList<Diagnostic> For(string storyId) => ByStory.TryGetValue(storyId, out var found) ? found : [];
}
