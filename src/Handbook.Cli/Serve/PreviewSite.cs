using System.Globalization;
using Handbook.Build;
using Handbook.Diagnostics;
using Handbook.Write;

namespace Handbook.Cli.Serve;

/// <summary>The outcome of one preview build, for the console line and the browser.</summary>
public sealed record RebuildReport(BuildResult Result, bool Published, int PagesRendered, string Summary);

/// <summary>
/// Builds the project into memory, again and again, sharing one <see cref="BuildCache"/> so each build re-renders only what
/// changed. A failed build keeps the last good site in service and records its errors for the overlay.
/// </summary>
public sealed class PreviewSite(string project, bool includePrivate, Config.Audience? audience = null)
{
    private readonly BuildCache _cache = new();
    private readonly Lock _gate = new();
    private PreviewState _state = PreviewState.Empty;

    public string Project { get; } = Path.GetFullPath(project);

    public PreviewState State => Volatile.Read(ref _state);

    /// <summary>The content folder the last build read (handbook.yml's <c>content_dir</c>), for the watcher.</summary>
    public string ContentDir => Volatile.Read(ref _contentDir);

    private string _contentDir = Load.SourceLoader.ContentDirOf(project);

    /// <summary>Builds; <paramref name="changed"/> (project-relative paths) only labels the report.</summary>
    public RebuildReport Rebuild(IReadOnlyCollection<string> changed)
    {
        lock (_gate)
        {
            var sink = new MemorySiteSink();
            var result = BuildPipeline.Run(new BuildRequest(Project)
            {
                Sink = sink,
                Cache = _cache,
                IncludePrivate = includePrivate,
                Audience = audience,
                LiveReload = true,
            });

            Volatile.Write(ref _contentDir, Load.SourceLoader.ContentDirOf(Project));
            var previous = State;
            var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
            var next = sink.Files is { } files
                ? new PreviewState(files, [], previous.Generation + 1)
                : previous with { Errors = errors, Generation = previous.Generation + 1 };
            Volatile.Write(ref _state, next);

            var rendered = result.PagesRendered - result.PagesReused;
            var what = changed.Count == 0 ? "built" : "rebuilt " + Describe(changed);
            var time = result.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
            var summary = sink.Files is not null
                ? $"{what} → {rendered} {(rendered == 1 ? "page" : "pages")} in {time} ms"
                : $"{what}: {errors.Count} {(errors.Count == 1 ? "error" : "errors")} in {time} ms; still serving the last good build";
            return new RebuildReport(result, sink.Files is not null, rendered, summary);
        }
    }

    private static string Describe(IReadOnlyCollection<string> changed)
    {
        var sorted = changed.Order(StringComparer.Ordinal).ToList();
        return sorted.Count <= 3 ? string.Join(", ", sorted) : $"{string.Join(", ", sorted.Take(2))} and {sorted.Count - 2} more files";
    }
}
