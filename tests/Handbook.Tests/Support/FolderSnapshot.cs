using System.Security.Cryptography;

namespace Handbook.Tests.Support;

/// <summary>Every file below a folder (relative '/'-separated path → SHA-256), to prove a folder is byte-for-byte unchanged.</summary>
public static class FolderSnapshot
{
    public static SortedDictionary<string, string> Take(string folder, Func<string, bool>? include = null)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
        {
            return files;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            if (include is null || include(relative))
            {
                files[relative] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
            }
        }

        return files;
    }

    /// <summary>Entries directly beside <paramref name="folder"/> (in its parent) whose names start with '.' + its name: staging and old folders.</summary>
    public static IReadOnlyList<string> Leftovers(string folder)
    {
        var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)))!;
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
        return Directory.EnumerateFileSystemEntries(parent, "." + name + ".*").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()!;
    }

    public static void AssertEqual(IReadOnlyDictionary<string, string> expected, IReadOnlyDictionary<string, string> actual)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (path, hash) in expected)
        {
            Assert.True(hash == actual[path], $"{path} changed");
        }
    }
}
