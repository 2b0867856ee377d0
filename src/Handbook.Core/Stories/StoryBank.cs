using Handbook.Model;

namespace Handbook.Stories;

/// <summary>What the story files held: the valid stories, and the archetype references of those dropped for errors.</summary>
public sealed record StoryBank(IReadOnlyList<Story> Stories, IReadOnlyList<ArchetypeRef> DroppedStoryRefs);

/// <summary>
/// One story file read: the story (null when the file has errors), every diagnostic about it, and, when it was dropped, its
/// archetype references (see <see cref="StoryBank.DroppedStoryRefs"/>).
/// </summary>
public sealed record StoryFile(Story? Story, IReadOnlyList<Diagnostics.Diagnostic> Diagnostics, IReadOnlyList<ArchetypeRef> Refs);
