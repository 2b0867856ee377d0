using Handbook.Model;

namespace Handbook.Render.Pages;

/// <summary>A Markdown page of the guide.</summary>
public sealed record ChapterPage(Chapter Chapter) : Page(Chapter.OutputPath, Chapter.Title, "chapter.html")
{
    public override string SourcePath => Chapter.SourcePath;

    public override string? SequenceKey => "chapter";

    public override void Describe(TemplateObject model, PageContext context)
    {
        model.Set("body", context.RenderMarkdown((Markdig.Syntax.MarkdownObject)Chapter.Document));
        model.Set("description", Chapter.Description);
        model.Set("toc", Chapter.Headings
            .Where(h => h.Level is 2 or 3)
            .Select(h => new TemplateObject().Set("title", h.Text).Set("href", "#" + h.Id).Set("level", h.Level))
            .ToList());
    }
}
