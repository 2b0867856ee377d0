using System.Globalization;
using Handbook.Diagnostics;
using Handbook.Link;
using Handbook.Model;

namespace Handbook.Render.Sheets;

/// <summary>
/// How much fits on a one-page sheet, and the warnings when a handbook is too large for it. The numbers are calibrated
/// against Chromium's print to PDF on A4 and US Letter (the browser tests prove the sheets print on one page).
/// </summary>
public static class SheetBudget
{
    /// <summary>Characters per line in one of the cheat sheet's two columns at its print font size.</summary>
    public const int ColumnChars = 62;

    /// <summary>Lines the two columns hold together on the smaller of A4 and Letter, after the header and the rules strip.</summary>
    public const int CheatsheetLines = 100;

    /// <summary>Rows of the question map that fit one page.</summary>
    public const int QuestionMapRows = 40;

    public const int Situation = 100;
    public const int Task = 90;
    public const int Action = 44;
    public const int Result = 120;
    public const int TieIn = 90;
    public const int Question = 34;

    /// <summary>Fields longer than this many times their budget lose most of their text on the sheet: say so.</summary>
    private const double CutWarningRatio = 2.5;

    public static void Check(LinkedHandbook handbook, DiagnosticBag diagnostics)
    {
        var model = handbook.Model;
        if (model.Archetypes.Count == 0)
        {
            return;
        }

        var lines = 0;
        foreach (var archetype in model.Archetypes)
        {
            var story = handbook.PrimaryStory(archetype.Number);
            lines += 1 + Lines(QuestionsLine(handbook, archetype).Length);
            if (story is null)
            {
                lines += Lines(string.Join(" · ", archetype.Template.Select(p => $"{p.Name} [{p.Prompt}]")).Length);
                continue;
            }

            lines += Lines(Math.Min(Situation, story.Situation.Value.Length)) + Lines(Math.Min(Task, story.Task.Value.Length))
                + Lines(Math.Min(story.Actions.Count * (Action + 3), 3 * (Action + 3))) + Lines(Math.Min(Result, story.Result.Value.Length))
                + (story.TieIn is null ? 0 : Lines(Math.Min(TieIn, story.TieIn.Value.Length)));
            WarnIfCut(story, "situation", story.Situation, Situation, diagnostics);
            WarnIfCut(story, "task", story.Task, Task, diagnostics);
            WarnIfCut(story, "result", story.Result, Result, diagnostics);
            if (story.TieIn is not null)
            {
                WarnIfCut(story, "tie_in", story.TieIn, TieIn, diagnostics);
            }
        }

        if (lines > CheatsheetLines)
        {
            diagnostics.Warning(SourceLocation.File(model.Archetypes[0].ChapterPath), "sheet-overflow",
                $"cheatsheet.html cannot fit one printed page: its {N(model.Archetypes.Count)} archetypes need about {N(lines)} lines and a page holds {N(CheatsheetLines)}; it will print on more than one page");
        }

        var questions = model.Questions.Count(q => q.Kind == QuestionKind.Interview);
        if (questions > QuestionMapRows)
        {
            diagnostics.Warning(SourceLocation.File(model.Questions[0].ChapterPath), "sheet-overflow",
                $"cheatsheets/questions.html cannot fit one printed page: {N(questions)} questions, a page holds {N(QuestionMapRows)}; it will print on more than one page");
        }
    }

    public static string QuestionsLine(LinkedHandbook handbook, Archetype archetype) =>
        string.Join(" · ", handbook.QuestionsFor(archetype.Number).Where(q => q.Kind == QuestionKind.Interview).Select(q => Condense.ShortQuestion(q.Text, Question)));

    private static void WarnIfCut(Story story, string field, StoryText text, int budget, DiagnosticBag diagnostics)
    {
        if (text.Value.Length > budget * CutWarningRatio)
        {
            diagnostics.Warning(text.Location, "sheet-condensed",
                $"cheatsheet.html shows only the first {N(budget)} of the {N(text.Value.Length)} characters of {field} in story '{story.Id}'; trim it to one sentence so the sheet shows it whole");
        }
    }

    private static int Lines(int characters) => characters == 0 ? 0 : (characters + ColumnChars - 1) / ColumnChars;

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
