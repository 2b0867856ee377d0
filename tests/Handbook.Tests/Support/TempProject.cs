using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Handbook.Build;

namespace Handbook.Tests.Support;

/// <summary>A handbook project in a temporary folder, written from inline files, built, and its output parsed with AngleSharp.</summary>
public sealed class TempProject : IDisposable
{
    public const string MinimalConfig = "title: Test handbook\n";

    public TempProject(IReadOnlyDictionary<string, string>? files = null, bool withConfig = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "handbook-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        if (withConfig && (files is null || !files.ContainsKey("handbook.yml")))
        {
            Write("handbook.yml", MinimalConfig);
        }

        foreach (var (path, text) in files ?? new Dictionary<string, string>())
        {
            Write(path, text);
        }
    }

    public string Root { get; }

    public string Site => Path.Combine(Root, "site");

    /// <summary>A copy of this repository's own handbook (handbook.yml, content/).</summary>
    public static TempProject CopyOfRepository(bool withStories = true)
    {
        var project = new TempProject(withConfig: false);
        var repo = RepositoryRoot();
        File.Copy(Path.Combine(repo, "handbook.yml"), Path.Combine(project.Root, "handbook.yml"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(repo, "content"), "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(repo, file);
            if (!withStories && relative.Replace('\\', '/').StartsWith("content/stories/", StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(project.Root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return project;
    }

    /// <summary>A copy of the fixture project <c>tests/fixtures/NAME</c>.</summary>
    public static TempProject CopyOfFixture(string name)
    {
        var project = new TempProject(withConfig: false);
        var source = Path.Combine(RepositoryRoot(), "tests", "fixtures", name);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(project.Root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return project;
    }

    public static string RepositoryRoot()
    {
        var folder = AppContext.BaseDirectory;
        while (folder is not null && !File.Exists(Path.Combine(folder, "Handbook.sln")))
        {
            folder = Path.GetDirectoryName(folder);
        }

        return folder ?? throw new InvalidOperationException("Handbook.sln not found above the test binaries");
    }

    public TempProject Write(string path, string text)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return this;
    }

    public TempProject WriteBytes(string path, byte[] bytes)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return this;
    }

    public BuildResult Build(Func<BuildRequest, BuildRequest>? configure = null)
    {
        var request = new BuildRequest(Root);
        return BuildPipeline.Run(configure is null ? request : configure(request));
    }

    public BuildResult Check() => BuildPipeline.Run(new BuildRequest(Root) { WriteOutput = false, IncludePrivate = true });

    public bool Exists(string sitePath) => File.Exists(Path.Combine(Site, sitePath));

    public string Read(string sitePath) => File.ReadAllText(Path.Combine(Site, sitePath));

    public IDocument Page(string sitePath) => new HtmlParser().ParseDocument(Read(sitePath));

    /// <summary>Every file of the output, relative, '/'-separated, ordinal-sorted.</summary>
    public IReadOnlyList<string> OutputFiles() => Directory.Exists(Site)
        ? Directory.EnumerateFiles(Site, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Site, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList()
        : [];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
