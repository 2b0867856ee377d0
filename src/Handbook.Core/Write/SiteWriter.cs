using Handbook.Diagnostics;
using Handbook.Load;

namespace Handbook.Write;

/// <summary>
/// The write stage. Pages go into a fresh staging folder beside the output; only when the whole build (check included)
/// succeeded is the staging folder swapped in. A failed or interrupted build leaves the previous site exactly as it was.
/// </summary>
/// <remarks>
/// Beside an output <c>site</c> live only <c>.site.staging-ID</c> (a build in progress) and <c>.site.old-ID</c> (the previous site
/// during the swap), both carrying <see cref="MarkerFile"/>; one ignore pattern covers them: <c>.site.*/</c>. A build killed
/// mid-way (SIGKILL, power loss) can leave them behind; every build first tidies them (<see cref="Recover"/>): a site moved
/// aside but never replaced is moved back, and leftovers that carry the marker and no live build's lock are deleted.
/// </remarks>
public sealed class SiteWriter : ISiteSink
{
    /// <summary>Marks a folder as Handbook's output, so a later build may replace it.</summary>
    public const string MarkerFile = ".handbook-site";

    private const string MarkerText = "This folder is written by Handbook (handbook build). Its contents are replaced on every build.\n";
    private const string StagingInfix = ".staging-";
    private const string OldInfix = ".old-";

    private readonly string _output;
    private readonly string _staging;
    private readonly Action? _betweenRenames;
    private FileStream? _lock;
    private bool _committed;

    private SiteWriter(string output, string staging, FileStream lockStream, Action? betweenRenames)
    {
        _output = output;
        _staging = staging;
        _lock = lockStream;
        _betweenRenames = betweenRenames;
    }

    public string OutputFolder => _output;

    /// <summary>
    /// Checks that <paramref name="output"/> may be written and creates the staging folder; null (with an error) when it may not.
    /// <paramref name="betweenRenames"/> is a test hook run between moving the old site aside and moving the new one in.
    /// </summary>
    public static SiteWriter? Open(string projectRoot, string output, bool force, DiagnosticBag diagnostics, Action? betweenRenames = null, string contentDir = Config.HandbookConfig.DefaultContentDir)
    {
        output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(output));
        projectRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(projectRoot));
        var display = SourceLoader.Relative(projectRoot, output);
        var at = SourceLocation.File(display);

        if (!IsSafe(projectRoot, output, contentDir))
        {
            diagnostics.Error(at, "output-unsafe", $"refusing to build into '{display}': it is the project folder, contains it, or holds its content or templates; choose a separate folder such as 'site'");
            return null;
        }

        Tidy(output);
        if (Directory.Exists(output) && !File.Exists(Path.Combine(output, MarkerFile)) && Directory.EnumerateFileSystemEntries(output).Any() && !force)
        {
            diagnostics.Error(at, "output-not-owned", $"refusing to build into '{display}': it holds files Handbook did not write; choose an empty folder, or pass --force to replace it");
            return null;
        }

        if (File.Exists(output))
        {
            diagnostics.Error(at, "output-unsafe", $"refusing to build into '{display}': it is a file");
            return null;
        }

        var parent = Path.GetDirectoryName(output) ?? throw new InvalidOperationException("output has no parent folder");
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(output)}{StagingInfix}{Guid.NewGuid():N}");

        // The marker goes in first, so a staging folder a killed build leaves behind is recognisably ours; it stays open and locked
        // while this build runs, so another build's tidying never deletes a staging folder still in use. Tidying does remove an
        // empty staging folder (a build killed before its marker was written); should it take this one in that instant, make it again.
        FileStream? marker = null;
        for (var attempt = 0; marker is null; attempt++)
        {
            Directory.CreateDirectory(staging);
            try
            {
                marker = new FileStream(Path.Combine(staging, MarkerFile), FileMode.CreateNew, FileAccess.Write, FileShare.None);
            }
            catch (DirectoryNotFoundException) when (attempt < 3)
            {
            }
        }

        marker.Write(System.Text.Encoding.UTF8.GetBytes(MarkerText));
        marker.Flush();
        return new SiteWriter(output, staging, marker, betweenRenames);
    }

    /// <summary>
    /// Repairs what an interrupted build left beside <paramref name="output"/>: if the output is missing but a previous site was moved
    /// aside, it is moved back; staging folders of dead builds and old sites are deleted. Only folders named for this output and
    /// carrying <see cref="MarkerFile"/> are touched, and nothing at all when the output is not a safe place to build.
    /// </summary>
    public static void Recover(string projectRoot, string output, string contentDir = Config.HandbookConfig.DefaultContentDir)
    {
        output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(output));
        projectRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(projectRoot));
        if (IsSafe(projectRoot, output, contentDir))
        {
            Tidy(output);
        }
    }

    /// <summary>Writes one output file into staging. Thread-safe: distinct pages are written in parallel.</summary>
    public void Write(string relativePath, ReadOnlySpan<byte> bytes)
    {
        using var stream = Create(relativePath);
        stream.Write(bytes);
    }

    public void Write(string relativePath, Action<Stream> write)
    {
        using var stream = Create(relativePath);
        write(stream);
    }

    private FileStream Create(string relativePath) =>
        new(StagedPath(relativePath), FileMode.CreateNew, FileAccess.Write, FileShare.None, 16 * 1024);

    /// <summary>
    /// Where an output file goes in staging, its folder made. A path that would leave staging is a bug, not content. Each folder is
    /// made once: asking the file system for it again for every page (it exists) was a tenth of the time a thousand pages took to
    /// write.
    /// </summary>
    private string StagedPath(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(_staging, relativePath));
        if (!full.StartsWith(_staging + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"output path '{relativePath}' escapes the output folder");
        }

        var folder = Path.GetDirectoryName(full)!;
        if (!_folders.ContainsKey(folder))
        {
            Directory.CreateDirectory(folder);
            _folders.TryAdd(folder, 0);
        }

        return full;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _folders = new(StringComparer.Ordinal);

    public void CopyFile(string relativePath, string sourceFile) => File.Copy(sourceFile, StagedPath(relativePath));

    /// <summary>
    /// Swaps the staging folder in for the output: old output aside, staging in, old output deleted. Should the process die between
    /// the two moves, the next build's <see cref="Recover"/> moves the old site back.
    /// </summary>
    public void Commit()
    {
        // Unlocked before the moves: Windows cannot move a folder holding an open file.
        _lock?.Dispose();
        _lock = null;
        string? old = null;
        if (Directory.Exists(_output))
        {
            old = Path.Combine(Path.GetDirectoryName(_output)!, $".{Path.GetFileName(_output)}{OldInfix}{Guid.NewGuid():N}");
            Directory.Move(_output, old);
        }

        _betweenRenames?.Invoke();
        try
        {
            Directory.Move(_staging, _output);
        }
        catch
        {
            if (old is not null)
            {
                Directory.Move(old, _output);
            }

            throw;
        }

        _committed = true;
        if (old is not null)
        {
            DeleteOwned(old);
        }
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
        if (!_committed)
        {
            DeleteOwned(_staging);
        }
    }

    /// <summary>See <see cref="Recover"/>.</summary>
    private static void Tidy(string output)
    {
        var parent = Path.GetDirectoryName(output);
        if (parent is null || !Directory.Exists(parent))
        {
            return;
        }

        var prefix = "." + Path.GetFileName(output);
        var leftovers = new List<(string Path, bool IsOld)>();
        try
        {
            // The name's own '*' or '?' would be wildcards: then every folder is listed and the names are compared below.
            foreach (var folder in Directory.EnumerateDirectories(parent, prefix.AsSpan().IndexOfAny('*', '?') >= 0 ? "*" : prefix + ".*"))
            {
                var name = Path.GetFileName(folder);
                var isOld = name.StartsWith(prefix + OldInfix, StringComparison.Ordinal);
                if ((isOld || name.StartsWith(prefix + StagingInfix, StringComparison.Ordinal)) && IsOwnedFolder(folder))
                {
                    leftovers.Add((folder, isOld));
                }
                else if (name.StartsWith(prefix + StagingInfix, StringComparison.Ordinal) && IsEmptyRealFolder(folder))
                {
                    // A build killed between making its staging folder and writing the marker: nothing in it to lose. A non-recursive
                    // delete fails (and is ignored) if a live build's marker appears meanwhile.
                    try
                    {
                        Directory.Delete(folder, recursive: false);
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                    {
                    }
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return;
        }

        if (!Directory.Exists(output) && !File.Exists(output))
        {
            // The process died between the two moves of a swap: the previous site is the old folder (the newest, should deleting
            // older ones have failed before).
            var moved = leftovers.Where(l => l.IsOld).OrderByDescending(l => Directory.GetLastWriteTimeUtc(l.Path)).Select(l => l.Path).FirstOrDefault();
            if (moved is not null)
            {
                try
                {
                    Directory.Move(moved, output);
                    leftovers.RemoveAll(l => l.Path == moved);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    return;
                }
            }
        }

        foreach (var (folder, isOld) in leftovers)
        {
            if (isOld || !IsLocked(Path.Combine(folder, MarkerFile)))
            {
                DeleteOwned(folder);
            }
        }
    }

    private static bool IsEmptyRealFolder(string folder) =>
        !new DirectoryInfo(folder).Attributes.HasFlag(FileAttributes.ReparsePoint) && !Directory.EnumerateFileSystemEntries(folder).Any();

    /// <summary>A real folder (not a link to one) with Handbook's marker in it.</summary>
    private static bool IsOwnedFolder(string folder) =>
        !new DirectoryInfo(folder).Attributes.HasFlag(FileAttributes.ReparsePoint) && File.Exists(Path.Combine(folder, MarkerFile));

    /// <summary>True while a running build holds the marker of its staging folder open.</summary>
    private static bool IsLocked(string marker)
    {
        try
        {
            using var probe = new FileStream(marker, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    /// <summary>
    /// Deletes a folder of Handbook's own (staging, or an old site). A site someone made read-only (<c>chmod -R a-w site</c>) is
    /// made writable first: it has already been replaced, and left alone it would stay behind as a full copy on every build.
    /// </summary>
    private static void DeleteOwned(string folder)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }

                return;
            }
            catch (Exception ex) when (attempt == 0 && ex is IOException or UnauthorizedAccessException)
            {
                MakeWritable(folder);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Still undeletable (owned by another user): the next build tries again. It is hidden, beside the output, and never read.
            }
        }
    }

    private static void MakeWritable(string folder)
    {
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.TryPop(out var current))
        {
            try
            {
                var info = new DirectoryInfo(current);
                if (info.Attributes.HasFlag(FileAttributes.ReparsePoint))
                {
                    continue;
                }

                if (OperatingSystem.IsWindows())
                {
                    foreach (var file in info.EnumerateFiles())
                    {
                        file.Attributes &= ~FileAttributes.ReadOnly;
                    }
                }
                else
                {
                    info.UnixFileMode |= UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
                }

                foreach (var child in info.EnumerateDirectories())
                {
                    pending.Push(child.FullName);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }
        }
    }

    private static bool IsSafe(string projectRoot, string output, string contentDir) => !IsSameOrInside(projectRoot, output) && !IsProtected(projectRoot, output, contentDir);

    private static bool IsSameOrInside(string folder, string candidateAncestor) =>
        string.Equals(folder, candidateAncestor, StringComparison.Ordinal)
        || folder.StartsWith(candidateAncestor + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static bool IsProtected(string projectRoot, string output, string contentDir)
    {
        foreach (var name in new[] { contentDir, SourceLoader.TemplatesFolder })
        {
            var folder = Path.Combine(projectRoot, name);
            if (IsSameOrInside(output, folder) || IsSameOrInside(folder, output))
            {
                return true;
            }
        }

        return false;
    }
}
