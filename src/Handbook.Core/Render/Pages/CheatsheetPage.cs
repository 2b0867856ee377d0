using Handbook.Model;
using Handbook.Render.Sheets;

namespace Handbook.Render.Pages;

/// <summary>
/// <c>cheatsheet.html</c>: every archetype on one printed page, with its primary story condensed to a line per STAR part,
/// the questions that retrieve it, and the guide's delivery rules and anti-patterns. Without a story, the template's prompts.
/// </summary>
public sealed record CheatsheetPage() : Page(Urls.Cheatsheet, "Cheat sheet", "cheatsheet.html")
{
    public override bool IsSheet => true;

    public override void Describe(TemplateObject model, PageContext context)
    {
        var handbook = context.Site.Handbook;
        model.Set("archetypes", handbook.Model.Archetypes.Select(a => Archetype(context, a)).ToList());
        model.Set("rules", handbook.Model.DeliveryRules);
        model.Set("anti_patterns", handbook.Model.AntiPatterns);
    }

    private static TemplateObject Archetype(PageContext context, Archetype archetype)
    {
        var handbook = context.Site.Handbook;
        var story = handbook.PrimaryStory(archetype.Number);
        var model = new TemplateObject()
            .Set("id", "a-" + archetype.Slug)
            .Set("number", archetype.Number)
            .Set("title", archetype.Title)
            .Set("href", context.Href(Urls.Archetype(archetype.Slug)))
            .Set("questions", SheetBudget.QuestionsLine(handbook, archetype))
            .Set("prompts", archetype.Template.Select(p => new TemplateObject().Set("name", p.Name).Set("prompt", p.Prompt)).ToList())
            .Set("tie_in_kind", archetype.TieIn?.Kind);
        if (story is not null)
        {
            model.Set("story", new TemplateObject()
                .Set("title", story.Title)
                .Set("situation", Condense.Clip(Condense.Plain(story.Situation.Value), SheetBudget.Situation))
                .Set("task", Condense.Clip(Condense.Plain(story.Task.Value), SheetBudget.Task))
                .Set("actions", story.Actions.Take(4).Select(a => Condense.Clause(Condense.Plain(a.Value), SheetBudget.Action)).ToList())
                .Set("result", Condense.EmphasiseNumbers(Condense.Clip(Condense.Plain(story.Result.Value), SheetBudget.Result)))
                .Set("tie_in", story.TieIn is null ? null : Condense.Clip(Condense.Plain(story.TieIn.Value), SheetBudget.TieIn)));
        }

        return model;
    }
}
