using System.Globalization;
using System.Text;
using Handbook.Load;
using Handbook.Render;
using Handbook.Render.Pages;

namespace Handbook.Build;

/// <summary>
/// What each page is rendered from, as one key per page: equal keys mean the page would render to the same bytes.
/// Every page depends on the shell (config, theme, options, and the sidebar's list of pages). Beyond it:
/// a chapter depends on its own text and the guide's structure (archetypes, questions, page paths);
/// an archetype page on the guide and the stories it shows; the 404 page on nothing else;
/// every other page (indexes, sheets, readiness, and any kind added later) on the guide and every story.
/// So a story edit re-renders its archetypes' pages and the story-wide pages, a chapter edit that chapter and
/// the pages derived from the guide, and a template edit everything.
/// </summary>
internal sealed class PageInputs
{
    private readonly Dictionary<string, string> _textHash = new(StringComparer.Ordinal);
    private readonly string _shell;
    private readonly string _structure;
    private readonly string _guide;
    private readonly string _stories;
    private readonly SiteContext _site;

    /// <param name="hashOf">The hash of a source file's text (the cache's, which hashes a file again only when it changed).</param>
    public PageInputs(SourceSet sources, SiteContext site, Func<SourceFile, string> hashOf)
    {
        _site = site;
        foreach (var file in sources.Pages.Concat(sources.Stories))
        {
            _textHash[file.Path] = hashOf(file);
        }

        var model = site.Handbook.Model;
        var shell = new StringBuilder()
            .Append(BuildCache.Hash(sources.Config?.Text ?? "")).Append('\n')
            .Append(BuildCache.Hash(sources.Loop?.Text ?? "")).Append('\n')
            .Append(BuildCache.TemplatesKey(sources.TemplateOverrides)).Append('\n')
            .Append(site.Options).Append('\n')
            .AppendJoin(',', site.Options.LastUpdated.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => d.Key + "=" + d.Value)).Append('\n')
            .Append(model.HasStoryBank).Append(site.Handbook.Stories.Any(s => !s.IsPublic)).Append('\n');
        // The sidebar: sections, labels and order (mkdocs.yml, _category_ files and front matter labels change it).
        foreach (var file in sources.NavFiles)
        {
            shell.Append(file.Path).Append('\t').Append(BuildCache.Hash(file.Text)).Append('\n');
        }

        AppendNav(shell, model.Nav.Entries, 0);
        foreach (var page in site.Pages)
        {
            shell.Append(page.GetType().Name).Append('\t').Append(page.OutputPath).Append('\t').Append(page.Title).Append('\t').Append(page.SequenceKey).Append('\n');
        }

        _shell = BuildCache.Hash(shell.ToString());

        var structure = new StringBuilder();
        foreach (var archetype in model.Archetypes)
        {
            structure.Append(CultureInfo.InvariantCulture, $"{archetype.Number}\t{archetype.Slug}\t{archetype.Title}\n");
        }

        foreach (var question in model.Questions)
        {
            structure.Append(question.Id).Append('\t').Append(question.ChapterPath).Append('\t').Append(question.GuideHeadingId).Append('\n');
        }

        foreach (var chapter in model.Chapters)
        {
            structure.Append(chapter.SourcePath).Append('\t').Append(chapter.OutputPath).Append('\n');
        }

        _structure = BuildCache.Hash(structure.ToString());
        _guide = Combine(sources.Pages.Select(p => _textHash[p.Path]).Append(BuildCache.Hash(sources.ArchetypesFile?.Text ?? "")));
        _stories = Combine(model.Stories.Select(s => s.SourcePath + ":" + TextHash(s.SourcePath)));
    }

    public string KeyOf(Page page) => page switch
    {
        ChapterPage chapter => Combine([_shell, _structure, TextHash(chapter.Chapter.SourcePath)]),
        ArchetypePage archetype => Combine([_shell, _guide, .. _site.Handbook.StoriesFor(archetype.Archetype.Number).Select(s => s.SourcePath + ":" + TextHash(s.SourcePath))]),
        NotFoundPage => _shell,
        _ => Combine([_shell, _guide, _stories]),
    };

    private static void AppendNav(StringBuilder into, IEnumerable<Model.NavNode> entries, int depth)
    {
        foreach (var entry in entries)
        {
            into.Append(depth).Append('\t').Append(entry.Label).Append('\t');
            switch (entry)
            {
                case Model.NavPage page:
                    into.Append(page.Chapter.OutputPath).Append('\n');
                    break;
                case Model.NavLink link:
                    into.Append(link.Url).Append('\n');
                    break;
                case Model.NavSection section:
                    into.Append('\n');
                    AppendNav(into, section.Children, depth + 1);
                    break;
            }
        }
    }

    private string TextHash(string path) => _textHash.GetValueOrDefault(path, path);

    private static string Combine(IEnumerable<string> parts) => BuildCache.Hash(string.Join('\n', parts));
}
