using System.Text;
using Handbook.Tests.Support;

namespace Handbook.Tests.Robustness;

/// <summary>
/// Issue 8, privacy: a private story is absent from every byte of a public build — pages, search index, sitemap, counts,
/// comments, file names. Proven two ways: a canary in every field (and the file name) appears nowhere, and the public build is
/// byte-identical to a build of the same project without the private story at all (which also rules out leaked counts).
/// </summary>
public sealed class PrivacyTests
{
    private const string Canary = "zq7canary";

    private const string PrivateStory = $"""
        title: {Canary} title
        archetypes: [1, shipping-under-pressure]
        primary: true
        visibility: private
        tags: [{Canary}-tag, other]
        situation: {Canary} situation with a [link](https://{Canary}.example/)
        task: {Canary} task
        actions:
          - I {Canary} first
          - I {Canary} second
        result: Cut {Canary} latency by 40%
        tie_in: {Canary} tie-in
        lesson: {Canary} lesson
        """;

    private const string PublicStory = """
        title: A public story
        archetypes: [1]
        situation: Our service failed.
        task: I owned the fix.
        actions:
          - I traced it.
        result: Failures fell by 90%.
        """;

    private static TempProject Project(bool withPrivate)
    {
        var files = new Dictionary<string, string>
        {
            ["handbook.yml"] = "title: Privacy\nbase_url: https://example.org/\n",
            ["content/index.md"] = "# Home\n",
            ["content/guide.md"] = "# Guide\n\n## Archetypes\n\n### 1. Shipping under pressure\n\n- Probes: p\n- Story shape: s\n- Template: Situation [a] · Task [b] · Action [c] · Result [d]\n\n### 2. Ambiguity\n\n- Probes: p\n- Story shape: s\n- Template: Situation [a] · Task [b] · Action [c] · Result [d]\n\n## Leadership questions\n\n### Tell me about shipping (#1).\n\nUse #1.\n",
            ["content/stories/public-story.yml"] = PublicStory,
        };
        if (withPrivate)
        {
            files[$"content/stories/{Canary}-story.yml"] = PrivateStory;
        }

        return new TempProject(files);
    }

    [SkippableFact]
    public void A_private_story_leaves_no_trace_in_a_public_build()
    {
        Skip.If(!BadInputCorpusTests.StoryReaderImplemented, "needs the story reader (branch 'stories'); StoryReader is still a stub here");
        using var with = Project(withPrivate: true);
        using var without = Project(withPrivate: false);
        var a = with.Build();
        var b = without.Build();
        Assert.True(a.Succeeded, string.Join("\n", a.Diagnostics));
        Assert.True(b.Succeeded, string.Join("\n", b.Diagnostics));

        foreach (var file in with.OutputFiles())
        {
            Assert.DoesNotContain(Canary, file, StringComparison.OrdinalIgnoreCase);
            var text = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(with.Site, file)));
            Assert.False(text.Contains(Canary, StringComparison.OrdinalIgnoreCase), $"{file} holds the private story's canary");
        }

        FolderSnapshot.AssertEqual(FolderSnapshot.Take(without.Site), FolderSnapshot.Take(with.Site));
    }

    [SkippableFact]
    public void The_private_story_is_published_with_include_private_so_the_canary_scan_can_see_it()
    {
        Skip.If(!BadInputCorpusTests.StoryReaderImplemented, "needs the story reader (branch 'stories'); StoryReader is still a stub here");
        using var project = Project(withPrivate: true);
        Assert.True(project.Build(r => r with { IncludePrivate = true }).Succeeded);
        Assert.Contains(project.OutputFiles(), f => File.ReadAllText(Path.Combine(project.Site, f)).Contains(Canary, StringComparison.Ordinal));
    }

    [SkippableFact]
    public void The_drill_and_the_flash_cards_show_a_private_story_only_when_the_build_includes_it()
    {
        Skip.If(!BadInputCorpusTests.StoryReaderImplemented, "needs the story reader (branch 'stories'); StoryReader is still a stub here");
        using var project = Project(withPrivate: true);
        Assert.True(project.Build(r => r with { IncludePrivate = true }).Succeeded);
        foreach (var page in new[] { "drill.html", "cards.html" })
        {
            Assert.Contains(Canary, project.Read(page), StringComparison.Ordinal);
        }

        // The private story is archetype 1's primary, so with it the drill's question leads to it; without it, to the public one.
        Assert.Contains($"\"story\":\"{Canary}-story\"", project.Read("drill.html"), StringComparison.Ordinal);
        Assert.True(project.Build(r => r with { Force = true }).Succeeded);
        foreach (var page in new[] { "drill.html", "cards.html" })
        {
            Assert.DoesNotContain(Canary, project.Read(page), StringComparison.OrdinalIgnoreCase);
            Assert.Contains("A public story", project.Read(page), StringComparison.Ordinal);
        }

        Assert.Contains("\"story\":\"public-story\"", project.Read("drill.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_any_stories_a_public_build_never_mentions_the_canary_in_file_names_or_bytes()
    {
        // Holds on main today too: a private story file (unread by the stub reader) still must not reach the output.
        using var project = Project(withPrivate: true);
        var result = project.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        foreach (var file in project.OutputFiles())
        {
            Assert.DoesNotContain(Canary, file, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Canary, File.ReadAllText(Path.Combine(project.Site, file)), StringComparison.OrdinalIgnoreCase);
        }
    }
}
