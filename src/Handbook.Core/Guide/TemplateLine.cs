using System.Text.RegularExpressions;
using Handbook.Model;

namespace Handbook.Guide;

/// <summary>
/// Parses an archetype's template line:
/// <c>Situation [the flaky failure] · Task [...] · Action [...] · Result [...] · AI tie-in: same instinct …</c>.
/// Parts are <c>Name [prompt]</c>; the line may end with any <c>&lt;Label&gt; tie-in: text</c>.
/// </summary>
public static partial class TemplateLine
{
    public static readonly IReadOnlyList<string> StarParts = ["Situation", "Task", "Action", "Result"];

    public static (IReadOnlyList<TemplatePart> Parts, TieIn? TieIn) Parse(string text)
    {
        TieIn? tieIn = null;
        var tie = TieInPattern().Match(text);
        var partsText = text;
        if (tie.Success)
        {
            tieIn = new TieIn(tie.Groups["kind"].Value.Trim(), tie.Groups["text"].Value.Trim());
            partsText = text[..tie.Index];
        }

        var parts = PartPattern().Matches(partsText)
            .Select(m => new TemplatePart(m.Groups["name"].Value.Trim(), m.Groups["prompt"].Value.Trim()))
            .ToList();
        return (parts, tieIn);
    }

    // "· AI tie-in: …" — the label is what stands between the last separator (or the start) and "tie-in:".
    [GeneratedRegex(@"(?:^|[·|•])\s*(?<kind>[^·|•\[\]]*?)\s*tie-in\s*:\s*(?<text>.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex TieInPattern();

    [GeneratedRegex(@"(?<name>[\p{L}][\p{L}\p{N} /&'-]*?)\s*\[(?<prompt>[^\]]*)\]")]
    private static partial Regex PartPattern();
}
