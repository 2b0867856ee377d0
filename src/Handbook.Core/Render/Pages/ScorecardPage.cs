using Handbook.Model;

namespace Handbook.Render.Pages;

/// <summary>
/// <c>scorecards/SLUG.html</c>: an interviewer's one-page scorecard for an archetype — the questions to ask, what it probes,
/// the story shape to listen for, the anti-patterns to watch, the anchored four-point scale, the STAR parts heard, and ruled space for notes.
/// </summary>
public sealed record ScorecardPage(Archetype Archetype) : Page(Urls.Scorecard(Archetype.Slug), "Scorecard: " + Archetype.NumberedTitle, "scorecard.html")
{
    public override bool IsSheet => true;

    public override void Describe(TemplateObject model, PageContext context)
    {
        var handbook = context.Site.Handbook;
        model.Set("archetype", ArchetypeModels.Summary(context, Archetype));
        model.Set("questions", handbook.QuestionsFor(Archetype.Number).Where(q => q.Kind == QuestionKind.Interview).Select(q => q.Text).ToList());
        model.Set("anti_patterns", handbook.Model.AntiPatterns);
        model.Set("parts", Archetype.Template.Count > 0 ? Archetype.Template.Select(p => p.Name).ToList() : ["Situation", "Task", "Action", "Result"]);
        model.Set("scale", TeamModels.Scale(context, Archetype.Number));
        model.Set("note_lines", Enumerable.Range(1, 12).ToList());
    }
}
