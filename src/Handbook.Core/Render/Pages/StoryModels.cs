using Handbook.Markdown;
using Handbook.Model;

namespace Handbook.Render.Pages;

/// <summary>Template model of a story. Story fields are inline Markdown rendered with HTML disabled, so markup in them is text.</summary>
public static class StoryModels
{
    public static TemplateObject Story(PageContext context, Story story)
    {
        _ = context;
        return new TemplateObject()
            .Set("id", story.Id)
            .Set("anchor", "story-" + story.Id)
            .Set("title", story.Title)
            .Set("primary", story.Primary)
            .Set("private", !story.IsPublic)
            .Set("situation", Inline(story.Situation))
            .Set("task", Inline(story.Task))
            .Set("actions", story.Actions.Select(Inline).ToList())
            .Set("result", new SafeHtml(MarkdownRenderer.RenderInline(story.Result.Value, emphasiseMeasures: true)))
            .Set("tie_in", Optional(story.TieIn))
            .Set("lesson", Optional(story.Lesson))
            .Set("tags", story.Tags);
    }

    public static SafeHtml Inline(StoryText text) => new(MarkdownRenderer.RenderInline(text.Value));

    /// <summary>An optional field left empty renders as absent, so the template shows no empty heading.</summary>
    private static SafeHtml? Optional(StoryText? text) => text is null || string.IsNullOrWhiteSpace(text.Value) ? null : Inline(text);
}
