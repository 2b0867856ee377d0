using System.Globalization;
using Handbook.Model;
using Handbook.Render.Sheets;

namespace Handbook.Render.Pages;

/// <summary>
/// <c>cards.html</c>: every interview question as a flash card, eight to a sheet for double-sided printing. Each sheet of fronts
/// (the question) is followed by its sheet of backs (archetype, story title, STAR cues) with the two columns of every row
/// swapped, so that after a long-edge flip each back lands behind its front. Planned with the drill page.
/// </summary>
public sealed record CardsPage() : Page(Urls.Cards, "Flash cards", "cards.html")
{
    public const int Columns = 2;
    public const int Rows = 4;
    public const int PerSheet = Columns * Rows;

    // What fits on the back of a card (about 55 characters a line, 15 lines at the card's print size).
    private const int StoryTitle = 80;
    private const int Situation = 110;
    private const int Task = 100;
    private const int Action = 60;
    private const int Actions = 3;
    private const int Result = 130;
    private const int Prompt = 60;

    public override bool IsSheet => true;

    public override void Describe(TemplateObject model, PageContext context)
    {
        var questions = context.Site.Handbook.Model.Questions.Where(q => q.Kind == QuestionKind.Interview).ToList();
        var cards = questions.Select((q, i) => Card(context, q, i + 1)).ToList();
        var sheets = new List<TemplateObject>();
        for (var start = 0; start < cards.Count; start += PerSheet)
        {
            var slots = Enumerable.Range(start, PerSheet).Select(i => i < cards.Count ? cards[i] : null).ToList();
            var backs = new List<TemplateObject?>();
            for (var row = 0; row < Rows; row++)
            {
                // Mirrored: the back of the left card is printed on the right.
                backs.AddRange(Enumerable.Range(0, Columns).Reverse().Select(column => slots[(row * Columns) + column]));
            }

            sheets.Add(new TemplateObject()
                .Set("number", (start / PerSheet) + 1)
                .Set("fronts", slots.Select(Slot).ToList())
                .Set("backs", backs.Select(Slot).ToList()));
        }

        model.Set("sheets", sheets);
        model.Set("card_count", cards.Count);
        model.Set("sheet_count", sheets.Count);
        model.Set("drill_href", context.Site.Exists(Urls.Drill) ? context.Href(Urls.Drill) : null);
        model.Set("drill_css", context.Href("assets/drill.css"));
    }

    private static TemplateObject Slot(TemplateObject? card) => card ?? new TemplateObject().Set("empty", true);

    private static TemplateObject Card(PageContext context, Question question, int number)
    {
        var handbook = context.Site.Handbook;
        var archetypes = question.ArchetypeNumbers.Where(handbook.ArchetypesByNumber.ContainsKey).Select(n => handbook.ArchetypesByNumber[n]).ToList();
        var choice = handbook.StoryForQuestion.GetValueOrDefault(question.Id);
        var card = new TemplateObject()
            .Set("empty", false)
            .Set("number", number.ToString(CultureInfo.InvariantCulture))
            .Set("question", question.Text)
            .Set("group", question.Group)
            .Set("archetypes", archetypes.Select(a => a.NumberedTitle).ToList());
        if (choice is not null)
        {
            var story = choice.Story;
            card.Set("story", new TemplateObject()
                .Set("title", Condense.Clip(story.Title, StoryTitle))
                .Set("situation", Condense.Clip(Condense.Plain(story.Situation.Value), Situation))
                .Set("task", Condense.Clip(Condense.Plain(story.Task.Value), Task))
                .Set("actions", story.Actions.Take(Actions).Select(a => Condense.Clause(Condense.Plain(a.Value), Action)).ToList())
                .Set("result", Condense.EmphasiseNumbers(Condense.Clip(Condense.Plain(story.Result.Value), Result))));
        }
        else
        {
            // No story yet: the first archetype's template is the cue for what to prepare.
            card.Set("prompts", archetypes.FirstOrDefault()?.Template
                .Select(p => new TemplateObject().Set("initial", p.Name.Length > 0 ? p.Name[..1] : "·").Set("prompt", Condense.Clip(p.Prompt, Prompt)))
                .ToList() ?? []);
        }

        return card;
    }
}
