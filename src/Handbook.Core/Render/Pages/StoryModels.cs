using Handbook.Markdown;
using Handbook.Model;

namespace Handbook.Render.Pages;

/// <summary>Template model of a story. Story fields are inline Markdown rendered with HTML disabled, so markup in them is text.</summary>
public static class StoryModels
{
    public static TemplateObject Story(PageContext context, Story story)
    {
        // Links in a story are written relative to its file (content/stories/), like links in a chapter.
        var links = new PageContext(context.Site, context.Page) { SourcePath = story.SourcePath };
        SafeHtml Inline(StoryText text) => new(MarkdownRenderer.RenderInline(text.Value, links: links));

        // An optional field left empty renders as absent, so the template shows no empty heading.
        SafeHtml? Optional(StoryText? text) => text is null || string.IsNullOrWhiteSpace(text.Value) ? null : Inline(text);
        return new TemplateObject()
            .Set("id", story.Id)
            .Set("anchor", "story-" + story.Id)
            .Set("title", story.Title)
            .Set("primary", story.Primary)
            .Set("private", !story.IsPublic)
            .Set("situation", Inline(story.Situation))
            .Set("task", Inline(story.Task))
            .Set("actions", story.Actions.Select(Inline).ToList())
            .Set("result", new SafeHtml(MarkdownRenderer.RenderInline(story.Result.Value, emphasiseMeasures: true, links)))
            .Set("tie_in", Optional(story.TieIn))
            .Set("lesson", Optional(story.Lesson))
            .Set("tags", story.Tags);
    }
}
