namespace Handbook.Render.Pages;

/// <summary>
/// <c>loop.html</c>: the interview loop at a glance — the rounds in order with their length, interviewer and focus, the total time,
/// and a matrix of which round covers which archetype, so a gap or an overlap shows at once.
/// </summary>
public sealed record LoopPage() : Page(Urls.Loop, "Interview loop", "loop.html")
{
    public override void Describe(TemplateObject model, PageContext context)
    {
        var handbook = context.Site.Handbook;
        var rounds = handbook.Rounds;
        model.Set("rounds", rounds.Select((r, i) => TeamModels.Round(context, r, i + 1)).ToList());
        model.Set("total_minutes", rounds.All(r => r.Round.Minutes is not null) ? rounds.Sum(r => r.Round.Minutes!.Value) : null);
        model.Set("matrix", handbook.Model.Archetypes.Select(a => new TemplateObject()
            .Set("numbered_title", a.NumberedTitle)
            .Set("href", context.Href(Urls.Archetype(a.Slug)))
            .Set("cells", rounds.Select(r => r.Archetypes.Any(x => x.Number == a.Number)).ToList())
            .Set("rounds", handbook.RoundsCovering(a.Number).Count())).ToList());
        model.Set("debrief_href", context.Site.Exists(Urls.Debrief) ? context.Href(Urls.Debrief) : null);
    }
}
