using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Handbook.Diagnostics;
using Handbook.Load;
using Handbook.Model;
using Handbook.Render;
using Handbook.Stories;

namespace Handbook.Build;

/// <summary>
/// What one build can hand to the next, for <c>handbook serve</c>: parsed chapters, parsed stories and the parsed theme (kept
/// with the source text they came from, so an edit is always seen) and the rendered pages with the inputs they were rendered
/// from. A build that is given a cache re-parses only the files whose text changed and re-renders only the pages whose inputs
/// changed. Builds may share a cache while one of them is being cancelled: every part is swapped whole, and only a build that
/// completes replaces the pages.
/// </summary>
public sealed class BuildCache
{
    private readonly ConcurrentDictionary<string, CachedChapter> _chapters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Text, StoryFile Read)> _stories = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Text, string Hash)> _hashes = new(StringComparer.Ordinal);
    private CachedTemplates? _templates;

    /// <summary>A process that keeps a cache rebuilds, so from now on what is derived from an unchanged object is kept with it (<see cref="Model.Derived{TKey, TValue}"/>).</summary>
    public BuildCache() => Model.DerivedValues.KeepAcrossBuilds = true;

    internal PageCache Pages { get; } = new();

    internal SourceReads Sources { get; } = new();

    /// <summary>
    /// Parses a chapter, or returns the one parsed from the same text before (replaying its diagnostics). The same object comes
    /// back while the text is unchanged, so what later stages derive from a chapter alone can be kept by it.
    /// </summary>
    internal Chapter ReadChapter(SourceFile file, string contentDir, DiagnosticBag diagnostics)
    {
        // Compared, not hashed: equal strings are found equal at memory speed, and a thousand pages are hashed no more on every save.
        if (!_chapters.TryGetValue(file.Path, out var cached) || cached.ContentDir != contentDir || !string.Equals(cached.Text, file.Text, StringComparison.Ordinal))
        {
            var own = new DiagnosticBag();
            cached = new CachedChapter(contentDir, file.Text, ChapterReader.Read(file, contentDir, own), own.Sorted());
            _chapters[file.Path] = cached;
        }

        foreach (var diagnostic in cached.Diagnostics)
        {
            diagnostics.Add(diagnostic);
        }

        return cached.Chapter;
    }

    /// <summary>Reads a story file, or returns what was read from the same text before (the same <see cref="Story"/> object).</summary>
    internal StoryFile ReadStory(SourceFile file)
    {
        if (!_stories.TryGetValue(file.Path, out var cached) || !string.Equals(cached.Text, file.Text, StringComparison.Ordinal))
        {
            cached = (file.Text, StoryReader.ReadFile(file));
            _stories[file.Path] = cached;
        }

        return cached.Read;
    }

    /// <summary>The hash of a source file's text, computed again only when the text changed (see <see cref="PageInputs"/>).</summary>
    internal string HashOf(SourceFile file)
    {
        if (!_hashes.TryGetValue(file.Path, out var cached) || !string.Equals(cached.Text, file.Text, StringComparison.Ordinal))
        {
            cached = (file.Text, Hash(file.Text));
            _hashes[file.Path] = cached;
        }

        return cached.Hash;
    }

    /// <summary>Parses the theme, or returns the one parsed from the same overrides before. A theme with errors is never kept.</summary>
    internal TemplateSet LoadTemplates(IReadOnlyDictionary<string, string> overrides, DiagnosticBag diagnostics)
    {
        var key = TemplatesKey(overrides);
        if (Volatile.Read(ref _templates) is { } cached && cached.Key == key)
        {
            return cached.Set;
        }

        var own = new DiagnosticBag();
        var set = TemplateSet.Load(overrides, own);
        foreach (var diagnostic in own.Sorted())
        {
            diagnostics.Add(diagnostic);
        }

        Volatile.Write(ref _templates, own.HasErrors ? null : new CachedTemplates(key, set));
        return set;
    }

    internal static string TemplatesKey(IReadOnlyDictionary<string, string> overrides)
    {
        var text = new StringBuilder();
        foreach (var (name, body) in overrides.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append('\0').Append(Hash(body)).Append('\0');
        }

        return Hash(text.ToString());
    }

    internal static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private sealed record CachedTemplates(string Key, TemplateSet Set);

    private sealed record CachedChapter(string ContentDir, string Text, Chapter Chapter, IReadOnlyList<Diagnostic> Diagnostics);
}
