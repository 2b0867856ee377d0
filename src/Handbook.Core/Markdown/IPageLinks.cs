namespace Handbook.Markdown;

/// <summary>
/// What Markdown rendering needs to know about the site while rendering one page: every href it returns is relative to that page.
/// </summary>
public interface IPageLinks
{
    /// <summary>The href of archetype <paramref name="number"/>'s page, or null when there is no such archetype (rendered as text).</summary>
    string? ArchetypeHref(int number);

    /// <summary>A link written in Markdown, rewritten for the output: <c>other.md#x</c> becomes <c>other.html#x</c>, relative to this page.</summary>
    string RewriteUrl(string url);

    /// <summary>For a question heading in the guide, the href of its entry in the question index; otherwise null.</summary>
    string? QuestionHref(string headingId);

    /// <summary>Levels added to every heading: 1 when a chapter is nested in a larger document (the print page has one h1).</summary>
    int HeadingOffset => 0;

    /// <summary>Put before every heading id: chapters nested in one document (the print page) keep their ids apart.</summary>
    string HeadingIdPrefix => "";
}

/// <summary>Renders references as text and leaves links alone: for Markdown outside any page (story fields, excerpts).</summary>
public sealed class NoPageLinks : IPageLinks
{
    public static NoPageLinks Instance { get; } = new();

    public string? ArchetypeHref(int number) => null;

    public string RewriteUrl(string url) => url;

    public string? QuestionHref(string headingId) => null;
}
