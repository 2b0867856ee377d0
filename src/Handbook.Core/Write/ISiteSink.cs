namespace Handbook.Write;

/// <summary>
/// Where the write stage puts the site: <see cref="SiteWriter"/> for a folder on disk, <see cref="MemorySiteSink"/> for the
/// preview server. Nothing written becomes visible until <see cref="Commit"/>, which the pipeline calls only when the whole
/// build succeeded; disposing an uncommitted sink discards what it holds.
/// </summary>
public interface ISiteSink : IDisposable
{
    /// <summary>Writes one output file. Thread-safe: distinct pages are written in parallel.</summary>
    void Write(string relativePath, ReadOnlySpan<byte> bytes);

    /// <summary>Writes one output file through a stream, for a file too large to gather into one buffer first (the search index).</summary>
    void Write(string relativePath, Action<Stream> write);

    /// <summary>Adds a file copied unchanged from the project (an image under content/).</summary>
    void CopyFile(string relativePath, string sourceFile);

    void Commit();
}
