using System.Text;
using System.Text.RegularExpressions;
using Handbook.Markdown;
using Handbook.Text;

namespace Handbook.Render.Sheets;

/// <summary>
/// Shortens text for one-page sheets: a cheat sheet is a memory jog, one line per STAR part, so fields are cut at a word
/// boundary (with "…") rather than clipped or hidden by CSS. The full text stays on the archetype pages.
/// </summary>
public static partial class Condense
{
    /// <summary>The plain text of a story field's inline Markdown (markup dropped, HTML-looking text kept as text).</summary>
    public static string Plain(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, MarkdownPipelines.StoryField);
        return string.Join(' ', document.Select(InlineText.OfBlock)).Trim();
    }

    /// <summary>At most <paramref name="budget"/> characters, cut at a word boundary with an ellipsis.</summary>
    public static string Clip(string text, int budget)
    {
        text = Whitespace().Replace(text, " ").Trim();
        if (text.Length <= budget)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', budget - 1);
        if (cut < budget / 2)
        {
            cut = budget - 1;
        }

        return text[..cut].TrimEnd(',', ';', ':', ' ', '—', '-') + "…";
    }

    /// <summary>The first clause of an action ("I added a canary gate, which …" → "I added a canary gate"), within a budget.</summary>
    public static string Clause(string text, int budget)
    {
        var match = ClauseEnd().Match(text);
        var clause = match.Success && match.Index >= 12 ? text[..match.Index] : text;
        return Clip(clause, budget);
    }

    /// <summary>"Tell me about a production incident" → "a production incident": the question in a few words.</summary>
    public static string ShortQuestion(string question, int budget)
    {
        var text = QuestionPrefix().Replace(question.Trim(), "").TrimEnd('?', '.', ' ');
        return Clip(text, budget);
    }

    /// <summary>
    /// Text with its measured outcomes in <c>&lt;strong class="num"&gt;</c> (found by <see cref="Measures"/>, as on the story
    /// pages and in the coach), every other part escaped.
    /// </summary>
    public static SafeHtml EmphasiseNumbers(string text)
    {
        var html = new StringBuilder(text.Length + 32);
        var last = 0;
        foreach (var (start, length) in Measures.Find(text))
        {
            html.Append(TemplateObject.Escape(text[last..start]));
            html.Append("<strong class=\"num\">").Append(TemplateObject.Escape(text.Substring(start, length))).Append("</strong>");
            last = start + length;
        }

        html.Append(TemplateObject.Escape(text[last..]));
        return new SafeHtml(html.ToString());
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[,;:]\s|\s[—–]\s|\s-\s|\.\s")]
    private static partial Regex ClauseEnd();

    [GeneratedRegex(@"^(tell me about|tell me|walk (me )?through|describe|give me an example of)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionPrefix();
}
