using System.Globalization;
using Handbook.Diagnostics;

namespace Handbook.Cli.Serve;

/// <summary>What one preview build should print about its diagnostics, given what was printed before.</summary>
/// <param name="Listed">Printed in full: every new error, and new warnings when there are few of them.</param>
/// <param name="Summary">One clause for the build's line (<c>70 warnings (63 placeholder, 7 no-lesson): …</c>), or null when nothing changed.</param>
public sealed record DiagnosticsReport(IReadOnlyList<Diagnostic> Listed, string? Summary);

/// <summary>
/// Keeps <c>serve</c>'s console short while the user edits: a save prints only the findings it added (every new error; new
/// warnings in full only when there are at most <see cref="MaxListed"/>) and one clause with the warning count when it
/// changed. A warning left alone is never printed again. <c>check</c> and the page overlay keep the full detail.
/// Findings are compared by file, severity, code and message, not line, so inserting a line above them is no change.
/// </summary>
public sealed class DiagnosticsDelta
{
    public const int MaxListed = 10;

    private Dictionary<(string Path, Severity Severity, string Code, string Message), int>? _previous;
    private int _previousWarnings;

    public DiagnosticsReport Next(IReadOnlyList<Diagnostic> diagnostics)
    {
        var first = _previous is null;
        var remaining = new Dictionary<(string, Severity, string, string), int>(_previous ?? []);
        var added = new List<Diagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            var key = Key(diagnostic);
            if (remaining.TryGetValue(key, out var count) && count > 0)
            {
                remaining[key] = count - 1;
            }
            else
            {
                added.Add(diagnostic);
            }
        }

        var current = new Dictionary<(string, Severity, string, string), int>();
        foreach (var diagnostic in diagnostics)
        {
            current[Key(diagnostic)] = current.GetValueOrDefault(Key(diagnostic)) + 1;
        }

        _previous = current;
        var warnings = diagnostics.Where(d => d.Severity != Severity.Error).ToList();
        var addedWarnings = added.Where(d => d.Severity != Severity.Error).ToList();
        var listWarnings = addedWarnings.Count <= MaxListed;
        var listed = added.Where(d => d.Severity == Severity.Error || listWarnings).ToList();

        var before = _previousWarnings;
        _previousWarnings = warnings.Count;
        var fixedCount = before + addedWarnings.Count - warnings.Count;
        string? summary = null;
        if (first && warnings.Count > 0 && !listWarnings)
        {
            summary = $"{Count(warnings.Count, "warning")} ({ByCode(warnings)}): 'handbook check' lists each one";
        }
        else if (!first && (addedWarnings.Count > 0 || fixedCount > 0))
        {
            var changes = new List<string>();
            if (addedWarnings.Count > 0)
            {
                changes.Add(listWarnings ? $"{N(addedWarnings.Count)} new" : $"{N(addedWarnings.Count)} new ({ByCode(addedWarnings)}; 'handbook check' lists them)");
            }

            if (fixedCount > 0)
            {
                changes.Add($"{N(fixedCount)} fixed");
            }

            summary = $"{Count(warnings.Count, "warning")} ({string.Join(", ", changes)})";
        }

        return new DiagnosticsReport(listed, summary);
    }

    private static (string, Severity, string, string) Key(Diagnostic d) => (d.Location.Path, d.Severity, d.Code, d.Message);

    private static string ByCode(IEnumerable<Diagnostic> diagnostics) => string.Join(", ", diagnostics
        .GroupBy(d => d.Code, StringComparer.Ordinal)
        .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => $"{N(g.Count())} {g.Key}"));

    private static string Count(int count, string word) => $"{N(count)} {word}{(count == 1 ? "" : "s")}";

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
