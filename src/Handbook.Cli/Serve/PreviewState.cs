using System.Collections.Frozen;
using Handbook.Diagnostics;

namespace Handbook.Cli.Serve;

/// <summary>
/// What the preview serves right now: the last good site, and the errors of the latest build if it failed.
/// Immutable, swapped as a whole after each build, so a request always sees one consistent site.
/// </summary>
public sealed record PreviewState(FrozenDictionary<string, byte[]> Files, IReadOnlyList<Diagnostic> Errors, int Generation)
{
    public static PreviewState Empty { get; } = new(FrozenDictionary<string, byte[]>.Empty, [], 0);

    public bool HasErrors => Errors.Count > 0;
}
