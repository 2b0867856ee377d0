using Handbook.Build;
using Handbook.Tests.Support;

namespace Handbook.Tests.Browser;

/// <summary>
/// The repository's own handbook, built once per test run, and its pages grouped into page types by path pattern so
/// that tests cover whatever pages the site has today (chapters, archetypes, sheets...) without naming them.
/// </summary>
public sealed class BuiltSite
{
    private static readonly Lazy<BuiltSite> Repository = new(() => Build(null), LazyThreadSafetyMode.ExecutionAndPublication);

    private BuiltSite(TempProject project, BuildResult result)
    {
        Project = project;
        Result = result;
    }

    /// <summary>The repository's handbook built without a base URL (the case that must work anywhere).</summary>
    public static BuiltSite OfRepository => Repository.Value;

    /// <summary>A fresh build of the repository's handbook with <paramref name="baseUrl"/> configured.</summary>
    public static BuiltSite Build(string? baseUrl)
    {
        var project = TempProject.CopyOfRepository();
        var result = project.Build(request => request with { BaseUrl = baseUrl });
        Assert.True(result.ExitCode == 0, "the repository's handbook must build: " + string.Join('\n', result.Diagnostics));
        return new BuiltSite(project, result);
    }

    public TempProject Project { get; }

    public BuildResult Result { get; }

    public string Folder => Project.Site;

    /// <summary>Every HTML page of the output, '/'-separated, ordinal-sorted.</summary>
    public IReadOnlyList<string> Pages => Project.OutputFiles().Where(f => f.EndsWith(".html", StringComparison.Ordinal)).ToList();

    /// <summary>One page per page type (the first in ordinal order), keyed by type.</summary>
    public IReadOnlyDictionary<string, string> PageTypes =>
        Pages.GroupBy(PageType, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>
    /// The type of a page from its path: a root page with a name of its own (index, questions, 404, a sheet...) is its
    /// own type, other root pages are guide chapters, and in a folder the index and the other pages are two types.
    /// </summary>
    public static string PageType(string path)
    {
        var slash = path.LastIndexOf('/');
        var name = Path.GetFileNameWithoutExtension(path);
        if (slash < 0)
        {
            return name is "index" or "404" or "questions" or "readiness" or "cheatsheet" or "print" or "drill" or "cards" ? name : "chapter";
        }

        return path[..slash] + "/" + (name == "index" ? "index" : "*");
    }

    public Uri FileUrl(string page) => new(Path.Combine(Folder, page));
}
