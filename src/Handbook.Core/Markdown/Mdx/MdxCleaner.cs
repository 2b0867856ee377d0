using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Handbook.Markdown.Mdx;

/// <summary>What <see cref="MdxCleaner"/> removed from a page, for its one info diagnostic.</summary>
public sealed record MdxDropped(int FirstLine, int Imports, int Exports, IReadOnlyList<string> Components, int Expressions, int HeadBlocks, IReadOnlyList<int> UnclosedLines)
{
    public bool IsEmpty => Imports + Exports + Components.Count + Expressions + HeadBlocks == 0;

    public string Describe()
    {
        var parts = new List<string>();
        void Count(int n, string one, string many)
        {
            if (n > 0)
            {
                parts.Add(n == 1 ? one : string.Create(CultureInfo.InvariantCulture, $"{n} {many}"));
            }
        }

        Count(Imports, "an import", "imports");
        Count(Exports, "an export", "exports");
        if (Components.Count > 0)
        {
            parts.Add("the component" + (Components.Count == 1 ? " " : "s ") + string.Join(", ", Components.Select(c => "<" + c + ">")));
        }

        Count(Expressions, "a {…} expression", "{…} expressions");
        Count(HeadBlocks, "a <head> block", "<head> blocks");
        return string.Join(", ", parts);
    }
}

/// <summary>
/// Docusaurus pages are MDX: Markdown with JavaScript in it. Handbook cannot run that, so before parsing it removes what
/// only an MDX compiler understands — <c>import</c>/<c>export</c> statements, JSX components (<c>&lt;InDocAd /&gt;</c>, a
/// component's tags around Markdown children, which are kept), <c>{…}</c> expressions and <c>&lt;head&gt;</c> blocks —
/// so none of it shows as text. Every line stays where it was (removed lines become empty), so later diagnostics keep
/// their line numbers; code blocks and code spans are left alone; a construct that never closes is cut at the end of its
/// line, never taking the rest of the page with it. Content tabs (<c>&lt;Tabs&gt;</c>) are left for the tabs parser.
/// This is a text pass rather than a Markdig parser because MDX constructs cut across Markdown's block structure.
/// </summary>
public static partial class MdxCleaner
{
    private static readonly HashSet<string> KeptComponents = new(StringComparer.Ordinal) { "Tabs", "TabItem" };

    public static (string Text, MdxDropped Dropped) Clean(string text, bool isMdx)
    {
        // Most pages hold nothing MDX: a scan for a sign of it spares them the line-by-line pass.
        if (!MdxSign().IsMatch(text) && !EsmLine().IsMatch(text))
        {
            return (text, new MdxDropped(0, 0, 0, [], 0, 0, []));
        }

        var lines = text.Split('\n');
        var inCode = CodeFenceLines(lines);
        var looksLikeMdx = isMdx || lines.Where((l, i) => !inCode[i] && EsmStart().IsMatch(l)).Any();
        var state = new Cleaning(lines, inCode, looksLikeMdx);
        state.Run();
        return (string.Join('\n', state.Output), state.Dropped());
    }

    private sealed class Cleaning(string[] lines, bool[] inCode, bool looksLikeMdx)
    {
        public readonly string[] Output = (string[])lines.Clone();
        private readonly List<string> _components = [];
        private readonly List<int> _unclosed = [];
        private int _imports;
        private int _exports;
        private int _expressions;
        private int _heads;
        private int _firstLine;

        public MdxDropped Dropped() => new(_firstLine, _imports, _exports, _components, _expressions, _heads, _unclosed);

        private void Note(int line)
        {
            if (_firstLine == 0 || line + 1 < _firstLine)
            {
                _firstLine = line + 1;
            }
        }

        public void Run()
        {
            for (var i = 0; i < lines.Length; i++)
            {
                if (inCode[i])
                {
                    continue;
                }

                if (looksLikeMdx && EsmStart().IsMatch(lines[i]))
                {
                    var isImport = lines[i].StartsWith("import", StringComparison.Ordinal);
                    var end = EsmEnd(i, isImport);
                    Note(i);
                    _ = isImport ? _imports++ : _exports++;
                    for (var j = i; j <= end; j++)
                    {
                        Output[j] = "";
                    }

                    i = end;
                    continue;
                }

                if (lines[i].TrimStart().StartsWith("<head>", StringComparison.Ordinal))
                {
                    var end = Array.FindIndex(lines, i, l => l.Contains("</head>", StringComparison.Ordinal));
                    if (end < 0)
                    {
                        _unclosed.Add(i + 1);
                        end = i;
                    }

                    Note(i);
                    _heads++;
                    for (var j = i; j <= end; j++)
                    {
                        Output[j] = "";
                    }

                    i = end;
                    continue;
                }

                i = CleanInline(i);
            }
        }

        /// <summary>The last line of an import/export statement: where its brackets balance (and, for an import, its 'from' is seen).</summary>
        private int EsmEnd(int start, bool isImport)
        {
            var depth = 0;
            for (var j = start; j < lines.Length; j++)
            {
                if (j > start && lines[j].Trim().Length == 0)
                {
                    if (depth > 0)
                    {
                        _unclosed.Add(start + 1);
                    }

                    return j - 1;
                }

                depth += Balance(lines[j]);
                var complete = !isImport || ImportComplete().IsMatch(string.Join(' ', lines[start..(j + 1)]));
                if (depth <= 0 && complete)
                {
                    return j;
                }
            }

            return lines.Length - 1;
        }

        /// <summary>Removes JSX tags and (in MDX) {…} expressions from line <paramref name="start"/> on; returns the last line it touched.</summary>
        private int CleanInline(int start)
        {
            var line = start;
            var text = Output[line];
            var kept = new StringBuilder(text.Length);
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (c == '\\' && i + 1 < text.Length)
                {
                    kept.Append(c).Append(text[i + 1]);
                    i += 2;
                }
                else if (c == '`')
                {
                    var run = 1;
                    while (i + run < text.Length && text[i + run] == '`')
                    {
                        run++;
                    }

                    var close = text.IndexOf(new string('`', run), i + run, StringComparison.Ordinal);
                    var end = close < 0 ? i + run : close + run;
                    kept.Append(text, i, end - i);
                    i = end;
                }
                else if (c == '<' && IsComponentStart(text, i, out var name))
                {
                    if (name is not null && KeptComponents.Contains(name))
                    {
                        kept.Append(c);
                        i++;
                        continue;
                    }

                    var (endLine, endColumn) = FindEnd(line, i, '<');
                    Note(line);
                    if (name is not null && !_components.Contains(name))
                    {
                        _components.Add(name);
                    }

                    if (endLine < 0)
                    {
                        _unclosed.Add(line + 1);
                        i = text.Length;
                        continue;
                    }

                    (line, text, i) = SkipTo(line, kept, endLine, endColumn);
                }
                else if (c == '{' && looksLikeMdx && !IsAttributeList(text, i))
                {
                    var (endLine, endColumn) = FindEnd(line, i, '{');
                    if (endLine < 0)
                    {
                        kept.Append(c);
                        i++;
                        continue;
                    }

                    Note(line);
                    _expressions++;
                    (line, text, i) = SkipTo(line, kept, endLine, endColumn);
                }
                else
                {
                    kept.Append(c);
                    i++;
                }
            }

            Output[line] = kept.ToString();
            return line;
        }

        /// <summary>
        /// Continues after a construct ending at (<paramref name="endLine"/>, <paramref name="endColumn"/>): on the same line by
        /// skipping it; on a later line by ending this line with what was kept and emptying the lines in between.
        /// </summary>
        private (int Line, string Text, int Index) SkipTo(int line, StringBuilder kept, int endLine, int endColumn)
        {
            if (endLine == line)
            {
                return (line, Output[line], endColumn + 1);
            }

            Output[line] = kept.ToString().TrimEnd();
            kept.Clear();
            for (var j = line + 1; j < endLine; j++)
            {
                Output[j] = "";
            }

            return (endLine, Output[endLine], endColumn + 1);
        }

        /// <summary>
        /// The closing '&gt;' of a tag or '}' of an expression starting at (<paramref name="line"/>, <paramref name="column"/>),
        /// skipping quoted strings and nested braces; (-1, -1) when a blank line or the page's end comes first.
        /// </summary>
        private (int Line, int Column) FindEnd(int line, int column, char open)
        {
            var depth = 0;
            char quote = '\0';
            for (var j = line; j < Output.Length; j++)
            {
                if (j > line && (Output[j].Trim().Length == 0 || inCode[j]))
                {
                    return (-1, -1);
                }

                var text = Output[j];
                for (var k = j == line ? column + 1 : 0; k < text.Length; k++)
                {
                    var c = text[k];
                    if (quote != '\0')
                    {
                        if (c == '\\')
                        {
                            k++;
                        }
                        else if (c == quote)
                        {
                            quote = '\0';
                        }

                        continue;
                    }

                    switch (c)
                    {
                        case '"' or '\'' or '`':
                            quote = c;
                            break;
                        case '{':
                            depth++;
                            break;
                        case '}' when depth > 0:
                            depth--;
                            break;
                        case '}' when open == '{':
                            return (j, k);
                        case '>' when open == '<' && depth == 0:
                            return (j, k);
                    }
                }
            }

            return (-1, -1);
        }
    }

    /// <summary>A JSX tag: <c>&lt;Name</c>, <c>&lt;/Name</c> (upper-case or dotted names, which HTML has none of), or a fragment <c>&lt;&gt;</c>.</summary>
    private static bool IsComponentStart(string text, int i, out string? name)
    {
        name = null;
        var j = i + 1;
        if (j < text.Length && text[j] == '/')
        {
            j++;
        }

        if (j < text.Length && text[j] == '>')
        {
            return true;
        }

        if (j >= text.Length || !char.IsAsciiLetterUpper(text[j]))
        {
            return false;
        }

        var end = j;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '.' or '_'))
        {
            end++;
        }

        if (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not '>' and not '/')
        {
            return false;
        }

        name = text[j..end];
        return true;
    }

    /// <summary><c>{#id}</c>, <c>{ #id .class }</c>, <c>{: …}</c>: an attribute list, which the heading-id extension reads.</summary>
    private static bool IsAttributeList(string text, int i)
    {
        var j = i + 1;
        while (j < text.Length && text[j] == ' ')
        {
            j++;
        }

        return j < text.Length && text[j] is '#' or '.' or ':';
    }

    private static int Balance(string line)
    {
        var depth = 0;
        foreach (var c in line)
        {
            depth += c is '{' or '(' or '[' ? 1 : c is '}' or ')' or ']' ? -1 : 0;
        }

        return depth;
    }

    /// <summary>Which lines are inside fenced code blocks (``` or ~~~), including the fences.</summary>
    private static bool[] CodeFenceLines(string[] lines)
    {
        var inCode = new bool[lines.Length];
        string? fence = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var match = Fence().Match(lines[i]);
            if (fence is null)
            {
                if (match.Success)
                {
                    fence = match.Groups["fence"].Value;
                    inCode[i] = true;
                }

                continue;
            }

            inCode[i] = true;
            if (match.Success && match.Groups["fence"].Value[0] == fence[0] && match.Groups["fence"].Length >= fence.Length && match.Groups["info"].Value.Trim().Length == 0)
            {
                fence = null;
            }
        }

        return inCode;
    }

    // Two patterns, not one alternation: alone, each is found by a fast search for its first character ('<' or '{') or for
    // line starts; together, the search stopped at every 'i' and 'e' of a page to try "import" and "export" (a thousand pages:
    // 27 ms for the one pattern, 2 ms for the two).
    [GeneratedRegex("""<[A-Z/>]|<head>|\{""")]
    private static partial Regex MdxSign();

    [GeneratedRegex("""^(import|export)\s""", RegexOptions.Multiline)]
    private static partial Regex EsmLine();

    [GeneratedRegex("""^(import|export)\s+[\w{*'"]""")]
    private static partial Regex EsmStart();

    [GeneratedRegex("""^import\s+(['"]|.*\bfrom\s*['"])""")]
    private static partial Regex ImportComplete();

    [GeneratedRegex("""^ {0,3}(?<fence>`{3,}|~{3,})(?<info>.*)$""")]
    private static partial Regex Fence();
}
