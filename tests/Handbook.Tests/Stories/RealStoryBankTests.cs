using Handbook.Build;
using Handbook.Tests.Support;

namespace Handbook.Tests.Stories;

/// <summary>This repository's own handbook: ten sample stories, one per archetype, that build clean under --strict.</summary>
public sealed class RealStoryBankTests
{
    private static RepositoryBuild Built => RepositoryBuild.WithStories;

    [Fact]
    public void The_sample_stories_build_clean_under_strict()
    {
        Assert.True(Built.Result.Succeeded, string.Join("\n", Built.Result.Diagnostics));
        Assert.DoesNotContain(Built.Result.Diagnostics, d => d.Severity != Handbook.Diagnostics.Severity.Info);
    }

    [Theory]
    [InlineData("q-tell-me-about-a-production-incident", "production-debugging", "flaky-ci-race")]
    [InlineData("q-tell-me-about-a-hard-technical-decision", "ambiguity-01", "eval-platform-zero-to-one")]
    [InlineData("q-tell-me-about-a-disagreement", "disagreement-pushback", "vector-db-pushback")]
    [InlineData("q-tell-me-about-mentoring-someone", "mentoring-an-engineer", "mentoring-perfectionist")]
    [InlineData("q-tell-me-about-working-with-non-engineering", "cross-functional-work-sales-product", "enterprise-sso-commitment")]
    [InlineData("q-tell-me-about-scaling-a-system", "production-scale", "inference-gateway-scale")]
    [InlineData("q-tell-me-about-a-mistake", "a-production-incident-you-caused", "config-push-outage")]
    [InlineData("q-tell-me-about-a-customer-interaction", "customer-empathy", "support-bot-real-users")]
    [InlineData("q-tell-me-about-leading-a-team", "mentoring-an-engineer", "mentoring-perfectionist")]
    public void Each_retrieval_question_leads_to_the_primary_story_of_its_first_archetype(string question, string archetype, string story)
    {
        var page = Built.Project.Page("questions.html");
        var link = page.GetElementById(question)!.QuerySelector(".question-story a")!;
        var href = $"archetypes/{archetype}.html#story-{story}";
        Assert.Equal(href, link.GetAttribute("href"));
        Assert.NotNull(Built.Project.Page($"archetypes/{archetype}.html").GetElementById("story-" + story));

        var readiness = Built.Project.Page("readiness.html");
        Assert.Contains(readiness.QuerySelectorAll(".readiness-questions a"), a => a.GetAttribute("href") == href);
    }

    [Fact]
    public void Every_archetype_has_its_story_and_the_readiness_page_says_so()
    {
        var readiness = Built.Project.Page("readiness.html");
        Assert.Equal("10 of 10 archetypes have a story, 0 warnings", readiness.QuerySelector(".readiness-summary strong")!.TextContent);
        Assert.Equal(10, readiness.QuerySelectorAll(".readiness-archetype").Length);
        Assert.Empty(readiness.QuerySelectorAll(".diagnostic"));
        Assert.Empty(readiness.QuerySelectorAll(".readiness-archetype .no-story"));
        Assert.Empty(readiness.QuerySelectorAll(".readiness-questions .no-story"));
    }

    [Fact]
    public void Every_sample_result_has_an_emphasised_number()
    {
        var stories = Directory.EnumerateFiles(Path.Combine(Built.Project.Site, "archetypes"), "*.html")
            .Select(f => Built.Project.Page("archetypes/" + Path.GetFileName(f)))
            .SelectMany(p => p.QuerySelectorAll("article.story"))
            .ToList();
        Assert.Equal(10, stories.Count);
        Assert.All(stories, s => Assert.NotEmpty(s.QuerySelectorAll("dd.result strong.num")));
    }

    [Fact]
    public void A_guide_without_a_story_bank_builds_as_a_plain_guide()
    {
        using var project = TempProject.CopyOfRepository(withStories: false);
        var result = project.Build(r => r with { Strict = true });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        Assert.False(project.Exists("readiness.html"));
        Assert.DoesNotContain("readiness.html", project.Read("index.html"), StringComparison.Ordinal);

        var archetype = project.Page("archetypes/production-debugging.html");
        Assert.Null(archetype.GetElementById("stories"));
        Assert.Empty(archetype.QuerySelectorAll(".story, .no-story"));
        Assert.Empty(project.Page("questions.html").QuerySelectorAll(".question-story"));
        Assert.DoesNotContain("stor", project.Page("archetypes/index.html").QuerySelector(".archetype-meta")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_story_folder_is_a_story_bank_with_everything_uncovered()
    {
        using var project = TempProject.CopyOfRepository(withStories: false);
        Directory.CreateDirectory(Path.Combine(project.Root, "content", "stories"));
        var result = project.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(10, result.Diagnostics.Count(d => d.Code == "archetype-uncovered"));
        Assert.Equal("0 of 10 archetypes have a story, 0 warnings", project.Page("readiness.html").QuerySelector(".readiness-summary strong")!.TextContent);
    }
}
