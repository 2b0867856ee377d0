using System.Threading.Channels;
using Handbook.Config;
using Handbook.Load;

namespace Handbook.Cli.Serve;

/// <summary>
/// Watches the content folder (<c>content_dir</c>, read again after every build), <c>templates/</c> and <c>handbook.yml</c>. Changes are collected until the project has been
/// quiet for <see cref="Quiet"/> (editors save in bursts: temp file, rename, attributes), then handed over as one batch.
/// </summary>
public sealed class ProjectWatcher : IDisposable
{
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(100);

    private readonly string _root;
    private readonly FileSystemWatcher _watcher;
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>();
    private readonly Func<string> _contentDir;

    /// <param name="contentDir">The project's content folder as of the last build (it moves when handbook.yml's <c>content_dir</c> does).</param>
    public ProjectWatcher(string root, Func<string>? contentDir = null)
    {
        _root = Path.GetFullPath(root);
        _contentDir = contentDir ?? (() => SourceLoader.ContentFolder);
        _watcher = new FileSystemWatcher(_root)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Changed += (_, e) => Seen(e.FullPath);
        _watcher.Created += (_, e) => Seen(e.FullPath);
        _watcher.Deleted += (_, e) => Seen(e.FullPath);
        _watcher.Renamed += (_, e) =>
        {
            Seen(e.OldFullPath);
            Seen(e.FullPath);
        };

        // Events were lost (the kernel's queue overflowed): rebuild everything rather than miss an edit.
        _watcher.Error += (_, _) => _changes.Writer.TryWrite(ContentFolderMarker);
        _watcher.EnableRaisingEvents = true;
    }

    private const string ContentFolderMarker = HandbookConfig.FileName;

    /// <summary>Waits for the next batch of changed project-relative paths.</summary>
    public async Task<IReadOnlyCollection<string>> NextAsync(CancellationToken cancel)
    {
        var batch = new SortedSet<string>(StringComparer.Ordinal) { await _changes.Reader.ReadAsync(cancel) };
        while (true)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            quiet.CancelAfter(Quiet);
            try
            {
                batch.Add(await _changes.Reader.ReadAsync(quiet.Token));
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                return batch;
            }
        }
    }

    /// <summary>Whether a change to this project-relative path can change the site (editor swap and backup files cannot).</summary>
    public static bool Matters(string relative, string contentDir = SourceLoader.ContentFolder)
    {
        var name = relative[(relative.LastIndexOf('/') + 1)..];
        if (name.StartsWith('.') || name.EndsWith('~') || name.StartsWith('#') || name.EndsWith(".swp", StringComparison.Ordinal) || name.EndsWith(".tmp", StringComparison.Ordinal))
        {
            return false;
        }

        // MkDocs' mkdocs.yml beside the content folder orders the navigation.
        var besideContent = contentDir.Contains('/') ? contentDir[..contentDir.LastIndexOf('/')] + "/" : "";
        return relative == HandbookConfig.FileName
            || SourceLoader.IsInside(relative, contentDir)
            || relative == besideContent + SourceLoader.MkDocsFileName
            || SourceLoader.IsInside(relative, SourceLoader.TemplatesFolder);
    }

    private void Seen(string fullPath)
    {
        var relative = SourceLoader.Relative(_root, fullPath);
        if (Matters(relative, _contentDir()))
        {
            _changes.Writer.TryWrite(relative);
        }
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _changes.Writer.TryComplete();
    }
}
