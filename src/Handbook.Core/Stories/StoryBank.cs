using Handbook.Model;

namespace Handbook.Stories;

/// <summary>What the story files held: the valid stories, and the archetype references of those dropped for errors.</summary>
public sealed record StoryBank(IReadOnlyList<Story> Stories, IReadOnlyList<ArchetypeRef> DroppedStoryRefs);
