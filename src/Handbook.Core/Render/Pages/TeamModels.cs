using Handbook.Config;
using Handbook.Link;

namespace Handbook.Render.Pages;

/// <summary>Template models of the interview loop's rounds and the anchored rating scale, shared by the team kit's pages.</summary>
public static class TeamModels
{
    /// <summary>
    /// An archetype's four levels, weakest first. The sentences are calibration notes for interviewers: a candidate build
    /// keeps the scale's names and leaves the notes out.
    /// </summary>
    public static List<TemplateObject> Scale(PageContext context, int archetype)
    {
        var anchored = context.Site.Config.Audience != Audience.Candidate;
        var scale = context.Site.Handbook.Scales[archetype];
        return scale.Levels.Select(l => new TemplateObject()
            .Set("name", l.Name)
            .Set("key", l.Level.ToString().ToLowerInvariant())
            .Set("anchor", anchored ? l.Anchor : null)).ToList();
    }

    public static List<string> LevelNames => RatingScale.Names.Select(n => n.Name).ToList();

    public static TemplateObject Round(PageContext context, LinkedRound round, int position) => new TemplateObject()
        .Set("position", position)
        .Set("name", round.Name)
        .Set("slug", round.Slug)
        .Set("minutes", round.Round.Minutes)
        .Set("interviewer", round.Round.Interviewer)
        .Set("archetypes", round.Archetypes.Select(a => new TemplateObject()
            .Set("number", a.Number)
            .Set("title", a.Title)
            .Set("numbered_title", a.NumberedTitle)
            .Set("href", context.Href(Urls.Archetype(a.Slug)))).ToList())
        .Set("questions", round.Round.Questions.Select(q => q.Value).ToList())
        .Set("levels", round.Round.Levels.Select(l => new TemplateObject().Set("level", l.Level).Set("text", l.Text)).ToList())
        .Set("packet_href", context.Site.Exists(Urls.InterviewerPacket(round.Slug)) ? context.Href(Urls.InterviewerPacket(round.Slug)) : null);
}
