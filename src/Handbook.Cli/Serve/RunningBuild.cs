using System.Collections.Concurrent;
using Handbook.Write;

namespace Handbook.Cli.Serve;

/// <summary>
/// The site while it is being rebuilt. A page the current build has written is up to date and is served at once; any other
/// request waits, for its page or for <see cref="Done"/>, rather than be answered with the page as it was before the edit. So an
/// edit shows as soon as its own page is rendered, while the pages that take long (print, indexes) and the link check finish.
/// A build superseded by a newer edit is abandoned, and the requests waiting on it are answered by the next one.
/// </summary>
public sealed class RunningBuild
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private MemorySiteSink _sink = new();

    /// <summary>Completes once a build has finished and its outcome is in <see cref="PreviewSite.State"/>.</summary>
    public Task Done => _done.Task;

    /// <summary>The sink for the next build attempt (a fresh one: what an abandoned build wrote is out of date).</summary>
    internal MemorySiteSink Begin()
    {
        var sink = new MemorySiteSink(Written);
        Volatile.Write(ref _sink, sink);
        return sink;
    }

    internal void Finish() => _done.TrySetResult();

    /// <summary>
    /// The page at <paramref name="path"/> as the current build renders it, as soon as it is written; null once a build finishes
    /// without having handed it out (it does not make that page, or failed): then <see cref="PreviewSite.State"/> holds the answer.
    /// Only HTML pages are handed out early; other files (the search index, the assets) are written at the very end anyway.
    /// </summary>
    public async Task<byte[]?> PageAsync(string path, CancellationToken cancel)
    {
        if (!path.EndsWith(".html", StringComparison.Ordinal))
        {
            await Done.WaitAsync(cancel);
            return null;
        }

        while (true)
        {
            // Registered before looking, so a page written in between is not missed.
            var written = _waiting.GetOrAdd(path, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            if (Volatile.Read(ref _sink).TryGetWritten(path, out var bytes))
            {
                return bytes;
            }

            if (await Task.WhenAny(written.Task, Done).WaitAsync(cancel) == Done)
            {
                return null;
            }

            // Written, but perhaps by a build abandoned since: look again in the current one.
        }
    }

    private void Written(string path)
    {
        if (_waiting.TryRemove(path, out var waiter))
        {
            waiter.TrySetResult();
        }
    }
}
