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
    /// <summary>
    /// An editor's save lands within a few milliseconds (vim: probe file, rename, write, attributes); a person saves again seconds
    /// later. Every millisecond here is added to every edit's latency, and a burst split in two costs only a cancelled build: the
    /// rest of the burst arrives long before that build has rendered a page (see <see cref="RunningBuild"/>).
    /// </summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(10);

    private readonly TimeSpan _quiet;

    private readonly string _root;
    private readonly FileSystemWatcher _watcher;
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>();
    private readonly Func<string> _contentDir;

    /// <param name="contentDir">The project's content folder as of the last build (it moves when handbook.yml's <c>content_dir</c> does).</param>
    /// <param name="quiet">How long the project must be quiet to end a batch (default <see cref="Quiet"/>).</param>
    public ProjectWatcher(string root, Func<string>? contentDir = null, TimeSpan? quiet = null)
    {
        _quiet = quiet ?? Quiet;
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
            quiet.CancelAfter(_quiet);
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

    /// <summary>
    /// Whether a change to this project-relative path can change the site. Editors' temporary files cannot, and would
    /// otherwise trigger a rebuild and show up in its "rebuilt …" line: hidden files (vim's <c>.x.swp</c>, Emacs's lock
    /// <c>.#x</c>), backups (<c>x~</c>), Emacs autosaves (<c>#x#</c>), vim's write probe <c>4913</c>, <c>*.swp</c>,
    /// <c>*.tmp</c>, JetBrains' <c>*___jb_tmp___</c>, and <c>sed -i</c>'s <c>sedXXXXXX</c>.
    /// </summary>
    public static bool Matters(string relative, string contentDir = SourceLoader.ContentFolder)
    {
        var name = relative[(relative.LastIndexOf('/') + 1)..];
        if (IsEditorTemporary(name))
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

    private static bool IsEditorTemporary(string name) =>
        name.StartsWith('.') || name.StartsWith('#') || name.EndsWith('~')
        || name == "4913"
        || name.EndsWith(".swp", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".swx", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase) || name.EndsWith("___jb_tmp___", StringComparison.Ordinal)
        || name.EndsWith("___jb_old___", StringComparison.Ordinal)
        || (name.Length == 9 && name.StartsWith("sed", StringComparison.Ordinal) && name.AsSpan(3).IndexOfAnyExcept(AsciiLettersAndDigits) < 0);

    private static readonly System.Buffers.SearchValues<char> AsciiLettersAndDigits =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

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
