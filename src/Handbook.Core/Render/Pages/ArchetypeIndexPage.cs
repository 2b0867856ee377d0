namespace Handbook.Render.Pages;

/// <summary><c>archetypes/index.html</c>: every archetype with what it probes.</summary>
public sealed record ArchetypeIndexPage() : Page(Urls.Archetypes, "Story archetypes", "archetypes.html")
{
    public override void Describe(TemplateObject model, PageContext context)
    {
        var handbook = context.Site.Handbook;
        model.Set("archetypes", handbook.Model.Archetypes.Select(a => ArchetypeModels.Summary(context, a)
            .Set("story_count", handbook.StoriesFor(a.Number).Count)
            .Set("question_count", handbook.QuestionsFor(a.Number).Count)).ToList());
    }
}
