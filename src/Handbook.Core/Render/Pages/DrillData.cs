using System.Text;
using System.Text.Json;
using Handbook.Guide;
using Handbook.Link;
using Handbook.Model;

namespace Handbook.Render.Pages;

/// <summary>
/// The drill's questions as JSON for <c>&lt;script type="application/json"&gt;</c> in <c>drill.html</c> (a file:// page cannot
/// fetch a data file). Written with <see cref="Utf8JsonWriter"/> (no reflection, so trim- and AOT-safe) and its default
/// encoder, which writes <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> and quotes as <c>\uXXXX</c>: no text can close the script element.
/// The page's script reads values with <c>textContent</c> only; markup for the reveal is rendered (and escaped) by the template.
/// </summary>
public static class DrillData
{
    /// <summary>Bumped when the shape of stored progress changes; part of the localStorage key and of every export.</summary>
    public const int StorageVersion = 1;

    /// <summary>
    /// The localStorage key of this handbook's progress. file:// pages share one origin in Chromium, so two handbooks opened
    /// from disk would otherwise share marks: the key names the handbook by its title.
    /// </summary>
    public static string StorageKey(LinkedHandbook handbook)
    {
        var slug = Markdown.HeadingSlugger.Slugify(handbook.Model.Config.Title);
        return $"handbook-drill/v{StorageVersion}/{(slug.Length == 0 ? "handbook" : slug)}";
    }

    public static string Json(LinkedHandbook handbook, IReadOnlyList<Question> questions, IReadOnlyList<string> groups, AnswerTimeLimits limits)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("key", StorageKey(handbook));
            json.WriteNumber("version", StorageVersion);
            json.WriteStartObject("limits");
            json.WriteNumber("soft", limits.SoftSeconds);
            json.WriteNumber("hard", limits.HardSeconds);
            json.WriteEndObject();

            json.WriteStartArray("archetypes");
            foreach (var archetype in handbook.Model.Archetypes)
            {
                json.WriteStartObject();
                json.WriteNumber("n", archetype.Number);
                json.WriteString("title", archetype.NumberedTitle);
                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartArray("groups");
            foreach (var group in groups)
            {
                json.WriteStringValue(group);
            }

            json.WriteEndArray();

            json.WriteStartArray("questions");
            foreach (var question in questions)
            {
                json.WriteStartObject();
                json.WriteString("id", question.Id);
                json.WriteString("text", question.Text);
                json.WriteNumber("group", IndexOf(groups, question.Group));
                json.WriteStartArray("archetypes");
                foreach (var number in question.ArchetypeNumbers.Where(handbook.ArchetypesByNumber.ContainsKey))
                {
                    json.WriteNumberValue(number);
                }

                json.WriteEndArray();
                if (handbook.StoryForQuestion.TryGetValue(question.Id, out var choice))
                {
                    json.WriteString("story", choice.Story.Id);
                }
                else
                {
                    json.WriteNull("story");
                }

                json.WriteBoolean("answer", question.Answer.Count > 0);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static int IndexOf(IReadOnlyList<string> groups, string group)
    {
        for (var i = 0; i < groups.Count; i++)
        {
            if (string.Equals(groups[i], group, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
