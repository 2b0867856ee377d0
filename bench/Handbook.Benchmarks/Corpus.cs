using System.Globalization;
using System.Text;

namespace Handbook.Benchmarks;

/// <summary>
/// Generates a handbook project of a given size from this repository's own guide: the real chapter repeated under other
/// names (so every page has the real structure), a question-heavy chapter per page, and a story per archetype per chapter.
/// </summary>
public static class Corpus
{
    public static string Generate(string repositoryRoot, string target, int pages)
    {
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        var content = Path.Combine(target, "content");
        Directory.CreateDirectory(Path.Combine(content, "stories"));
        File.Copy(Path.Combine(repositoryRoot, "handbook.yml"), Path.Combine(target, "handbook.yml"));
        File.Copy(Path.Combine(repositoryRoot, "content", "index.md"), Path.Combine(content, "index.md"));
        File.Copy(Path.Combine(repositoryRoot, "content", "04-behavioral-and-lead.md"), Path.Combine(content, "04-behavioral-and-lead.md"));
        foreach (var story in Directory.EnumerateFiles(Path.Combine(repositoryRoot, "content", "stories")))
        {
            File.Copy(story, Path.Combine(content, "stories", Path.GetFileName(story)));
        }

        var guide = File.ReadAllText(Path.Combine(repositoryRoot, "content", "04-behavioral-and-lead.md"));
        var body = guide[(guide.IndexOf("\n---", 3, StringComparison.Ordinal) + 4)..];
        // The archetypes and question sections belong to the one real chapter; extra chapters keep the prose, lists and tables.
        var prose = body.Replace("STAR archetypes to prepare", "Worked examples", StringComparison.Ordinal)
            .Replace(" questions\n", " notes\n", StringComparison.Ordinal)
            .Replace("Closing questions to ask", "Closing notes", StringComparison.Ordinal);
        for (var i = 1; i < pages; i++)
        {
            var number = i.ToString("D4", CultureInfo.InvariantCulture);
            var text = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"---\ntitle: \"Chapter {number}\"\norder: {i + 10}\n---\n")
                .Append(prose.Replace("# 04. Behavioral and Lead", $"# Chapter {number}", StringComparison.Ordinal))
                .Append(CultureInfo.InvariantCulture, $"\nSee [the guide](04-behavioral-and-lead.md#delivery-rules) and archetype #{(i % 10) + 1}.\n");
            File.WriteAllText(Path.Combine(content, $"chapter-{number}.md"), text.ToString());
        }

        return target;
    }
}
