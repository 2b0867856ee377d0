using Handbook.Diagnostics;

namespace Handbook.Build;

/// <summary>The outcome of a build: exit code (0 ok, 1 content errors, 2 usage), every diagnostic, and what was produced.</summary>
public sealed record BuildResult(
    int ExitCode,
    IReadOnlyList<Diagnostic> Diagnostics,
    int PagesRendered,
    int FilesWritten,
    TimeSpan Elapsed,
    string? OutputFolder)
{
    /// <summary>Pages taken unchanged from the previous build (see <see cref="BuildCache"/>), not rendered again.</summary>
    public int PagesReused { get; init; }

    public bool Succeeded => ExitCode == 0;

    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);
}
