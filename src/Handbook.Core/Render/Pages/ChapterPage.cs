using Handbook.Model;

namespace Handbook.Render.Pages;

/// <summary>A Markdown page of the guide.</summary>
public sealed record ChapterPage(Chapter Chapter) : Page(Chapter.OutputPath, Chapter.Title, "chapter.html")
{
    public override string SourcePath => Chapter.SourcePath;

    public override string? SequenceKey => "chapter";

    /// <summary>The front matter's description, else the chapter's first paragraph (what a link preview should show).</summary>
    public override string? Summary => Chapter.Description ?? Chapter.Lead;

    public override void Describe(TemplateObject model, PageContext context)
    {
        model.Set("body", context.RenderChapter(Chapter));
        model.Set("description", Chapter.Description);
        // A page whose body has no H1 (its title lives in front matter or the file name) shows its title as one: never none, never two.
        model.Set("title_heading", Chapter.HasH1 ? null : Chapter.Title);
        var publishing = context.Site.Config.Publishing;
        model.Set("edit_url", publishing.EditUrl(Chapter.SourcePath));
        model.Set("last_updated", context.Site.Options.LastUpdated.GetValueOrDefault(Chapter.SourcePath));
        model.Set("toc", Chapter.Headings
            .Where(h => h.Level is 2 or 3 && !Chapter.HideToc)
            .Select(h => new TemplateObject().Set("title", h.Text).Set("href", "#" + h.Id).Set("level", h.Level))
            .ToList());
    }
}
