using System.Text;

namespace Handbook.Render;

/// <summary>
/// Output files that are not rendered pages: the theme's assets, <c>.nojekyll</c>, and the like. Not the search index, which
/// the write stage streams (<see cref="SearchIndex.Write"/>).
/// </summary>
public static class SiteFiles
{
    private const string MermaidAssets = "assets/vendor/mermaid/";

    public static IEnumerable<(string Path, byte[] Bytes)> Create(SiteContext site)
    {
        // The bundled diagram renderer is large (3.5 MB): a site without a Mermaid diagram does not carry it.
        var hasDiagrams = site.Handbook.Model.Chapters.Any(c => c.HasDiagrams);
        foreach (var (name, bytes) in site.Templates.Assets)
        {
            if (hasDiagrams || !name.StartsWith(MermaidAssets, StringComparison.Ordinal))
            {
                yield return (name, bytes.Value);
            }
        }

        // GitHub Pages would otherwise run Jekyll, which hides files and folders starting with '_' or '.'.
        yield return (".nojekyll", []);
        if (site.Options.BaseUrl is { } baseUrl)
        {
            yield return ("sitemap.xml", Sitemap(baseUrl, site.Pages));
        }
    }

    private static byte[] Sitemap(string baseUrl, IReadOnlyList<Page> pages)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var page in pages.Where(p => p.IsIndexable).OrderBy(p => p.OutputPath, StringComparer.Ordinal))
        {
            xml.Append("  <url><loc>").Append(System.Security.SecurityElement.Escape(baseUrl + Navigation.CanonicalPath(page.OutputPath))).Append("</loc></url>\n");
        }

        xml.Append("</urlset>\n");
        return Encoding.UTF8.GetBytes(xml.ToString());
    }
}
