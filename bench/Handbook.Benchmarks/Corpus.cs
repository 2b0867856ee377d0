using System.Globalization;
using System.Text;

namespace Handbook.Benchmarks;

/// <summary>
/// Generates a handbook project of a given size, deterministically (fixed seed): this repository's index and guide chapter (so
/// the archetypes and questions are the real ones), then the pages in folders of <see cref="PagesPerFolder"/>, each about 12 KB of
/// prose with lists, a table, a code block, links to headings of other pages and archetype references; and a story bank of one
/// story per ten pages (1,000 at 10,000 pages). <see cref="WriteHugoSite"/> writes the same Markdown as a Hugo site.
/// </summary>
public static class Corpus
{
    public const int PagesPerFolder = 50;

    private const int Seed = 12;

    private static readonly string[] Words =
    [
        "latency", "queue", "owner", "budget", "incident", "rollback", "review", "metric", "customer", "deadline", "trade-off",
        "design", "service", "cache", "retry", "timeout", "capacity", "alert", "runbook", "team", "mentor", "scope", "risk",
        "estimate", "launch", "migration", "schema", "contract", "feedback", "priority", "the", "a", "we", "I", "measured",
        "shipped", "decided", "because", "after", "before", "with", "without", "every", "week", "until", "so", "and", "then",
    ];

    public static string Generate(string repositoryRoot, string target, int pages)
    {
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        var content = Path.Combine(target, "content");
        var storiesFolder = Path.Combine(content, "stories");
        Directory.CreateDirectory(storiesFolder);
        File.Copy(Path.Combine(repositoryRoot, "handbook.yml"), Path.Combine(target, "handbook.yml"));
        File.Copy(Path.Combine(repositoryRoot, "content", "index.md"), Path.Combine(content, "index.md"));
        File.Copy(Path.Combine(repositoryRoot, "content", "04-behavioral-and-lead.md"), Path.Combine(content, "04-behavioral-and-lead.md"));

        var random = new Random(Seed);
        for (var i = 0; i < pages; i++)
        {
            var (folder, page) = (i / PagesPerFolder, i % PagesPerFolder);
            var directory = Path.Combine(content, FolderName(folder));
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, PageName(page) + ".md"), Page(random, folder, page, pages));
        }

        var realStories = Directory.EnumerateFiles(Path.Combine(repositoryRoot, "content", "stories"), "*.yml").Order(StringComparer.Ordinal).ToList();
        var storyCount = Math.Max(realStories.Count, pages / 10);
        for (var i = 0; i < storyCount; i++)
        {
            var source = realStories[i % realStories.Count];
            var name = Path.GetFileNameWithoutExtension(source);
            var text = File.ReadAllText(source);
            if (i >= realStories.Count)
            {
                var number = (i / realStories.Count).ToString(CultureInfo.InvariantCulture);
                text = text.Replace("\ntitle: ", $"\ntitle: ({number}) ", StringComparison.Ordinal)
                    .Replace("primary: true", "primary: false", StringComparison.Ordinal);
                name += "-" + number;
            }

            File.WriteAllText(Path.Combine(storiesFolder, name + ".yml"), text);
        }

        return target;
    }

    /// <summary>
    /// The same Markdown as a Hugo site (stories have no Hugo equivalent): each folder a section, with a layout that, like
    /// Handbook's sidebar at this size, lists the current section's pages and one link per section, plus the page's contents.
    /// </summary>
    public static void WriteHugoSite(string project, string target)
    {
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        var content = Path.Combine(target, "content");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(project, "content"), "*.md", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Path.Combine(project, "content"), file);
            if (relative == "index.md")
            {
                relative = "_index.md";
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(content, relative))!);
            File.Copy(file, Path.Combine(content, relative));
        }

        var layouts = Path.Combine(target, "layouts", "_default");
        Directory.CreateDirectory(layouts);
        File.WriteAllText(Path.Combine(target, "hugo.toml"),
            "baseURL = \"http://localhost/\"\ntitle = \"bench\"\nrelativeURLs = true\ndisableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\"]\n");
        const string layout = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>
            <nav><ul>{{ range .Site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
            <ul>{{ range .CurrentSection.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></nav>
            <main>{{ .TableOfContents }}{{ .Content }}</main>
            {{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
            </body></html>
            """;
        File.WriteAllText(Path.Combine(layouts, "single.html"), layout);
        File.WriteAllText(Path.Combine(layouts, "list.html"), layout);
    }

    private static string FolderName(int folder) => "part-" + (folder + 1).ToString("D3", CultureInfo.InvariantCulture);

    private static string PageName(int page) => "page-" + (page + 1).ToString("D2", CultureInfo.InvariantCulture);

    private static string Page(Random random, int folder, int page, int pages)
    {
        var title = $"Part {folder + 1} · Note {page + 1}";
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"---\ntitle: \"{title}\"\norder: {page + 1}\n---\n\n# {title}\n\n");
        for (var section = 1; section <= 8; section++)
        {
            text.Append(CultureInfo.InvariantCulture, $"## Section {section}\n\n");
            Paragraph(random, text, 70);
            switch (section % 4)
            {
                case 1:
                    for (var item = 0; item < 4; item++)
                    {
                        text.Append("- **").Append(Word(random)).Append(":** ");
                        Sentence(random, text, 10);
                        text.Append('\n');
                    }

                    break;
                case 2:
                    text.Append("| Signal | Before | After | Owner |\n|---|---:|---:|---|\n");
                    for (var row = 0; row < 5; row++)
                    {
                        text.Append(CultureInfo.InvariantCulture, $"| {Word(random)} | {random.Next(10, 999)} ms | {random.Next(1, 99)} ms | {Word(random)} |\n");
                    }

                    break;
                case 3:
                    text.Append("```python\ndef retry(call, attempts=3):\n    for attempt in range(attempts):\n        try:\n            return call()\n")
                        .Append(CultureInfo.InvariantCulture, $"        except TimeoutError:\n            sleep({random.Next(1, 9)} * 2 ** attempt)\n    raise RuntimeError(\"gave up\")\n```\n");
                    break;
                default:
                    // A link to a heading of another page, anywhere in the site, and an archetype reference.
                    var other = random.Next(pages);
                    var (otherFolder, otherPage) = (other / PagesPerFolder, other % PagesPerFolder);
                    var href = otherFolder == folder ? PageName(otherPage) + ".md" : $"../{FolderName(otherFolder)}/{PageName(otherPage)}.md";
                    text.Append(CultureInfo.InvariantCulture, $"See [section {section} of part {otherFolder + 1}]({href}#section-{random.Next(1, 9)}) and archetype #{random.Next(1, 11)}; ")
                        .Append(CultureInfo.InvariantCulture, $"the [delivery rules](../04-behavioral-and-lead.md#delivery-rules) apply.\n");
                    break;
            }

            text.Append('\n');
            Paragraph(random, text, 60);
        }

        return text.ToString();
    }

    private static string Word(Random random) => Words[random.Next(Words.Length)];

    private static void Paragraph(Random random, StringBuilder text, int words)
    {
        for (var sentence = 0; sentence < words / 12; sentence++)
        {
            Sentence(random, text, 12);
            text.Append(' ');
        }

        text.Append("\n\n");
    }

    private static void Sentence(Random random, StringBuilder text, int words)
    {
        var first = Word(random);
        text.Append(char.ToUpperInvariant(first[0])).Append(first.AsSpan(1));
        for (var i = 1; i < words; i++)
        {
            text.Append(' ').Append(Word(random));
        }

        text.Append('.');
    }
}
