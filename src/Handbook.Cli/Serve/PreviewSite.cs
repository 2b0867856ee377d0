using System.Globalization;
using Handbook.Build;
using Handbook.Diagnostics;
using Handbook.Write;

namespace Handbook.Cli.Serve;

/// <summary>The outcome of one preview build, for the console line and the browser.</summary>
public sealed record RebuildReport(BuildResult Result, bool Published, int PagesRendered, string Summary);

/// <summary>
/// Builds the project into memory, again and again, sharing one <see cref="BuildCache"/> so each build re-renders only what
/// changed. A failed build keeps the last good site in service and records its errors for the overlay. While a build runs,
/// <see cref="Running"/> serves each page as soon as it is rendered.
/// </summary>
public sealed class PreviewSite(string project, bool includePrivate, Config.Audience? audience = null)
{
    private readonly BuildCache _cache = new();
    private readonly Lock _gate = new();
    private PreviewState _state = PreviewState.Empty;

    public string Project { get; } = Path.GetFullPath(project);

    public PreviewState State => Volatile.Read(ref _state);

    /// <summary>The build in progress, or null between builds.</summary>
    public RunningBuild? Running => Volatile.Read(ref _running);

    private RunningBuild? _running;

    /// <summary>The content folder the last build read (handbook.yml's <c>content_dir</c>), for the watcher.</summary>
    public string ContentDir => Volatile.Read(ref _contentDir);

    private string _contentDir = Load.SourceLoader.ContentDirOf(project);

    /// <summary>
    /// Builds. <paramref name="changed"/> holds the project-relative paths changed since the last build that completed: it labels
    /// the report, and only those files (and any whose size or time differs) are read again. Null when <paramref name="superseded"/>
    /// cancelled the build (a newer edit came in): the requests waiting for it are left to the build that follows. A superseded
    /// build may still be finishing the page it was rendering when the next one starts: the cache's parts are safe to share, and
    /// only the newest build's outcome is published.
    /// </summary>
    public RebuildReport? Rebuild(IReadOnlyCollection<string> changed, CancellationToken superseded = default)
    {
        MemorySiteSink sink;
        int number;
        lock (_gate)
        {
            number = ++_started;
            var running = Running ?? new RunningBuild();
            Volatile.Write(ref _running, running);
            sink = running.Begin();
        }

        BuildResult result;
        List<Diagnostic> errors;
        var timings = StageClock.FromEnvironment();
        try
        {
            result = BuildPipeline.Run(new BuildRequest(Project)
            {
                Sink = sink,
                Cache = _cache,
                IncludePrivate = includePrivate,
                Audience = audience,
                LiveReload = true,
                MaxParallelism = Environment.ProcessorCount,
                Cancellation = superseded,
                Changed = number == 1 ? null : changed,
                Timings = timings,
            });
        }
        catch (OperationCanceledException) when (superseded.IsCancellationRequested)
        {
            return null;
        }
        catch
        {
            Finished(number);
            throw;
        }

        lock (_gate)
        {
            if (number < _published)
            {
                return null; // finished after a newer build (it was cancelled too late): that one's site stands
            }

            _published = number;
            Volatile.Write(ref _contentDir, Load.SourceLoader.ContentDirOf(Project));
            var previous = State;
            errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
            var next = sink.Files is { } files
                ? new PreviewState(files, [], previous.Generation + 1)
                : previous with { Errors = errors, Generation = previous.Generation + 1 };
            Volatile.Write(ref _state, next);
        }

        Finished(number);
        timings?.Print();
        var rendered = result.PagesRendered - result.PagesReused;
        var what = changed.Count == 0 ? "built" : "rebuilt " + Describe(changed);
        var time = result.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
        var summary = sink.Files is not null
            ? $"{what} → {rendered} {(rendered == 1 ? "page" : "pages")} in {time} ms"
            : $"{what}: {errors.Count} {(errors.Count == 1 ? "error" : "errors")} in {time} ms; still serving the last good build";
        return new RebuildReport(result, sink.Files is not null, rendered, summary);
    }

    private int _started;
    private int _published;

    /// <summary>Build <paramref name="number"/> ended: if no newer one has started, the waiting requests are answered from <see cref="State"/>.</summary>
    private void Finished(int number)
    {
        lock (_gate)
        {
            if (number == _started)
            {
                StopWaiting();
            }
        }
    }

    /// <summary>Answers the requests waiting for a build from <see cref="State"/> (after a build, or when no build will follow one abandoned).</summary>
    public void StopWaiting()
    {
        // The state first, then the waiting requests: they read it as soon as they wake.
        Interlocked.Exchange(ref _running, null)?.Finish();
    }

    private static string Describe(IReadOnlyCollection<string> changed)
    {
        var sorted = changed.Order(StringComparer.Ordinal).ToList();
        return sorted.Count <= 3 ? string.Join(", ", sorted) : $"{string.Join(", ", sorted.Take(2))} and {sorted.Count - 2} more files";
    }
}
