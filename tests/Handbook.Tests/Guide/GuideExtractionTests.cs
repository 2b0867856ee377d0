using Handbook.Diagnostics;
using Handbook.Guide;
using Handbook.Load;
using Handbook.Model;

namespace Handbook.Tests.Guide;

public sealed class GuideExtractionTests
{
    private static (GuideExtraction Guide, IReadOnlyList<Diagnostic> Diagnostics) Extract(string markdown)
    {
        var diagnostics = new DiagnosticBag();
        var chapter = ChapterReader.Read(new SourceFile("content/guide.md", markdown), diagnostics);
        var guide = GuideExtractor.Extract([chapter], diagnostics);
        return (guide, diagnostics.Sorted());
    }

    private const string TwoArchetypes = """
        # Guide

        ## Archetypes

        ### 1. Shipping under pressure

        - Probes: Can you ship?
        - Story shape: You shipped.
        - Template: Situation [the deadline] · Task [ship it] · Action [what you cut] · Result [shipped + a metric] · Lead tie-in: trade-offs made visible.

        ### 2. Ambiguity / 0→1

        - Probes: Greenfield.
        - Story shape: You built it.
        - Template: Situation [the need] · Task [build] · Action [options] · Result [adoption] · Growth tie-in: kept learning.
        """;

    [Fact]
    public void Numbered_subheadings_of_an_archetype_section_are_archetypes()
    {
        var (guide, diagnostics) = Extract(TwoArchetypes);
        Assert.Empty(diagnostics);
        Assert.Equal([1, 2], guide.Archetypes.Select(a => a.Number));
        var first = guide.Archetypes[0];
        Assert.Equal("Shipping under pressure", first.Title);
        Assert.Equal("shipping-under-pressure", first.Slug);
        Assert.Equal("Can you ship?", first.Probes);
        Assert.Equal("You shipped.", first.StoryShape);
        Assert.Equal(["Situation", "Task", "Action", "Result"], first.Template.Select(p => p.Name));
        Assert.Equal("the deadline", first.Template[0].Prompt);
        Assert.Equal("shipped + a metric", first.Template[3].Prompt);
        Assert.Equal(new TieIn("Lead", "trade-offs made visible."), first.TieIn);
        Assert.Equal("1-shipping-under-pressure", first.HeadingId);
        Assert.Equal(new SourceLocation("content/guide.md", 5, 1), first.Location);
        Assert.Equal("ambiguity-01", guide.Archetypes[1].Slug);
        Assert.Equal("Growth", guide.Archetypes[1].TieIn!.Kind);
    }

    [Fact]
    public void Any_number_of_archetypes_and_any_section_title_mentioning_archetypes()
    {
        var markdown = "# G\n\n## Story archetypes for SREs\n\n" + string.Concat(Enumerable.Range(1, 13).Select(i =>
            $"### {i}. Topic {i}\n\n- Probes: p{i}\n- Story shape: s{i}\n- Template: Situation [a] · Task [b] · Action [c] · Result [d]\n\n"));
        var (guide, diagnostics) = Extract(markdown);
        Assert.Empty(diagnostics);
        Assert.Equal(13, guide.Archetypes.Count);
        Assert.Null(guide.Archetypes[12].TieIn);
        Assert.Equal("topic-13", guide.Archetypes[12].Slug);
    }

    [Fact]
    public void Unnumbered_subheadings_and_other_sections_are_not_archetypes()
    {
        var (guide, _) = Extract("# G\n\n## Archetypes\n\n### Notes\n\ntext\n\n## Other\n\n### 1. Not an archetype\n\n- Probes: x\n");
        Assert.Empty(guide.Archetypes);
    }

    [Fact]
    public void Explicit_markup_marks_archetypes_in_a_guide_written_differently()
    {
        var markdown = """
            # Interview loop

            ## Debugging {.archetype data-number=4}

            - Probes: Diagnosis.
            - Story shape: Found it.
            - Template: Situation [bug] · Task [fix] · Action [trace] · Result [fixed]

            ## Mentoring {.archetype}

            - Probes: People.
            - Story shape: Grew someone.
            - Template: Situation [who] · Task [grow] · Action [coach] · Result [promoted]
            """;
        var (guide, diagnostics) = Extract(markdown);
        Assert.Empty(diagnostics);
        Assert.Equal([(4, "debugging"), (5, "mentoring")], guide.Archetypes.Select(a => (a.Number, a.Slug)));
    }

    [Fact]
    public void Half_recognised_archetypes_are_warnings_with_lines_not_silent_drops()
    {
        var markdown = "# G\n\n## Archetypes\n\n### 1. No probes\n\n- Story shape: s\n- Template: Situation [a] · Task [b] · Action [c]\n";
        var (guide, diagnostics) = Extract(markdown);
        Assert.Single(guide.Archetypes);
        Assert.Contains(diagnostics, d => d is { Code: "archetype-incomplete", Severity: Severity.Warning, Location.Line: 5 } && d.Message.Contains("Probes", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d is { Code: "archetype-template", Location.Line: 8 } && d.Message.Contains("Result", StringComparison.Ordinal));
    }

    [Fact]
    public void Table_rows_with_archetype_references_are_questions()
    {
        var markdown = TwoArchetypes + "\n\n## Retrieval\n\n| Question | Best |\n|---|---|\n| Tell me about a deadline | #1 or #2 |\n| Tell me about a launch | #2, #1 |\n";
        var (guide, _) = Extract(markdown);
        Assert.Equal(2, guide.Questions.Count);
        Assert.Equal("Tell me about a deadline", guide.Questions[0].Text);
        Assert.Equal([1, 2], guide.Questions[0].ArchetypeNumbers);
        Assert.Equal([2, 1], guide.Questions[1].ArchetypeNumbers);
        Assert.Equal(21, guide.Questions[0].Location.Line);
        Assert.Equal("Retrieval", guide.Questions[0].Group);
    }

    [Fact]
    public void Tables_without_archetype_references_hold_no_questions()
    {
        var (guide, _) = Extract("# G\n\n| Question | Answer |\n|---|---|\n| What? | Because |\n");
        Assert.Empty(guide.Questions);
    }

    [Fact]
    public void Subheadings_of_a_questions_section_are_questions_with_answers_and_references()
    {
        var markdown = TwoArchetypes + "\n\n## Leadership questions\n\n### Tell me about a project you led\n\n- Use the 0→1 archetype (#2).\n- Measure it.\n\n### Hiring bar\n\n- Shipping.\n";
        var (guide, _) = Extract(markdown);
        Assert.Equal(2, guide.Questions.Count);
        var led = guide.Questions[0];
        Assert.Equal("Tell me about a project you led", led.Text);
        Assert.Equal([2], led.ArchetypeNumbers);
        Assert.Equal("Leadership questions", led.Group);
        Assert.Equal(QuestionKind.Interview, led.Kind);
        Assert.Equal("tell-me-about-a-project-you-led", led.GuideHeadingId);
        Assert.Single(led.Answer);
        Assert.Equal("Hiring bar", guide.Questions[1].Text);
        Assert.Empty(guide.Questions[1].ArchetypeNumbers);
    }

    [Fact]
    public void An_answer_written_as_a_plain_paragraph_maps_its_question_to_the_archetypes_it_references()
    {
        var markdown = TwoArchetypes + "\n\n## Leadership questions\n\n### Tell me about shipping\n\nUse #1, or #2 when it was new.\n";
        var (guide, _) = Extract(markdown);
        Assert.Equal([1, 2], Assert.Single(guide.Questions).ArchetypeNumbers);
    }

    [Fact]
    public void Bullets_of_a_questions_section_without_subheadings_are_questions_and_to_ask_is_its_own_kind()
    {
        var markdown = "# G\n\n## Warm-up questions\n\n- Why this team?\n- Why now?\n\n## Questions to ask the panel\n\n- What does success look like?\n";
        var (guide, _) = Extract(markdown);
        Assert.Equal(["Why this team?", "Why now?", "What does success look like?"], guide.Questions.Select(q => q.Text));
        Assert.Equal([QuestionKind.Interview, QuestionKind.Interview, QuestionKind.ToAsk], guide.Questions.Select(q => q.Kind));
    }

    [Fact]
    public void Unknown_references_warn_and_code_urls_and_ids_are_not_references()
    {
        var markdown = TwoArchetypes + "\n\n## Notes\n\nSee #11 and `#1` and [x](https://example.com/a#1) and https://example.com/b#2 and issue#2.\n\n### Heading {#3}\n";
        var (guide, diagnostics) = Extract(markdown);
        var warning = Assert.Single(diagnostics);
        Assert.Equal("archetype-unknown-ref", warning.Code);
        Assert.Equal(19, warning.Location.Line);
        Assert.Equal(5, warning.Location.Column);
        Assert.Equal(2, guide.Archetypes.Count);
    }

    [Fact]
    public void Duplicate_titles_get_a_deterministic_suffix_and_a_warning()
    {
        var markdown = "# G\n\n## Archetypes\n\n### 1. Same\n\n- Probes: a\n- Story shape: b\n- Template: Situation [a] · Task [b] · Action [c] · Result [d]\n\n### 2. Same\n\n- Probes: a\n- Story shape: b\n- Template: Situation [a] · Task [b] · Action [c] · Result [d]\n";
        var (guide, diagnostics) = Extract(markdown);
        Assert.Equal(["same", "same-2"], guide.Archetypes.Select(a => a.Slug));
        Assert.Contains(diagnostics, d => d.Code == "archetype-slug-collision" && d.Location.Line == 11);
    }

    [Fact]
    public void A_title_that_would_make_a_reserved_file_name_gets_a_portable_slug_and_a_warning()
    {
        var (guide, diagnostics) = Extract("# G\n\n## Archetypes\n\n### 1. Con\n\n- Probes: a\n- Story shape: b\n- Template: Situation [a] · Task [b] · Action [c] · Result [d]\n");
        Assert.Equal("archetype-con", Assert.Single(guide.Archetypes).Slug);
        Assert.Contains(diagnostics, d => d.Code == "archetype-slug-reserved" && d.Location.Line == 5);
    }
}
