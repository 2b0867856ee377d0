using Handbook.Model;

namespace Handbook.Render.Pages;

/// <summary><c>archetypes/SLUG.html</c>: one archetype, the questions that retrieve it, and the stories that serve it.</summary>
public sealed record ArchetypePage(Archetype Archetype) : Page(Urls.Archetype(Archetype.Slug), Archetype.NumberedTitle, "archetype.html")
{
    public override string? SequenceKey => "archetype";

    public override void Describe(TemplateObject model, PageContext context)
    {
        var handbook = context.Site.Handbook;
        model.Set("archetype", ArchetypeModels.Summary(context, Archetype));
        model.Set("questions", handbook.QuestionsFor(Archetype.Number).Select(q => ArchetypeModels.QuestionLink(context, q)).ToList());
        model.Set("stories", handbook.StoriesFor(Archetype.Number).Select(s => StoryModels.Story(context, s)).ToList());
        model.Set("has_story_bank", handbook.Model.HasStoryBank);
    }
}
