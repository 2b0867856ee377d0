using Handbook.Config;

namespace Handbook.Model;

/// <summary>The model stage's result: immutable records that refer to each other by number, id or path.</summary>
public sealed record HandbookModel(
    HandbookConfig Config,
    IReadOnlyList<Chapter> Chapters,
    IReadOnlyList<Archetype> Archetypes,
    IReadOnlyList<Question> Questions,
    IReadOnlyList<Story> Stories,
    bool HasStoryBank)
{
    /// <summary>Archetype references of story files dropped for errors: the link stage still checks them, so one run reports everything.</summary>
    public IReadOnlyList<ArchetypeRef> DroppedStoryRefs { get; init; } = [];

    /// <summary>The guide's navigation: sections, labels and order (<see cref="Chapters"/> is in its reading order).</summary>
    public SiteNav Nav { get; init; } = SiteNav.Empty;

    /// <summary>Pages left out of this build (<c>draft: true</c>, <c>unlisted: true</c>), by source path, so links to them are reported as such.</summary>
    public IReadOnlySet<string> Drafts { get; init; } = new HashSet<string>();

    /// <summary>Files copied from the content folder (images and the like): source path → site path.</summary>
    public IReadOnlyDictionary<string, string> StaticFiles { get; init; } = new Dictionary<string, string>();

    /// <summary>The content folder, project-relative.</summary>
    public string ContentDir { get; init; } = Load.SourceLoader.ContentFolder;

    /// <summary>The guide's delivery rules (bullets of a section whose heading mentions "rules"), for the cheat sheet's strip.</summary>
    public IReadOnlyList<string> DeliveryRules { get; init; } = [];

    /// <summary>The guide's anti-patterns (bullets of a section whose heading mentions "anti-patterns"), for sheets and scorecards.</summary>
    public IReadOnlyList<string> AntiPatterns { get; init; } = [];

    /// <summary>The team's interview loop from <c>content/loop.yml</c>; empty when the project has none.</summary>
    public InterviewLoop Loop { get; init; } = InterviewLoop.Empty;
}
