using Handbook.Link;
using Handbook.Model;

namespace Handbook.Render.Pages;

/// <summary>
/// <c>interviewers/ROUND.html</c>: what one interviewer takes into the room, on at most two printed pages — the round's focus,
/// per archetype the questions to ask with follow-ups, the story shape to listen for and the anchored scale, the guide's
/// anti-patterns as red flags, and a place for the overall rating and notes.
/// </summary>
public sealed record InterviewerPacketPage(LinkedRound Round) : Page(Urls.InterviewerPacket(Round.Slug), "Interviewer packet: " + Round.Name, "interviewer.html")
{
    public override bool IsSheet => true;

    public override void Describe(TemplateObject model, PageContext context)
    {
        var handbook = context.Site.Handbook;
        model.Set("round", TeamModels.Round(context, Round, Position(handbook)));
        model.Set("focus", Round.Archetypes.Select(a => Focus(context, a)).ToList());
        model.Set("red_flags", handbook.Model.AntiPatterns);
        model.Set("levels", TeamModels.LevelNames);
        model.Set("loop_href", context.Href(Urls.Loop));
    }

    private int Position(LinkedHandbook handbook) => handbook.Rounds.ToList().FindIndex(r => r.Slug == Round.Slug) + 1;

    private static TemplateObject Focus(PageContext context, Archetype archetype)
    {
        var asked = context.Site.Handbook.QuestionsFor(archetype.Number).Where(q => q.Kind == QuestionKind.Interview).Select(q => q.Text).ToList();
        // A guide whose questions do not map to this archetype still gives the interviewer something to ask: what it probes.
        if (asked.Count == 0 && archetype.Probes is { } probes)
        {
            asked.Add(probes);
        }

        return new TemplateObject()
            .Set("id", "a-" + archetype.Slug)
            .Set("numbered_title", archetype.NumberedTitle)
            .Set("probes", archetype.Probes)
            .Set("story_shape", archetype.StoryShape)
            .Set("questions", asked)
            .Set("follow_ups", archetype.Template.Select(p => new TemplateObject().Set("part", p.Name).Set("prompt", p.Prompt)).ToList())
            .Set("scale", TeamModels.Scale(context, archetype.Number));
    }
}
