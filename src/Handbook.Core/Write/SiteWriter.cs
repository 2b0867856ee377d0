using Handbook.Diagnostics;
using Handbook.Load;

namespace Handbook.Write;

/// <summary>
/// The write stage. Pages go into a fresh staging folder beside the output; only when the whole build (check included)
/// succeeded is the staging folder swapped in. A failed or interrupted build leaves the previous site exactly as it was.
/// </summary>
public sealed class SiteWriter : ISiteSink
{
    /// <summary>Marks a folder as Handbook's output, so a later build may replace it.</summary>
    public const string MarkerFile = ".handbook-site";

    private const string MarkerText = "This folder is written by Handbook (handbook build). Its contents are replaced on every build.\n";

    private readonly string _output;
    private readonly string _staging;
    private bool _committed;

    private SiteWriter(string output, string staging)
    {
        _output = output;
        _staging = staging;
    }

    public string OutputFolder => _output;

    /// <summary>
    /// Checks that <paramref name="output"/> may be written and creates the staging folder; null (with an error) when it may not.
    /// </summary>
    public static SiteWriter? Open(string projectRoot, string output, bool force, DiagnosticBag diagnostics, string contentDir = Config.HandbookConfig.DefaultContentDir)
    {
        output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(output));
        projectRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(projectRoot));
        var display = SourceLoader.Relative(projectRoot, output);
        var at = SourceLocation.File(display);

        if (IsSameOrInside(projectRoot, output) || IsProtected(projectRoot, output, contentDir))
        {
            diagnostics.Error(at, "output-unsafe", $"refusing to build into '{display}': it is the project folder, contains it, or holds its content or templates; choose a separate folder such as 'site'");
            return null;
        }

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
        var staging = Path.Combine(parent, $".{Path.GetFileName(output)}.staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        return new SiteWriter(output, staging);
    }

    /// <summary>Writes one output file into staging. Thread-safe: distinct pages are written in parallel.</summary>
    public void Write(string relativePath, ReadOnlySpan<byte> bytes)
    {
        var full = Path.GetFullPath(Path.Combine(_staging, relativePath));
        if (!full.StartsWith(_staging + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"output path '{relativePath}' escapes the output folder");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        using var stream = new FileStream(full, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16 * 1024);
        stream.Write(bytes);
    }

    public void CopyFile(string relativePath, string sourceFile)
    {
        var full = Path.GetFullPath(Path.Combine(_staging, relativePath));
        if (!full.StartsWith(_staging + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"output path '{relativePath}' escapes the output folder");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.Copy(sourceFile, full);
    }

    /// <summary>Swaps the staging folder in for the output: old output aside, staging in, old output deleted.</summary>
    public void Commit()
    {
        File.WriteAllText(Path.Combine(_staging, MarkerFile), MarkerText);
        string? old = null;
        if (Directory.Exists(_output))
        {
            old = Path.Combine(Path.GetDirectoryName(_output)!, $".{Path.GetFileName(_output)}.old-{Guid.NewGuid():N}");
            Directory.Move(_output, old);
        }

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
            TryDelete(old);
        }
    }

    public void Dispose()
    {
        if (!_committed)
        {
            TryDelete(_staging);
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover staging folder is harmless: it is hidden, beside the output, and never read.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

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
