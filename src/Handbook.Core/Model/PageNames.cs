using System.Globalization;
using System.Text.RegularExpressions;

namespace Handbook.Model;

/// <summary>
/// What file and folder names say about a page: a numeric prefix orders it (<c>04-behavioral.md</c>, <c>09_career/</c>), the
/// rest names it when nothing better does, and Docusaurus derives doc ids from the path with those prefixes dropped.
/// </summary>
public static partial class PageNames
{
    [GeneratedRegex(@"^(\d+)(?:[-_. ]+|$)", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPrefixPattern();

    /// <summary>The numeric prefix of a file or folder name (<c>04-x</c> → 4, <c>09_career</c> → 9), or null.</summary>
    public static int? NumberPrefix(string name)
    {
        var match = NumberPrefixPattern().Match(name);
        return match.Success && match.Groups[1].Value.Length <= 9 && match.Length < name.Length
            ? int.Parse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>A name without its numeric prefix: <c>09_career</c> → <c>career</c>.</summary>
    public static string WithoutNumberPrefix(string name)
    {
        var match = NumberPrefixPattern().Match(name);
        return match.Success && match.Length < name.Length ? name[match.Length..] : name;
    }

    /// <summary>A readable label from a file or folder name: <c>09_career</c> → <c>Career</c>, <c>system-design.md</c> → <c>System design</c>.</summary>
    public static string Humanize(string name)
    {
        var words = WithoutNumberPrefix(name).Replace('-', ' ').Replace('_', ' ').Trim();
        return words.Length == 0 ? name : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>
    /// The title of a page with neither a front matter title nor an H1: its file name made readable; an index page
    /// (<c>index.md</c>, <c>README.md</c>) takes its folder's name, the home page is "Home".
    /// </summary>
    public static string FromFileName(string contentPath)
    {
        var name = Path.GetFileNameWithoutExtension(contentPath);
        if (name.Equals("index", StringComparison.OrdinalIgnoreCase) || name.Equals("README", StringComparison.OrdinalIgnoreCase))
        {
            var folder = Path.GetDirectoryName(contentPath)?.Replace('\\', '/') ?? "";
            return folder.Length == 0 ? "Home" : Humanize(folder[(folder.LastIndexOf('/') + 1)..]);
        }

        return Humanize(name);
    }

    /// <summary>
    /// The Docusaurus doc id: the path inside the docs folder without extension or number prefixes, the file name replaced by
    /// front matter <c>id</c> when given (<c>01-guide/02-setup.md</c> with <c>id: install</c> → <c>guide/install</c>).
    /// </summary>
    public static string DocId(string contentPath, string? id)
    {
        var parts = contentPath.Split('/');
        var folders = parts[..^1].Select(WithoutNumberPrefix);
        var name = id ?? WithoutNumberPrefix(Path.GetFileNameWithoutExtension(parts[^1]));
        return string.Join('/', folders.Append(name));
    }
}
