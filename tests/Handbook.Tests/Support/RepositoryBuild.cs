using Handbook.Build;

namespace Handbook.Tests.Support;

/// <summary>
/// This repository's own handbook, built once per test run under <c>--strict</c> and shared by the tests that only read
/// its output: with the sample stories, and as a plain guide (no content/stories/, a team lead's handbook).
/// </summary>
public sealed class RepositoryBuild
{
    private static readonly Lazy<RepositoryBuild> Stories = new(() => new RepositoryBuild(withStories: true), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<RepositoryBuild> Guide = new(() => new RepositoryBuild(withStories: false), LazyThreadSafetyMode.ExecutionAndPublication);

    private RepositoryBuild(bool withStories)
    {
        Project = TempProject.CopyOfRepository(withStories);
        Result = Project.Build(r => r with { Strict = true });
    }

    public static RepositoryBuild WithStories => Stories.Value;

    public static RepositoryBuild GuideOnly => Guide.Value;

    public TempProject Project { get; }

    public BuildResult Result { get; }
}
