using System.Globalization;
using Markdig.Helpers;
using Markdig.Parsers;

namespace Handbook.Markdown;

/// <summary>
/// Recognises <c>#N</c> as an archetype reference where it stands as a word of prose: preceded by the start of the text,
/// white space or opening punctuation, and not followed by a letter or digit. Code spans, link destinations, autolinks and
/// generic attributes (<c>{#3}</c>) are consumed by their own parsers first, so a <c>#3</c> inside them is never seen here.
/// </summary>
public sealed class ArchetypeReferenceParser : InlineParser
{
    private const int MaxDigits = 3;

    public ArchetypeReferenceParser()
    {
        OpeningCharacters = ['#'];
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var start = slice.Start;
        var previous = start > 0 ? slice.Text[start - 1] : '\0';
        if (!(previous == '\0' || char.IsWhiteSpace(previous) || previous is '(' or '[' or ',' or ';' or '"' or '\''))
        {
            return false;
        }

        var end = start + 1;
        while (end <= slice.End && end - start - 1 < MaxDigits + 1 && char.IsAsciiDigit(slice.Text[end]))
        {
            end++;
        }

        var digits = end - start - 1;
        if (digits == 0 || digits > MaxDigits || slice.Text[start + 1] == '0')
        {
            return false;
        }

        if (end <= slice.End && (char.IsLetterOrDigit(slice.Text[end]) || slice.Text[end] is '_' or '-' or '#'))
        {
            return false;
        }

        var number = int.Parse(slice.Text.AsSpan(start + 1, digits), NumberStyles.None, CultureInfo.InvariantCulture);
        processor.Inline = new ArchetypeReferenceInline
        {
            Number = number,
            Span = new Markdig.Syntax.SourceSpan(processor.GetSourcePosition(start, out var line, out var column), processor.GetSourcePosition(end - 1)),
            Line = line,
            Column = column,
        };
        slice.Start = end;
        return true;
    }
}
