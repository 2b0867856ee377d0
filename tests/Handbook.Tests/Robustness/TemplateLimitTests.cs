using Handbook.Diagnostics;
using Handbook.Render;
using Handbook.Tests.Support;

namespace Handbook.Tests.Robustness;

/// <summary>
/// Issue 13: a large story bank (about 33,000 stories) ran into Scriban's loop limit inside the built-in templates and failed as a
/// template error. Built-in templates run without a limit; a project's own templates keep one, reported at their line.
/// </summary>
public sealed class TemplateLimitTests
{
    [Fact]
    public void A_built_in_template_loops_over_any_number_of_items()
    {
        var diagnostics = new DiagnosticBag();
        var templates = TemplateSet.Load(new Dictionary<string, string>(), diagnostics);
        Assert.False(diagnostics.HasErrors);

        // 150,000 archetype cards, each running the loop body once: past the old limit of 100,000 iterations per page.
        var cards = Enumerable.Range(1, 150_000).Select(i => new TemplateObject()
            .Set("slug", "a" + i).Set("href", "a.html").Set("numbered_title", "#" + i).Set("probes", null).Set("question_count", 1).Set("story_count", 2));
        var model = new TemplateObject().Set("archetypes", cards).Set("site", new TemplateObject().Set("has_stories", true));

        var html = templates.Get("archetypes.html").Render(templates.CreateContext(model));

        Assert.Contains("id=\"a150000\"", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// Issue 12: the built-in theme runs with only the one Scriban function it calls (<c>include</c>), since importing all of them
    /// costs a fifth of a small build; a project's own templates still get every one.
    /// </summary>
    [Fact]
    public void A_projects_own_template_can_call_scribans_built_in_functions()
    {
        using var project = new TempProject(new Dictionary<string, string>
        {
            ["content/index.md"] = "# Home\n",
            ["templates/404.html"] = "<!doctype html><html lang=\"en\"><head><title>Lost</title></head><body><main><h1>{{ \"lost\" | string.upcase }} {{ [1, 2, 3] | array.size }} {{ 7.5 | math.floor }}</h1></main></body></html>\n",
        });

        var result = project.Build();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Contains("<h1>LOST 3 7</h1>", File.ReadAllText(Path.Combine(project.Site, "404.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_runaway_loop_in_the_projects_own_template_is_an_error_at_its_line_not_a_hang()
    {
        using var project = new TempProject(new Dictionary<string, string>
        {
            ["content/index.md"] = "# Home\n",
            ["templates/404.html"] = "<h1>Lost</h1>\n{{ while true }}{{ end }}\n",
        });

        var result = project.Build();

        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("templates/404.html:2:4: error template-error: rendering 404.html: Exceeding number of iteration limit `10000000` for loop statement.", error.ToString());
    }
}
