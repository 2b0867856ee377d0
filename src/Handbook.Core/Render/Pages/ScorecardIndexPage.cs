namespace Handbook.Render.Pages;

/// <summary><c>scorecards/index.html</c>: the interviewer scorecards, one per archetype, for a team's "how we interview" handbook.</summary>
public sealed record ScorecardIndexPage() : Page("scorecards/index.html", "Interviewer scorecards", "scorecards.html")
{
    public override void Describe(TemplateObject model, PageContext context)
    {
        model.Set("archetypes", context.Site.Handbook.Model.Archetypes.Select(a => ArchetypeModels.Summary(context, a)).ToList());
    }
}
