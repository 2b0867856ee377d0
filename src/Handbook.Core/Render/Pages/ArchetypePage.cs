using Handbook.Model;

namespace Handbook.Render.Pages;

/// <summary><c>archetypes/SLUG.html</c>: one archetype, the questions that retrieve it, and the stories that serve it.</summary>
public sealed record ArchetypePage(Archetype Archetype) : Page(Urls.Archetype(Archetype.Slug), Archetype.NumberedTitle, "archetype.html")
{
    public override string? SequenceKey => "archetype";

    public override string? Summary => Archetype.Probes;

    public override void Describe(TemplateObject model, PageContext context)
    {
        var handbook = context.Site.Handbook;
        model.Set("archetype", ArchetypeModels.Summary(context, Archetype));
        model.Set("questions", handbook.QuestionsFor(Archetype.Number).Select(q => ArchetypeModels.QuestionLink(context, q)).ToList());
        var stories = handbook.StoriesFor(Archetype.Number);
        model.Set("stories", stories.Select(s => StoryModels.Story(context, s)).ToList());
        model.Set("has_story_bank", handbook.Model.HasStoryBank);
        model.Set("toc", Contents(stories, handbook.Model.HasStoryBank));
    }

    /// <summary>The page's sections, as the template renders them (ids are the template's), and each story.</summary>
    private List<TemplateObject> Contents(IReadOnlyList<Story> stories, bool hasStoryBank)
    {
        var toc = new List<TemplateObject>();
        void Add(string title, string id, int level) => toc.Add(new TemplateObject().Set("title", title).Set("href", "#" + id).Set("level", level));
        if (Archetype.Probes is not null)
        {
            Add("What it probes", "probes", 2);
        }

        if (Archetype.StoryShape is not null)
        {
            Add("Story shape", "story-shape", 2);
        }

        if (Archetype.Template.Count > 0)
        {
            Add("Template", "template", 2);
        }

        Add("Questions that retrieve it", "questions", 2);
        if (hasStoryBank)
        {
            Add("Your stories", "stories", 2);
            foreach (var story in stories)
            {
                Add(story.Title, "story-" + story.Id, 3);
            }
        }

        return toc;
    }
}
