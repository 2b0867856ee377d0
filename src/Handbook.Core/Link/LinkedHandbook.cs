using Handbook.Coach;
using Handbook.Model;

namespace Handbook.Link;

/// <summary>
/// The model with its cross references resolved: which stories serve an archetype (primary first), which questions retrieve it,
/// which story a question leads to. Private stories are already left out here when the build publishes only public ones,
/// so no later stage can leak them.
/// </summary>
public sealed record LinkedHandbook(
    HandbookModel Model,
    IReadOnlyList<Story> Stories,
    IReadOnlyDictionary<int, Archetype> ArchetypesByNumber,
    IReadOnlyDictionary<int, IReadOnlyList<Story>> StoriesByArchetype,
    IReadOnlyDictionary<int, IReadOnlyList<Question>> QuestionsByArchetype,
    IReadOnlyDictionary<string, StoryChoice> StoryForQuestion,
    IReadOnlyDictionary<string, IReadOnlyList<int>> StoryArchetypes,
    IReadOnlyDictionary<string, Question> QuestionByGuideHeading)
{
    public IReadOnlyList<Story> StoriesFor(int archetype) =>
        StoriesByArchetype.TryGetValue(archetype, out var stories) ? stories : [];

    public IReadOnlyList<Question> QuestionsFor(int archetype) =>
        QuestionsByArchetype.TryGetValue(archetype, out var questions) ? questions : [];

    public Story? PrimaryStory(int archetype) => StoriesFor(archetype).FirstOrDefault();

    /// <summary>The interview loop's rounds in order, their archetypes resolved; empty without <c>content/loop.yml</c>.</summary>
    public IReadOnlyList<LinkedRound> Rounds { get; init; } = [];

    /// <summary>Each archetype's anchored rating scale, by number: the guide's defaults with the team's overrides.</summary>
    public IReadOnlyDictionary<int, RatingScale> Scales { get; init; } = new Dictionary<int, RatingScale>();

    /// <summary>The rounds that cover an archetype, in loop order.</summary>
    public IEnumerable<LinkedRound> RoundsCovering(int archetype) => Rounds.Where(r => r.Archetypes.Any(a => a.Number == archetype));

    /// <summary>What links written in content files name: pages by path, folder and doc id, copied files, drafts.</summary>
    public Render.ContentIndex Content { get; init; } = new([], new HashSet<string>(), new Dictionary<string, string>(), Load.SourceLoader.ContentFolder);

    /// <summary>The coach's findings, set after the link stage; the readiness page shows them for published stories only.</summary>
    public CoachReport Coaching { get; init; } = CoachReport.Empty;
}

/// <summary>
/// The story to tell for a question, and the archetype through which it was chosen: null when the story names the question
/// itself and serves none of the question's archetypes (it then has no archetype page to link to).
/// </summary>
public sealed record StoryChoice(Story Story, int? Archetype);
