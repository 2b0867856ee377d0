namespace Handbook.Diagnostics;

/// <summary>
/// Every stage reports into one bag; the build stops after a stage that recorded errors, having reported all of them.
/// Thread-safe because rendering and checking run in parallel.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly Dictionary<string, LineMap> _lineMaps = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public void Add(Diagnostic diagnostic)
    {
        lock (_gate)
        {
            if (_lineMaps.TryGetValue(diagnostic.Location.Path, out var map))
            {
                diagnostic = diagnostic with { Location = map.Map(diagnostic.Location) };
            }

            _items.Add(diagnostic);
        }
    }

    /// <summary>
    /// From now on, a diagnostic at a line of <paramref name="path"/> is reported where that line came from: the page was
    /// assembled from several files (snippet includes), and later stages only know the assembled page's lines.
    /// </summary>
    public void MapLines(string path, LineMap map)
    {
        lock (_gate)
        {
            _lineMaps[path] = map;
        }
    }

    public void Error(SourceLocation at, string code, string message) => Add(new(at, Severity.Error, code, message));

    public void Warning(SourceLocation at, string code, string message) => Add(new(at, Severity.Warning, code, message));

    public void Info(SourceLocation at, string code, string message) => Add(new(at, Severity.Info, code, message));

    public bool HasErrors
    {
        get
        {
            lock (_gate)
            {
                return _items.Exists(d => d.Severity == Severity.Error);
            }
        }
    }

    public int Count(Severity severity)
    {
        lock (_gate)
        {
            return _items.Count(d => d.Severity == severity);
        }
    }

    /// <summary>All diagnostics in a stable order: by file (ordinal), line, column, code, message.</summary>
    public IReadOnlyList<Diagnostic> Sorted()
    {
        lock (_gate)
        {
            return _items
                .Distinct()
                .OrderBy(d => d.Location.Path, StringComparer.Ordinal)
                .ThenBy(d => d.Location.Line)
                .ThenBy(d => d.Location.Column)
                .ThenBy(d => d.Code, StringComparer.Ordinal)
                .ThenBy(d => d.Message, StringComparer.Ordinal)
                .ToList();
        }
    }
}
