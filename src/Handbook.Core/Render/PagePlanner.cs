using Handbook.Link;
using Handbook.Render.Pages;

namespace Handbook.Render;

/// <summary>Decides which pages the site has and where they go (the URL scheme lives in <see cref="Urls"/>).</summary>
public static class PagePlanner
{
    public static IReadOnlyList<Page> Plan(LinkedHandbook handbook)
    {
        var model = handbook.Model;
        var pages = new List<Page>();
        pages.AddRange(model.Chapters.Select(c => new ChapterPage(c)));
        if (model.Archetypes.Count > 0)
        {
            pages.Add(new ArchetypeIndexPage());
            pages.AddRange(model.Archetypes.Select(a => new ArchetypePage(a)));
        }

        if (model.Questions.Count > 0)
        {
            pages.Add(new QuestionIndexPage());
        }

        // A guide without a story bank (a team's "how we interview" handbook) has nothing to be ready with.
        if (model.HasStoryBank)
        {
            pages.Add(new ReadinessPage());
        }

        if (model.Archetypes.Count > 0)
        {
            pages.Add(new CheatsheetPage());
            if (model.Questions.Count > 0)
            {
                pages.Add(new QuestionSheetPage());
            }

            pages.Add(new ScorecardIndexPage());
            pages.AddRange(model.Archetypes.Select(a => new ScorecardPage(a)));
        }

        // Drill mode and its flash cards: only for a guide with interview questions to practise.
        if (DrillPage.Applies(model))
        {
            pages.Add(new DrillPage());
            pages.Add(new CardsPage());
        }

        pages.Add(new PrintPage());

        pages.Add(new NotFoundPage());
        return pages;
    }
}
