using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Handbook.Diagnostics;
using Handbook.Load;
using Handbook.Model;
using Handbook.Render;

namespace Handbook.Build;

/// <summary>
/// What one build can hand to the next, for <c>handbook serve</c>: parsed chapters and the parsed theme (keyed by their
/// source text, so an edit is always seen) and the rendered pages with the inputs they were rendered from. A build that
/// is given a cache re-renders only the pages whose inputs changed. Builds sharing a cache must run one at a time.
/// </summary>
public sealed class BuildCache
{
    private readonly ConcurrentDictionary<string, CachedChapter> _chapters = new(StringComparer.Ordinal);
    private (string Key, TemplateSet Set)? _templates;

    internal PageCache Pages { get; } = new();

    /// <summary>Parses a chapter, or returns the one parsed from the same text before (replaying its diagnostics).</summary>
    internal Chapter ReadChapter(SourceFile file, string contentDir, DiagnosticBag diagnostics)
    {
        var hash = Hash(contentDir + "\0" + file.Text);
        if (!_chapters.TryGetValue(file.Path, out var cached) || cached.Hash != hash)
        {
            var own = new DiagnosticBag();
            cached = new CachedChapter(hash, ChapterReader.Read(file, contentDir, own), own.Sorted());
            _chapters[file.Path] = cached;
        }

        foreach (var diagnostic in cached.Diagnostics)
        {
            diagnostics.Add(diagnostic);
        }

        return cached.Chapter;
    }

    /// <summary>Parses the theme, or returns the one parsed from the same overrides before. A theme with errors is never kept.</summary>
    internal TemplateSet LoadTemplates(IReadOnlyDictionary<string, string> overrides, DiagnosticBag diagnostics)
    {
        var key = TemplatesKey(overrides);
        if (_templates is { } cached && cached.Key == key)
        {
            return cached.Set;
        }

        var own = new DiagnosticBag();
        var set = TemplateSet.Load(overrides, own);
        foreach (var diagnostic in own.Sorted())
        {
            diagnostics.Add(diagnostic);
        }

        _templates = own.HasErrors ? null : (key, set);
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

    private sealed record CachedChapter(string Hash, Chapter Chapter, IReadOnlyList<Diagnostic> Diagnostics);
}
