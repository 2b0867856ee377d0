namespace Handbook.Render.Pages;

/// <summary>
/// <c>debrief.html</c>: one printed page for the hiring panel — every round with the attributes it assessed and a box per level
/// of the shared scale, filled in together at the debrief.
/// </summary>
public sealed record DebriefPage() : Page(Urls.Debrief, "Debrief sheet", "debrief.html")
{
    public override bool IsSheet => true;

    public override void Describe(TemplateObject model, PageContext context)
    {
        var rounds = context.Site.Handbook.Rounds;
        model.Set("rounds", rounds.Select((r, i) => TeamModels.Round(context, r, i + 1)).ToList());
        model.Set("levels", TeamModels.LevelNames);
    }
}
