using Handbook.Config;
using Handbook.Link;
using Handbook.Render.Pages;

namespace Handbook.Render;

/// <summary>Decides which pages the site has and where they go (the URL scheme lives in <see cref="Urls"/>).</summary>
public static class PagePlanner
{
    public static IReadOnlyList<Page> Plan(LinkedHandbook handbook)
    {
        var model = handbook.Model;
        var audience = model.Config.Audience;
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

        // The question sheet serves a guide with questions alone too: printed, it is the list to rehearse.
        if (model.Questions.Any(q => q.Kind == Model.QuestionKind.Interview))
        {
            pages.Add(new QuestionSheetPage());
        }

        if (model.Archetypes.Count > 0)
        {
            // The story cheat sheet is the candidate's; a team build has no stories to put on it.
            if (audience != Audience.Team)
            {
                pages.Add(new CheatsheetPage());
            }

            pages.Add(new ScorecardIndexPage());
            pages.AddRange(model.Archetypes.Select(a => new ScorecardPage(a)));
        }

        // The team kit: the loop is useful to both audiences; what interviewers take into the room is left out of a candidate build.
        if (handbook.Rounds.Count > 0)
        {
            pages.Add(new LoopPage());
            if (audience != Audience.Candidate)
            {
                pages.AddRange(handbook.Rounds.Select(r => new InterviewerPacketPage(r)));
                pages.Add(new DebriefPage());
            }
        }

        // Drill mode and its flash cards: only for a guide with interview questions to practise, and only for the candidate.
        if (audience != Audience.Team && DrillPage.Applies(model))
        {
            pages.Add(new DrillPage());
            pages.Add(new CardsPage());
        }

        pages.Add(new PrintPage());

        pages.Add(new NotFoundPage());
        return pages;
    }
}
