using Handbook.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Handbook.Yaml;

/// <summary>
/// Reads one YAML document into a <see cref="YamlNode"/> tree from YamlDotNet's event parser.
/// Working from events rather than the representation model lets us refuse what a content file never needs
/// and what makes YAML dangerous: aliases (billion laughs), runaway nesting, duplicate keys, several documents.
/// </summary>
public static class YamlTreeReader
{
    /// <summary>Deeper than any story or config needs, far below anything that could exhaust the stack.</summary>
    public const int MaxDepth = 32;

    /// <summary>Returns the root node, <c>null</c> for an empty document, or reports errors and returns null.</summary>
    public static YamlNode? Read(string path, string text, DiagnosticBag diagnostics, int lineOffset = 0)
    {
        var before = diagnostics.Count(Severity.Error);
        var parser = new Parser(new StringReader(text));
        try
        {
            var reader = new EventReader(path, parser, diagnostics, lineOffset);
            var root = reader.ReadStream();
            return diagnostics.Count(Severity.Error) > before ? null : root;
        }
        catch (YamlException ex)
        {
            // YamlDotNet blames the mapping a tab broke, and for "found invalid tab as indentation" both its marks are 1:1; the tab
            // itself is what to fix. A tab in indentation before the failure is the likely cause of any failure.
            var searchTo = ex.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) ? int.MaxValue : ex.End.Line;
            if (IndentingTab(text, searchTo) is { } tab)
            {
                diagnostics.Error(new SourceLocation(path, tab.Line + lineOffset, tab.Column), "yaml-syntax", "YAML syntax error: a tab is used for indentation here; YAML indents with spaces only");
                return null;
            }

            diagnostics.Error(At(path, ex.Start, lineOffset), "yaml-syntax", $"YAML syntax error: {Describe(ex)}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner can trip over its own state on some malformed input (found by the property tests, e.g. a plain
            // scalar after tabs inside an unclosed flow sequence). It is still the input's fault: report it where parsing stopped.
            var mark = parser.Current?.End ?? Mark.Empty;
            diagnostics.Error(At(path, mark, lineOffset), "yaml-syntax", "YAML syntax error: malformed YAML near here (check brackets, quotes and indentation)");
            return null;
        }
    }

    /// <summary>The first tab in a line's leading whitespace, on or before <paramref name="lastLine"/> (1-based), if any.</summary>
    private static (int Line, int Column)? IndentingTab(string text, long lastLine)
    {
        var line = 1;
        var start = 0;
        while (start <= text.Length && line <= lastLine)
        {
            for (var i = start; i < text.Length && text[i] is ' ' or '\t'; i++)
            {
                if (text[i] == '\t')
                {
                    return (line, i - start + 1);
                }
            }

            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                break;
            }

            start = end + 1;
            line++;
        }

        return null;
    }

    internal static SourceLocation At(string path, Mark mark, int lineOffset) => new(path, (int)mark.Line + lineOffset, (int)mark.Column);

    private static string Describe(YamlException ex)
    {
        // YamlDotNet prefixes messages with "(Line: 1, Col: 2, Idx: 3) - (…): "; the location is already ours.
        var message = ex.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && cut > 0)
        {
            message = message[(cut + 3)..];
        }

        message = message.Trim().TrimEnd('.');
        return message.Length == 0 ? "malformed YAML" : char.ToLowerInvariant(message[0]) + message[1..];
    }

    private sealed class EventReader(string path, IParser parser, DiagnosticBag diagnostics, int lineOffset)
    {
        public YamlNode? ReadStream()
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            YamlNode? root = null;
            if (!parser.Accept<DocumentEnd>(out _))
            {
                root = ReadNode(1);
            }

            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var second))
            {
                diagnostics.Error(At(path, second.Start, lineOffset), "yaml-multiple-documents", "only one YAML document is allowed in this file; remove the second '---'");
            }

            return root;
        }

        private YamlNode? ReadNode(int depth)
        {
            var current = parser.Current ?? throw new YamlException("unexpected end of YAML");
            var at = At(path, current.Start, lineOffset);
            if (current is AnchorAlias)
            {
                parser.MoveNext();
                diagnostics.Error(at, "yaml-alias", "YAML aliases (*name) are not allowed in content files; write the value out");
                return null;
            }

            if (current is NodeEvent { Anchor.IsEmpty: false } && current is not SequenceEnd and not MappingEnd)
            {
                diagnostics.Error(at, "yaml-alias", "YAML anchors (&name) are not allowed in content files; write the value out");
            }

            if (depth > MaxDepth)
            {
                diagnostics.Error(at, "yaml-too-deep", $"YAML nested deeper than {MaxDepth} levels");
                SkipNode();
                return null;
            }

            switch (current)
            {
                case Scalar scalar:
                    parser.MoveNext();
                    return new YamlScalar(at, scalar.Value, scalar.Style is ScalarStyle.Plain or ScalarStyle.Any);
                case SequenceStart:
                    {
                        parser.MoveNext();
                        var items = new List<YamlNode>();
                        while (!parser.TryConsume<SequenceEnd>(out _))
                        {
                            var item = ReadNode(depth + 1);
                            if (item is not null)
                            {
                                items.Add(item);
                            }
                        }

                        return new YamlSequence(at, items);
                    }

                case MappingStart:
                    {
                        parser.MoveNext();
                        var entries = new List<YamlEntry>();
                        var seen = new HashSet<string>(StringComparer.Ordinal);
                        while (!parser.TryConsume<MappingEnd>(out _))
                        {
                            var keyNode = ReadNode(depth + 1);
                            var value = ReadNode(depth + 1);
                            if (keyNode is not YamlScalar key)
                            {
                                if (keyNode is not null)
                                {
                                    diagnostics.Error(keyNode.Location, "yaml-complex-key", "mapping keys must be plain text");
                                }

                                continue;
                            }

                            if (!seen.Add(key.Value))
                            {
                                diagnostics.Error(key.Location, "yaml-duplicate-key", $"duplicate key '{key.Value}'");
                                continue;
                            }

                            entries.Add(new YamlEntry(key, value ?? new YamlScalar(key.Location, "", IsPlain: true)));
                        }

                        return new YamlMapping(at, entries);
                    }

                default:
                    throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}");
            }
        }

        /// <summary>Skips a whole subtree without building it (iteratively, so a nesting bomb costs no stack).</summary>
        private void SkipNode()
        {
            var open = 0;
            do
            {
                var e = parser.Current ?? throw new YamlException("unexpected end of YAML");
                open += e.NestingIncrease;
                parser.MoveNext();
            }
            while (open > 0);
        }
    }
}
