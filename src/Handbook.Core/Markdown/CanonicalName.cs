using System.Globalization;
using System.Text;

namespace Handbook.Markdown;

/// <summary>
/// A key under which names that differ only in Unicode normalization (<c>café</c> typed as one code point or as <c>e</c> plus a
/// combining accent, as macOS writes file names) or in case are equal: such names are one file on macOS and Windows disks, so a
/// site holding both cannot be copied there. Full canonical decomposition from a table generated with Python's
/// <c>unicodedata</c> (<c>canonical-decomposition.txt</c>), because <see cref="string.Normalize()"/> does nothing under
/// InvariantGlobalization; each run of combining marks is then put in code-point order, which canonically equivalent names share.
/// </summary>
public static class CanonicalName
{
    private static readonly Lazy<Dictionary<int, int[]>> Table = new(Load);

    public static string Key(string name)
    {
        var lower = name.ToLowerInvariant();
        if (Ascii.IsValid(lower))
        {
            return lower;
        }

        var decomposed = new List<int>(lower.Length + 8);
        foreach (var rune in lower.EnumerateRunes())
        {
            Decompose(rune.Value, decomposed);
        }

        // Canonical ordering, approximated: marks in one run sorted by code point.
        for (var start = 0; start < decomposed.Count;)
        {
            if (!IsMark(decomposed[start]))
            {
                start++;
                continue;
            }

            var end = start;
            while (end < decomposed.Count && IsMark(decomposed[end]))
            {
                end++;
            }

            decomposed.Sort(start, end - start, Comparer<int>.Default);
            start = end;
        }

        var key = new StringBuilder(decomposed.Count + 4);
        foreach (var codePoint in decomposed)
        {
            key.Append(new Rune(codePoint).ToString());
        }

        return key.ToString();
    }

    private static void Decompose(int codePoint, List<int> into)
    {
        // Hangul syllables decompose by rule (Unicode 3.12).
        const int SBase = 0xAC00, LBase = 0x1100, VBase = 0x1161, TBase = 0x11A7, TCount = 28, NCount = 588, SCount = 11172;
        if (codePoint is >= SBase and < SBase + SCount)
        {
            var index = codePoint - SBase;
            into.Add(LBase + (index / NCount));
            into.Add(VBase + (index % NCount / TCount));
            if (index % TCount != 0)
            {
                into.Add(TBase + (index % TCount));
            }

            return;
        }

        if (Table.Value.TryGetValue(codePoint, out var parts))
        {
            foreach (var part in parts)
            {
                Decompose(part, into);
            }

            return;
        }

        into.Add(codePoint);
    }

    private static bool IsMark(int codePoint) => CharUnicodeInfo.GetUnicodeCategory(codePoint)
        is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static Dictionary<int, int[]> Load()
    {
        using var stream = typeof(CanonicalName).Assembly.GetManifestResourceStream("data/canonical-decomposition.txt")
            ?? throw new InvalidOperationException("embedded resource data/canonical-decomposition.txt is missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var table = new Dictionary<int, int[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split(' ');
            table[int.Parse(fields[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture)] =
                fields.Skip(1).Select(f => int.Parse(f, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();
        }

        // A plain dictionary: freezing 2,000 keys cost more than every lookup a build makes (a tenth of a small build's CPU).
        return table;
    }
}
