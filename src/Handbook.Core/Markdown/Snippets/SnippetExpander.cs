using System.Text.RegularExpressions;
using Handbook.Diagnostics;
using Handbook.Load;

namespace Handbook.Markdown.Snippets;

/// <summary>
/// MkDocs' pymdownx.snippets, done on the text before parsing as pymdownx does: <c>--8<-- "file.md"</c> on a line of its
/// own (its indentation is given to every included line) and the block form (a <c>--8<--</c> line, one file per line,
/// a <c>--8<--</c> line). A path is looked up in the content folder (pymdownx's <c>base_path</c>), then beside the
/// including file; it may not leave the content folder. <c>file.md:3:8</c> includes lines 3 to 8, <c>file.md:name</c> the
/// part between <c>--8<-- [start:name]</c> and <c>--8<-- [end:name]</c>; those markers never show. <c>;--8<--</c> is an
/// escaped marker, shown without its <c>;</c>. A missing file, a path outside the content folder, or a file that ends up
/// including itself is an error at the include's line.
/// </summary>
public sealed partial class SnippetExpander(IReadOnlyDictionary<string, SourceFile> files, string contentFolder, DiagnosticBag diagnostics)
{
    /// <summary>Snippet files are not pages: a name starting with '_' marks one (<c>_abbreviations.md</c>).</summary>
    public static bool IsPartial(string path) => Path.GetFileName(path).StartsWith('_');

    /// <summary>The files <paramref name="file"/> includes directly (for telling pages from snippets), quietly skipping bad paths.</summary>
    public IEnumerable<string> IncludedBy(SourceFile file)
    {
        if (!HasMarker(file.Text))
        {
            yield break;
        }

        foreach (var (_, target) in Includes(file.Text.Split('\n')))
        {
            if (Resolve(file.Path, Target.Parse(target).Path) is { } found)
            {
                yield return found;
            }
        }
    }

    /// <summary>The page's text with its snippets included, and where each of its lines came from (null when nothing was included).</summary>
    public (string Text, LineMap? Lines) Expand(SourceFile page)
    {
        if (!HasMarker(page.Text))
        {
            return (page.Text, null);
        }

        var lines = new List<string>();
        var origins = new List<SourceLocation>();
        var included = Append(page, page.Text.Split('\n'), 1, "", [page.Path], lines, origins);
        return (string.Join('\n', lines), included ? new LineMap(origins) : null);
    }

    private static bool HasMarker(string text) => text.Contains("8<-", StringComparison.Ordinal);

    private bool Append(SourceFile file, string[] source, int firstLine, string indent, List<string> chain, List<string> lines, List<SourceLocation> origins)
    {
        var included = false;
        for (var i = 0; i < source.Length; i++)
        {
            var line = source[i];
            var lineNumber = firstLine + i;
            if (Section().IsMatch(line))
            {
                continue;
            }

            var single = Single().Match(line);
            if (single.Success)
            {
                if (single.Groups["escape"].Length > 0)
                {
                    Emit(line.Remove(single.Groups["escape"].Index, 1));
                    continue;
                }

                included = true;
                Include(file, lineNumber, single.Groups["target"].Value, indent + single.Groups["indent"].Value, chain, lines, origins);
                continue;
            }

            var open = BlockMarker().Match(line);
            if (open.Success)
            {
                var close = Array.FindIndex(source, i + 1, l => BlockMarker().IsMatch(l));
                if (close < 0)
                {
                    diagnostics.Warning(new SourceLocation(file.Path, lineNumber, 1), "snippet-unclosed", "this '--8<--' block of snippet files is never closed with a '--8<--' line; it is shown as text");
                    Emit(line);
                    continue;
                }

                included = true;
                for (var j = i + 1; j < close; j++)
                {
                    var target = source[j].Trim();
                    if (target.Length > 0 && !target.StartsWith(';'))
                    {
                        Include(file, firstLine + j, target, indent + open.Groups["indent"].Value, chain, lines, origins);
                    }
                }

                i = close;
                continue;
            }

            Emit(line);

            void Emit(string text)
            {
                lines.Add(text.Length == 0 ? text : indent + text);
                origins.Add(new SourceLocation(file.Path, lineNumber, indent.Length));
            }
        }

        return included;
    }

    private void Include(SourceFile from, int line, string written, string indent, List<string> chain, List<string> lines, List<SourceLocation> origins)
    {
        var at = new SourceLocation(from.Path, line, indent.Length + 1);
        var target = Target.Parse(written);
        if (target.Path.Contains("://", StringComparison.Ordinal))
        {
            diagnostics.Error(at, "snippet-remote", $"'{target.Path}' is a URL; snippets can only include files from the content folder");
            return;
        }

        if (Path.IsPathRooted(target.Path) || Resolve(from.Path, target.Path) is not { } path)
        {
            var outside = Path.IsPathRooted(target.Path) || Escapes(target.Path, from.Path);
            diagnostics.Error(at, outside ? "snippet-outside" : "snippet-missing", outside
                ? $"'{target.Path}' is outside {contentFolder}/; a snippet must be a Markdown file inside the content folder"
                : $"no Markdown file '{target.Path}' in {contentFolder}/ or beside {from.Path} to include");
            return;
        }

        if (chain.Contains(path))
        {
            diagnostics.Error(at, "snippet-cycle", $"including '{target.Path}' here would include it in itself: {string.Join(" → ", chain.Append(path))}");
            return;
        }

        var file = files[path];
        var source = file.Text.Split('\n');
        if (source.Length > 0 && source[^1].Length == 0)
        {
            source = source[..^1];
        }

        var first = 1;
        if (target.Section is { } section)
        {
            var start = Array.FindIndex(source, l => l.Contains("[start:" + section + "]", StringComparison.Ordinal) && Section().IsMatch(l));
            var end = start < 0 ? -1 : Array.FindIndex(source, start, l => l.Contains("[end:" + section + "]", StringComparison.Ordinal) && Section().IsMatch(l));
            if (start < 0 || end < 0)
            {
                diagnostics.Error(at, "snippet-missing", $"'{path}' has no section '{section}' (marked by '--8<-- [start:{section}]' and '--8<-- [end:{section}]' lines)");
                return;
            }

            first = start + 2;
            source = source[(start + 1)..end];
        }
        else if (target.From is not null || target.To is not null)
        {
            var from0 = Math.Clamp((target.From ?? 1) - 1, 0, source.Length);
            var to = Math.Clamp(target.To ?? source.Length, from0, source.Length);
            first = from0 + 1;
            source = source[from0..to];
        }

        chain.Add(path);
        Append(file, source, first, indent, chain, lines, origins);
        chain.RemoveAt(chain.Count - 1);
    }

    /// <summary>The loaded file a snippet path names: in the content folder, else beside the including file; null if none.</summary>
    private string? Resolve(string fromPath, string target)
    {
        var folder = Path.GetDirectoryName(fromPath)?.Replace('\\', '/') ?? contentFolder;
        foreach (var candidate in new[] { contentFolder + "/" + target, folder + "/" + target })
        {
            var normal = Normalize(candidate);
            if (normal is not null && normal.StartsWith(contentFolder + "/", StringComparison.Ordinal) && files.ContainsKey(normal))
            {
                return normal;
            }
        }

        return null;
    }

    private bool Escapes(string target, string fromPath)
    {
        var folder = Path.GetDirectoryName(fromPath)?.Replace('\\', '/') ?? contentFolder;
        return new[] { contentFolder + "/" + target, folder + "/" + target }
            .All(c => Normalize(c) is not { } n || !n.StartsWith(contentFolder + "/", StringComparison.Ordinal));
    }

    /// <summary>Resolves '.' and '..' segments; null when '..' climbs above the project.</summary>
    private static string? Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Replace('\\', '/').Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return string.Join('/', parts);
    }

    private static IEnumerable<(int Line, string Target)> Includes(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var single = Single().Match(lines[i]);
            if (single.Success && single.Groups["escape"].Length == 0)
            {
                yield return (i + 1, single.Groups["target"].Value);
            }
            else if (BlockMarker().IsMatch(lines[i]))
            {
                var close = Array.FindIndex(lines, i + 1, l => BlockMarker().IsMatch(l));
                for (var j = i + 1; close > 0 && j < close; j++)
                {
                    var target = lines[j].Trim();
                    if (target.Length > 0 && !target.StartsWith(';'))
                    {
                        yield return (j + 1, target);
                    }
                }

                i = close > 0 ? close : i;
            }
        }
    }

    /// <summary>A snippet reference: a path, and optionally lines (<c>:3:8</c>) or a named section (<c>:name</c>).</summary>
    private sealed record Target(string Path, int? From, int? To, string? Section)
    {
        public static Target Parse(string written)
        {
            var match = TargetPattern().Match(written.Trim());
            var path = match.Groups["path"].Value;
            int? Number(Group g) => g.Success && int.TryParse(g.Value, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
            return match.Groups["section"].Success
                ? new Target(path, null, null, match.Groups["section"].Value)
                : new Target(path, Number(match.Groups["from"]), Number(match.Groups["to"]), null);
        }
    }

    [GeneratedRegex("""^(?<indent>[ \t]*)(?<escape>;?)-{1,}8<-{1,}[ \t]+(?<quote>["'])(?<target>[^"']+)\k<quote>[ \t]*$""")]
    private static partial Regex Single();

    [GeneratedRegex("""^(?<indent>[ \t]*)-{1,}8<-{1,}[ \t]*$""")]
    private static partial Regex BlockMarker();

    [GeneratedRegex("""^[ \t]*;?-{1,}8<-{1,}[ \t]+\[(start|end):[\w\-]+\][ \t]*$""")]
    private static partial Regex Section();

    [GeneratedRegex("""^(?<path>.+?)(?::(?<section>[A-Za-z_][\w\-]*)|(?::(?<from>\d*))(?::(?<to>\d*))?)?$""")]
    private static partial Regex TargetPattern();
}
