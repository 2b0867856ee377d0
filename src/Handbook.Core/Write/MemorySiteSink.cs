using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace Handbook.Write;

/// <summary>
/// Keeps the site in memory (site path → bytes), for <c>handbook serve</c>: nothing touches the disk, and the previous
/// site stays in service until a build commits a complete new one.
/// </summary>
public sealed class MemorySiteSink : ISiteSink
{
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    /// <summary>The committed site, or null while the build is running or after it failed.</summary>
    public FrozenDictionary<string, byte[]>? Files { get; private set; }

    public void Write(string relativePath, ReadOnlySpan<byte> bytes)
    {
        if (!_files.TryAdd(Normalize(relativePath), bytes.ToArray()))
        {
            throw new InvalidOperationException($"output path '{relativePath}' is written twice");
        }
    }

    public void CopyFile(string relativePath, string sourceFile) => Write(relativePath, File.ReadAllBytes(sourceFile));

    public void Commit() => Files = _files.ToFrozenDictionary(StringComparer.Ordinal);

    public void Dispose()
    {
    }

    private static string Normalize(string relativePath)
    {
        var path = relativePath.Replace('\\', '/');
        if (path.StartsWith('/') || path.Split('/').Any(part => part is ".." or "." or ""))
        {
            throw new InvalidOperationException($"output path '{relativePath}' escapes the output folder");
        }

        return path;
    }
}
