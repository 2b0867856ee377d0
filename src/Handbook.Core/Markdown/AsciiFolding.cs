using System.Globalization;
using System.Text;

namespace Handbook.Markdown;

/// <summary>
/// Unicode NFKD decomposition reduced to its ASCII characters, per code point (<c>é</c> → <c>e</c>, <c>ﬁ</c> → <c>fi</c>, <c>①</c> → <c>1</c>),
/// from a table generated with Python's <c>unicodedata</c> (<c>ascii-folding.txt</c>). This is what Python-Markdown's slugify keeps of a
/// character, and unlike <see cref="string.Normalize()"/> it works under InvariantGlobalization and is the same on every machine.
/// </summary>
public static class AsciiFolding
{
    private static readonly Lazy<Dictionary<int, string>> Table = new(Load);

    /// <summary>ASCII characters pass, others become their table entry or vanish.</summary>
    public static string Fold(string text)
    {
        if (Ascii.IsValid(text))
        {
            return text;
        }

        var table = Table.Value;
        var folded = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                folded.Append((char)rune.Value);
            }
            else if (table.TryGetValue(rune.Value, out var ascii))
            {
                folded.Append(ascii);
            }
        }

        return folded.ToString();
    }

    private static Dictionary<int, string> Load()
    {
        using var stream = typeof(AsciiFolding).Assembly.GetManifestResourceStream("data/ascii-folding.txt")
            ?? throw new InvalidOperationException("embedded resource data/ascii-folding.txt is missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var table = new Dictionary<int, string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var space = line.IndexOf(' ');
            var codePoint = int.Parse(line.AsSpan(0, space), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            table[codePoint] = Encoding.ASCII.GetString(Convert.FromHexString(line.AsSpan(space + 1)));
        }

        // A plain dictionary: freezing 2,000 keys cost more than every lookup a build makes (a tenth of a small build's CPU).
        return table;
    }
}
