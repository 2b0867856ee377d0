using System.Text.RegularExpressions;

namespace Handbook.Coach;

/// <summary>Bracketed template prompts such as <c>[the flaky failure]</c>, told apart from Markdown links <c>[text](url)</c> and references.</summary>
public static partial class Placeholders
{
    // Not after ']' (the second half of [text][ref]), not followed by '(' '[' or ':' (a link, a reference, a definition),
    // and holding a word, so "[1]" and the task-list "[x]" are not prompts.
    [GeneratedRegex(@"(?<!\])\[(?=[^\[\]\n]*\p{L}{2})[^\[\]\n]+\](?![(\[:])", RegexOptions.CultureInvariant)]
    private static partial Regex Prompt();

    public static string? First(string text)
    {
        var match = Prompt().Match(text);
        return match.Success ? match.Value : null;
    }

    public static bool IsOnlyPlaceholder(string text)
    {
        var trimmed = text.Trim();
        var match = Prompt().Match(trimmed);
        return match.Success && match.Index == 0 && match.Length == trimmed.Length;
    }
}
