using System.Globalization;
using Handbook.Diagnostics;
using Handbook.Model;

namespace Handbook.Render.Pages;

/// <summary>
/// <c>readiness.html</c>: how ready the story bank is. Per archetype its stories and what the coach said about them, per
/// interview question the story it leads to, and an overall figure. It shows only the stories this build publishes
/// (<see cref="Link.LinkedHandbook.StoriesFor"/>), and only their diagnostics, so a private story leaves no trace here.
/// </summary>
public sealed record ReadinessPage() : Page(Urls.Readiness, "Readiness", "readiness.html")
{
    public override void Describe(TemplateObject model, PageContext context)
    {
        var handbook = context.Site.Handbook;
        var archetypes = handbook.Model.Archetypes;
        var shown = archetypes.SelectMany(a => handbook.StoriesFor(a.Number)).DistinctBy(s => s.Id).ToList();
        var findings = shown.SelectMany(s => handbook.Coaching.For(s.Id)).ToList();
        var covered = archetypes.Count(a => handbook.StoriesFor(a.Number).Count > 0);
        var warnings = findings.Count(d => d.Severity == Severity.Warning);
        var notes = findings.Count(d => d.Severity == Severity.Info);

        model.Set("summary", string.Create(
            CultureInfo.InvariantCulture,
            $"{covered} of {archetypes.Count} {(archetypes.Count == 1 ? "archetype has" : "archetypes have")} a story, {warnings} {(warnings == 1 ? "warning" : "warnings")}{(notes > 0 ? $", {notes} {(notes == 1 ? "note" : "notes")}" : "")}"));
        model.Set("covered", covered);
        model.Set("archetype_count", archetypes.Count);
        model.Set("warning_count", warnings);
        model.Set("ready", covered == archetypes.Count && warnings == 0);
        model.Set("private_left_out", !context.Site.Options.IncludePrivate);
        model.Set("archetypes", archetypes.Select(a => Archetype(context, a)).ToList());
        model.Set("questions", handbook.Model.Questions
            .Where(q => q.Kind == QuestionKind.Interview && q.ArchetypeNumbers.Count > 0)
            .Select(q => Question(context, q))
            .ToList());
    }

    private static TemplateObject Archetype(PageContext context, Archetype archetype)
    {
        var handbook = context.Site.Handbook;
        var stories = handbook.StoriesFor(archetype.Number);
        return ArchetypeModels.Summary(context, archetype)
            .Set("stories", stories.Select(s => new TemplateObject()
                .Set("title", s.Title)
                .Set("href", context.Href(Urls.Archetype(archetype.Slug) + "#story-" + s.Id))
                .Set("primary", s.Primary && stories.Count > 1)
                .Set("private", !s.IsPublic)
                .Set("diagnostics", handbook.Coaching.For(s.Id).Select(Finding).ToList()))
                .ToList());
    }

    private static TemplateObject Finding(Diagnostic diagnostic) => new TemplateObject()
        .Set("severity", diagnostic.SeverityName)
        .Set("code", diagnostic.Code)
        .Set("message", diagnostic.Message)
        .Set("where", diagnostic.Location.ToString());

    private static TemplateObject Question(PageContext context, Question question)
    {
        var handbook = context.Site.Handbook;
        var choice = handbook.StoryForQuestion.GetValueOrDefault(question.Id);
        return ArchetypeModels.QuestionLink(context, question)
            .Set("story", choice is null ? null : new TemplateObject()
                .Set("title", choice.Story.Title)
                .Set("href", choice.Archetype is int n
                    ? context.Href(Urls.Archetype(handbook.ArchetypesByNumber[n].Slug) + "#story-" + choice.Story.Id)
                    : context.Href(Urls.Questions + "#" + question.Id))
                .Set("archetype", choice.Archetype is int m ? handbook.ArchetypesByNumber[m].NumberedTitle : "named by the story"));
    }
}
