using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace Handbook.Write;

/// <summary>
/// Keeps the site in memory (site path → bytes), for <c>handbook serve</c>: nothing touches the disk, and the previous
/// site stays in service until a build commits a complete new one.
/// </summary>
/// <param name="written">Told each path as soon as its file is written (the preview server serves a finished page at once).</param>
public sealed class MemorySiteSink(Action<string>? written = null) : ISiteSink
{
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    /// <summary>The committed site, or null while the build is running or after it failed.</summary>
    public FrozenDictionary<string, byte[]>? Files { get; private set; }

    public void Write(string relativePath, ReadOnlySpan<byte> bytes) => Add(relativePath, bytes.ToArray());

    public void Write(string relativePath, Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        Add(relativePath, stream.ToArray());
    }

    private void Add(string relativePath, byte[] bytes)
    {
        var path = Normalize(relativePath);
        if (!_files.TryAdd(path, bytes))
        {
            throw new InvalidOperationException($"output path '{relativePath}' is written twice");
        }

        written?.Invoke(path);
    }

    /// <summary>A file this build has written so far, before it commits (the preview serves finished pages while the rest render).</summary>
    public bool TryGetWritten(string relativePath, out byte[] bytes) => _files.TryGetValue(relativePath, out bytes!);

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
