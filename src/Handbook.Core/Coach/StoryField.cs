using Handbook.Model;

namespace Handbook.Coach;

/// <summary>A story field as the coach reads it: its name for messages ("situation", "action 2") and its text with location.</summary>
public sealed record StoryField(string Name, StoryText Text)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Text.Value);

    /// <summary>Still nothing but the template's bracketed prompt: the placeholder rule reports it, and no other rule does.</summary>
    public bool IsPlaceholderOnly => Placeholders.IsOnlyPlaceholder(Text.Value);
}
