using AngleSharp.Dom;
using Handbook.Tests.Support;

namespace Handbook.Tests.Guide;

/// <summary>The real chapter's archetypes and questions, checked on the built HTML.</summary>
public sealed class RealGuideExtractionTests
{
    private static readonly (int Number, string Slug, string Probes)[] Archetypes =
    [
        (1, "production-debugging", "Can you diagnose a hard, ambiguous failure under pressure?"),
        (2, "ambiguity-01", "Can you build something with no prior pattern to copy?"),
        (3, "a-production-incident-you-caused", "Ownership, blamelessness, prevention."),
        (4, "disagreement-pushback", "Can you disagree with data instead of ego or title?"),
        (5, "mentoring-an-engineer", "Do you grow people, not just ship code?"),
        (6, "cross-functional-work-sales-product", "Can you align non-engineering stakeholders without breaking trust?"),
        (7, "production-scale", "Can you scale without premature complexity?"),
        (8, "a-decision-youd-make-differently", "Self-awareness and a better mental model afterward."),
        (9, "customer-empathy", "Do you design for real behavior, not lab assumptions?"),
        (10, "making-yourself-replaceable", "The senior signal — removing yourself as a single point of failure."),
    ];

    // The full question → archetype mapping of the real chapter (questions without a mapping are omitted).
    private static readonly Dictionary<string, int[]> Mapping = new()
    {
        ["Tell me about a production incident"] = [1, 3],
        ["Tell me about a hard technical decision"] = [2, 8],
        ["Tell me about a disagreement"] = [4],
        ["Tell me about mentoring someone"] = [5, 10],
        ["Tell me about working with non-engineering"] = [6],
        ["Tell me about scaling a system"] = [7],
        ["Tell me about a mistake"] = [3, 8],
        ["Tell me about a customer interaction"] = [9],
        ["Tell me about leading a team"] = [5, 6, 10],
        ["Walk through a postmortem you ran."] = [3],
        ["Tell me about a project you led end-to-end."] = [2],
        ["How do you communicate to non-technical stakeholders?"] = [6],
        ["How do you scale yourself through people?"] = [10],
        ["Tell me about mentoring someone who got promoted."] = [5],
    };

    private static RepositoryBuild Built => RepositoryBuild.GuideOnly;

    [Fact]
    public void Builds_clean()
    {
        Assert.True(Built.Result.Succeeded, string.Join("\n", Built.Result.Diagnostics));
        Assert.DoesNotContain(Built.Result.Diagnostics, d => d.Code.StartsWith("archetype", StringComparison.Ordinal));
    }

    [Fact]
    public void Ten_archetype_pages_with_number_title_and_probes()
    {
        var overview = Built.Project.Page("archetypes/index.html");
        Assert.Equal(10, overview.QuerySelectorAll(".archetype-card").Length);
        foreach (var (number, slug, probes) in Archetypes)
        {
            var page = Built.Project.Page($"archetypes/{slug}.html");
            Assert.StartsWith($"{number}. ", page.QuerySelector("article h1")!.TextContent, StringComparison.Ordinal);
            Assert.Contains(probes, page.GetElementById("probes")!.ParentElement!.TextContent, StringComparison.Ordinal);
            Assert.Contains(probes, overview.GetElementById(slug)!.TextContent, StringComparison.Ordinal);
            Assert.Equal(["Situation", "Task", "Action", "Result"], page.QuerySelectorAll(".star-template dt").Take(4).Select(dt => dt.TextContent));
            Assert.EndsWith("tie-in", page.QuerySelectorAll(".star-template dt")[4].TextContent, StringComparison.Ordinal);
        }

        Assert.Equal("3. A production incident you caused", Built.Project.Page("archetypes/a-production-incident-you-caused.html").QuerySelector("article h1")!.TextContent.Trim());
    }

    [Fact]
    public void Question_index_has_thirty_interview_and_eight_closing_questions()
    {
        var page = Built.Project.Page("questions.html");
        var toAsk = page.QuerySelectorAll(".questions-to-ask .question");
        var all = page.QuerySelectorAll(".question");
        Assert.Equal(8, toAsk.Length);
        Assert.Equal(30, all.Length - toAsk.Length);
        Assert.All(all, q => Assert.False(string.IsNullOrEmpty(q.Id)));
        Assert.Equal(all.Length, all.Select(q => q.Id).Distinct().Count());
    }

    [Fact]
    public void Question_to_archetype_mapping_is_complete()
    {
        var page = Built.Project.Page("questions.html");
        var bySlug = Archetypes.ToDictionary(a => $"archetypes/{a.Slug}.html", a => a.Number);
        var actual = new Dictionary<string, int[]>();
        foreach (var question in page.QuerySelectorAll(".question"))
        {
            var numbers = question.QuerySelectorAll(".question-archetypes a").Select(a => bySlug[a.GetAttribute("href")!]).ToArray();
            if (numbers.Length > 0)
            {
                actual[question.QuerySelector(".question-text")!.TextContent.Trim()] = numbers;
            }
        }

        Assert.Equal(Mapping.OrderBy(p => p.Key, StringComparer.Ordinal), actual.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Archetype_three_is_retrieved_by_its_three_questions_each_linked_to_the_index()
    {
        var page = Built.Project.Page("archetypes/a-production-incident-you-caused.html");
        var links = page.QuerySelectorAll(".question-links a");
        Assert.Equal(["Tell me about a production incident", "Tell me about a mistake", "Walk through a postmortem you ran."], links.Select(a => a.TextContent.Trim()));
        var index = Built.Project.Page("questions.html");
        foreach (var link in links)
        {
            var href = link.GetAttribute("href")!;
            Assert.StartsWith("../questions.html#", href, StringComparison.Ordinal);
            Assert.NotNull(index.GetElementById(href.Split('#')[1]));
        }
    }

    [Fact]
    public void Guide_references_link_to_archetype_pages_and_question_headings_link_to_the_index()
    {
        var page = Built.Project.Page("04-behavioral-and-lead.html");
        var row = page.QuerySelectorAll("table tbody tr").Last();
        Assert.Equal(["archetypes/mentoring-an-engineer.html", "archetypes/cross-functional-work-sales-product.html", "archetypes/making-yourself-replaceable.html"],
            row.QuerySelectorAll("a.archetype-ref").Select(a => a.GetAttribute("href")));
        var postmortem = page.GetElementById("walk-through-a-postmortem-you-ran")!;
        Assert.Equal("questions.html#q-walk-through-a-postmortem-you-ran", postmortem.QuerySelector("a.question-link")!.GetAttribute("href"));
        var answer = postmortem.NextElementSibling!;
        Assert.Equal("archetypes/a-production-incident-you-caused.html", answer.QuerySelector("a.archetype-ref")!.GetAttribute("href"));
    }

    [Fact]
    public void Archetype_pages_link_back_to_the_guide_and_to_neighbours()
    {
        var page = Built.Project.Page("archetypes/ambiguity-01.html");
        Assert.Equal("../04-behavioral-and-lead.html#2-ambiguity-01", page.QuerySelector(".archetype-actions a")!.GetAttribute("href"));
        Assert.Equal("production-debugging.html", page.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("a-production-incident-you-caused.html", page.QuerySelector("a[rel=next]")!.GetAttribute("href"));
    }

    [Fact]
    public void Every_page_reaches_the_archetypes_and_the_question_index()
    {
        foreach (var path in Built.Project.OutputFiles().Where(p => p.EndsWith(".html", StringComparison.Ordinal) && p != "404.html"))
        {
            IDocument page = Built.Project.Page(path);
            if (page.Body!.ClassList.Contains("sheet-body"))
            {
                // One-page sheets print without navigation; their toolbar leads home.
                Assert.Equal("index.html", page.QuerySelector(".sheet-toolbar a")!.GetAttribute("href")!.Split('/').Last());
                continue;
            }

            var targets = page.QuerySelectorAll("nav.hb-sidebar a").Select(a => a.GetAttribute("href")!.Split('/').Last()).ToList();
            Assert.Contains("questions.html", targets);
            Assert.Contains("index.html", targets);
            Assert.Contains("production-debugging.html", targets);
        }
    }
}
