using System.Collections.Concurrent;
using Handbook.Config;
using Handbook.Diagnostics;
using Handbook.Load;

namespace Handbook.Build;

/// <summary>
/// The files the last completed preview build read, so the next one reads again only those that changed. A file is read again
/// when the watcher reported it (or a folder above it), when its size or modification time differs (a missed event, a linked
/// file whose target changed), and always after handbook.yml changed or when what changed is unknown. A file that could not be
/// read is never kept: it is tried again, and its error reported again, every time.
/// </summary>
internal sealed class SourceReads
{
    private readonly Lock _gate = new();
    private IReadOnlyDictionary<string, Kept> _kept = new Dictionary<string, Kept>(StringComparer.Ordinal);
    private int _begun;
    private int _committed;

    /// <summary>A reader for one build; <paramref name="changed"/> holds project-relative paths, null when unknown (read everything).</summary>
    public Reader Begin(IReadOnlyCollection<string>? changed)
    {
        lock (_gate)
        {
            return new(++_begun, changed is null || changed.Contains(HandbookConfig.FileName) ? null : changed.ToHashSet(StringComparer.Ordinal), _kept);
        }
    }

    /// <summary>
    /// Keeps what a build that ran to its end read (a cancelled one may have read files an older edit changed since), unless a
    /// build that began later has already kept its own.
    /// </summary>
    public void Commit(Reader reader)
    {
        lock (_gate)
        {
            if (reader.Number > _committed)
            {
                _committed = reader.Number;
                _kept = reader.Read;
            }
        }
    }

    internal sealed record Kept(SourceFile File, long Length, DateTime Written);

    internal sealed class Reader(int number, HashSet<string>? changed, IReadOnlyDictionary<string, Kept> kept)
    {
        public int Number => number;

        private readonly ConcurrentDictionary<string, Kept> _read = new(StringComparer.Ordinal);

        public IReadOnlyDictionary<string, Kept> Read => _read;

        public SourceFile? ReadText(string root, string full, DiagnosticBag diagnostics)
        {
            var relative = SourceLoader.Relative(root, full);
            var info = new FileInfo(full);
            if (!info.Exists)
            {
                return SourceLoader.ReadText(root, full, diagnostics);
            }

            var (length, written) = (info.Length, info.LastWriteTimeUtc);
            if (changed is not null && !Changed(relative) && kept.TryGetValue(relative, out var same) && same.Length == length && same.Written == written)
            {
                _read[relative] = same;
                return same.File;
            }

            var errors = diagnostics.Count(Severity.Error);
            var file = SourceLoader.ReadText(root, full, diagnostics);
            if (file is not null && diagnostics.Count(Severity.Error) == errors)
            {
                _read[relative] = new Kept(file, length, written);
            }

            return file;
        }

        /// <summary>Whether the watcher reported this path or a folder above it (a folder renamed or replaced as a whole).</summary>
        private bool Changed(string relative)
        {
            for (var path = relative; ; path = path[..path.LastIndexOf('/')])
            {
                if (changed!.Contains(path))
                {
                    return true;
                }

                if (!path.Contains('/'))
                {
                    return false;
                }
            }
        }
    }
}
