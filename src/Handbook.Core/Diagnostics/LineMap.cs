namespace Handbook.Diagnostics;

/// <summary>
/// Where each line of a text assembled from several files came from (a page with snippets included), so a diagnostic about
/// line 40 of the assembled page names the file and line the author wrote. Lines are 1-based.
/// </summary>
public sealed class LineMap(IReadOnlyList<SourceLocation> origins)
{
    /// <summary>The origin of each assembled line: its file, line, and the columns of indentation the include added.</summary>
    public IReadOnlyList<SourceLocation> Origins { get; } = origins;

    public SourceLocation Map(SourceLocation at)
    {
        if (at.Line <= 0 || at.Line > Origins.Count)
        {
            return at;
        }

        var origin = Origins[at.Line - 1];
        var column = at.Column <= 0 ? at.Column : Math.Max(1, at.Column - origin.Column);
        return new SourceLocation(origin.Path, origin.Line, column);
    }
}
