using Handbook.Tests.Support;

namespace Handbook.Tests.Markdown;

public sealed class QuestionCalloutTests
{
    [Fact]
    public void A_question_callout_joins_the_question_index_with_its_answer_linked_back_to_its_page()
    {
        using var project = new TempProject(new Dictionary<string, string>
        {
            ["content/index.md"] = "# Home\n\nWelcome.\n",
            ["content/behavioural.md"] = """
                # Behavioural

                ## Leadership

                ??? question "Tell me about a time you led without authority"
                    Pick a cross-team project; say what *you* did.

                ??? question "Tell me about a conflict"
                    Keep it about the work.

                ## Interview questions

                ### Tell me about a conflict

                Short answer under the heading.
                """,
        });
        var result = project.Build();
        Assert.Equal(0, result.ExitCode);
        var index = project.Page("questions.html");
        var questions = index.QuerySelectorAll("li.question");
        var led = Assert.Single(questions, q => q.QuerySelector(".question-text")!.TextContent == "Tell me about a time you led without authority");
        Assert.Equal("Pick a cross-team project; say what you did.", led.QuerySelector(".question-answer")!.TextContent.Trim());
        Assert.Single(questions, q => q.QuerySelector(".question-text")!.TextContent == "Tell me about a conflict");

        var page = project.Page("behavioural.html");
        var callout = page.QuerySelector("details.admonition.question")!;
        Assert.Equal("tell-me-about-a-time-you-led-without-authority", callout.Id);
        Assert.Equal("../questions.html#" + led.Id, "../" + callout.QuerySelector("a.question-link")!.GetAttribute("href"));
        Assert.Contains(index.QuerySelectorAll("a"), a => a.GetAttribute("href") == "behavioural.html#" + callout.Id);
    }
}
