namespace Handbook.Tests.Browser;

/// <summary>The question index's filter box narrows the list as you type, from disk, with no server.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class QuestionFilterTests(ChromiumFixture chromium)
{
    private const string VisibleQuestions = "Array.from(document.querySelectorAll('.question')).filter(q => q.offsetParent !== null).map(q => q.querySelector('.question-text').textContent.trim())";

    [SkippableFact]
    public async Task Typing_narrows_the_questions_and_hides_empty_groups()
    {
        BrowserEnvironment.RequireChromium();
        await using var page = await chromium.NewPageAsync();
        await page.GoToAsync(BuiltSite.OfRepository.FileUrl("questions.html").AbsoluteUri);
        Assert.Equal(38, (await page.EvaluateExpressionAsync<string[]>(VisibleQuestions)).Length);

        await page.TypeAsync("#question-filter-input", "postmortem");
        Assert.Equal(["Walk through a postmortem you ran."], await page.EvaluateExpressionAsync<string[]>(VisibleQuestions));
        var groups = await page.EvaluateExpressionAsync<int>("Array.from(document.querySelectorAll('.question-group')).filter(g => g.offsetParent !== null).length");
        Assert.Equal(1, groups);
        Assert.Contains("1 of 38", await page.EvaluateExpressionAsync<string>("document.querySelector('.question-filter-status').textContent"), StringComparison.Ordinal);

        // The same engine as the site search: a misspelt word still finds its question.
        await page.EvaluateExpressionAsync("document.querySelector('#question-filter-input').value = ''");
        await page.TypeAsync("#question-filter-input", "postmortm");
        Assert.Equal(["Walk through a postmortem you ran."], await page.EvaluateExpressionAsync<string[]>(VisibleQuestions));

        // Words match anywhere in the entry (its answer and archetypes too), all of them.
        await page.EvaluateExpressionAsync("document.querySelector('#question-filter-input').value = ''");
        await page.TypeAsync("#question-filter-input", "mentoring someone");
        var mentoring = await page.EvaluateExpressionAsync<string[]>(VisibleQuestions);
        Assert.Contains("Tell me about mentoring someone", mentoring);

        await page.EvaluateExpressionAsync("const f = document.querySelector('#question-filter-input'); f.value = ''; f.dispatchEvent(new Event('input'))");
        Assert.Equal(38, (await page.EvaluateExpressionAsync<string[]>(VisibleQuestions)).Length);
    }
}
