using System.Globalization;
using Handbook.Guide;
using Handbook.Model;

namespace Handbook.Render.Pages;

/// <summary>
/// <c>drill.html</c>: practise answers one question at a time against the guide's time limits, reveal the archetype and the
/// story to tell, mark the attempt. The questions travel as JSON (<see cref="DrillData"/>); everything shown on reveal is
/// rendered here, escaped like every other page, and only shown or hidden by the script. Planned only when the guide has
/// interview questions.
/// </summary>
public sealed record DrillPage() : Page(Urls.Drill, "Drill", "drill.html")
{
    public static bool Applies(HandbookModel model) => model.Questions.Any(q => q.Kind == QuestionKind.Interview);

    public override void Describe(TemplateObject model, PageContext context)
    {
        var handbook = context.Site.Handbook;
        var questions = handbook.Model.Questions.Where(q => q.Kind == QuestionKind.Interview).ToList();
        var groups = questions.Select(q => q.Group).Distinct(StringComparer.Ordinal).ToList();
        var limits = AnswerTimeLimits.From(handbook.Model.DeliveryRules);
        var archetypes = questions
            .SelectMany(q => q.ArchetypeNumbers)
            .Distinct()
            .Where(handbook.ArchetypesByNumber.ContainsKey)
            .Order()
            .Select(n => handbook.ArchetypesByNumber[n])
            .ToList();

        // Each story and archetype is rendered once however many questions lead to it; the script shows the ones a question names.
        var stories = questions
            .Select(q => handbook.StoryForQuestion.GetValueOrDefault(q.Id)?.Story)
            .OfType<Story>()
            .DistinctBy(s => s.Id)
            .OrderBy(s => s.Id, StringComparer.Ordinal)
            .ToList();

        model.Set("question_count", questions.Count);
        model.Set("first_question", questions[0].Text);
        model.Set("limits", new TemplateObject()
            .Set("soft", Clock(limits.SoftSeconds))
            .Set("hard", Clock(limits.HardSeconds))
            .Set("rule", limits.Rule));
        model.Set("sections", groups.Select((g, i) => new TemplateObject()
            .Set("value", "section:" + i.ToString(CultureInfo.InvariantCulture))
            .Set("label", g)
            .Set("count", questions.Count(q => q.Group == g))).ToList());
        model.Set("archetypes", archetypes.Select(a => new TemplateObject()
            .Set("value", "archetype:" + a.Number.ToString(CultureInfo.InvariantCulture))
            .Set("label", a.NumberedTitle)
            .Set("count", questions.Count(q => q.ArchetypeNumbers.Contains(a.Number)))).ToList());
        model.Set("archetype_panels", archetypes.Select(a => ArchetypeModels.Summary(context, a)
            .Set("panel", "drill-a-" + a.Number.ToString(CultureInfo.InvariantCulture))
            .Set("has_story", handbook.StoriesFor(a.Number).Count > 0)).ToList());
        model.Set("story_panels", stories.Select(s => new TemplateObject()
            .Set("panel", "drill-s-" + s.Id)
            .Set("story", StoryModels.Story(context, s))).ToList());
        model.Set("answer_panels", questions.Where(q => q.Answer.Count > 0).Select(q => new TemplateObject()
            .Set("panel", "drill-ans-" + q.Id)
            .Set("href", context.Href(Urls.Questions + "#" + q.Id))
            .Set("answer", context.RenderMarkdown(q.Answer))).ToList());
        model.Set("has_story_bank", handbook.Model.HasStoryBank);
        model.Set("to_ask", handbook.Model.Questions.Where(q => q.Kind == QuestionKind.ToAsk).Select(q => q.Text).ToList());
        model.Set("questions_href", context.Href(Urls.Questions));
        model.Set("cards_href", context.Site.Exists(Urls.Cards) ? context.Href(Urls.Cards) : null);
        model.Set("drill_assets", new TemplateObject()
            .Set("css", context.Href("assets/drill.css"))
            .Set("schedule", context.Href("assets/drill-schedule.js"))
            .Set("js", context.Href("assets/drill.js")));
        model.Set("data", new SafeHtml(DrillData.Json(handbook, questions, groups, limits)));
    }

    /// <summary>Seconds as the timer shows them: <c>2:00</c>.</summary>
    public static string Clock(int seconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}:{seconds % 60:00}");
}
