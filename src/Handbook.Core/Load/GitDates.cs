using System.ComponentModel;
using System.Diagnostics;

namespace Handbook.Load;

/// <summary>
/// For <c>last_updated: git</c>: the date of the last commit that touched each file under a folder, from one <c>git log</c>
/// over the folder's history (not one process per file). The commit date, not the clock or the file's mtime, so the same
/// commit builds the same bytes. No git, no repository, or an untracked file: no date, and no error.
/// </summary>
public static class GitDates
{
    private const char CommitMarker = '\u0001';

    /// <summary>Project-relative path ('/' separators) → <c>yyyy-MM-dd</c> of its last commit, for files under <paramref name="folder"/>.</summary>
    public static IReadOnlyDictionary<string, string> Read(string projectRoot, string folder)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = projectRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };

        // --relative: paths relative to the project folder even when it is a subfolder of the repository.
        // core.quotePath=false: non-ASCII file names as they are, not octal-escaped.
        foreach (var argument in new[] { "-c", "core.quotePath=false", "log", "--relative", "--no-renames", "--format=%x01%cs", "--name-only", "--", folder })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["LC_ALL"] = "C";
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return Empty;
            }

            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? Parse(output) : Empty;
        }
        catch (Win32Exception)
        {
            return Empty; // git is not installed
        }
    }

    /// <summary>Parses <c>git log --format=%x01%cs --name-only</c>: newest commit first, so a file's first date is its last change.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string log)
    {
        var dates = new Dictionary<string, string>(StringComparer.Ordinal);
        string? date = null;
        foreach (var raw in log.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length > 0 && line[0] == CommitMarker)
            {
                date = line[1..].Trim();
            }
            else if (line.Length > 0 && date is not null)
            {
                dates.TryAdd(line, date);
            }
        }

        return dates;
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();
}
