namespace Handbook.Model;

/// <summary>
/// The front matter keys a page may carry. A guide written for MkDocs, Docusaurus, Hugo or Jekyll keeps its front matter:
/// keys with a meaning here are honoured, keys those tools document are kept and ignored without a word, and anything else
/// is one warning with a did-you-mean (most likely a typo of a key that matters).
/// </summary>
public static class FrontMatterKeys
{
    /// <summary>Keys Handbook reads (see <see cref="ChapterReader"/>); a wrong type on one of them is an error.</summary>
    public static readonly IReadOnlyList<string> Honoured =
    [
        "title", "description", "slug", "id",
        "sidebar_label", "nav_title",
        "order", "sidebar_position", "weight", "nav_order",
        "tags", "keywords",
        "draft", "unlisted",
        "hide",
    ];

    /// <summary>The nav label keys, first found wins: Docusaurus' <c>sidebar_label</c>, then <c>nav_title</c>.</summary>
    public static readonly IReadOnlyList<string> NavLabel = ["sidebar_label", "nav_title"];

    /// <summary>The order keys, first found wins: Handbook's own, Docusaurus, Hugo, Just the Docs (Jekyll).</summary>
    public static readonly IReadOnlyList<string> Order = ["order", "sidebar_position", "weight", "nav_order"];

    /// <summary>Values of MkDocs Material's <c>hide:</c> list; <c>toc</c> and <c>navigation</c> have an effect here.</summary>
    public static readonly IReadOnlyList<string> HideValues = ["toc", "navigation", "footer", "path", "tags", "feedback"];

    /// <summary>
    /// Docusaurus docs front matter: docusaurus.io/docs/api/plugins/@docusaurus/plugin-content-docs#markdown-front-matter
    /// (and the blog plugin's, since guides move pages between the two).
    /// </summary>
    public static readonly IReadOnlyList<string> Docusaurus =
    [
        "id", "title", "title_meta", "pagination_label", "sidebar_label", "sidebar_position", "sidebar_class_name", "sidebar_key",
        "sidebar_custom_props", "displayed_sidebar", "hide_title", "hide_table_of_contents", "toc_min_heading_level",
        "toc_max_heading_level", "pagination_next", "pagination_prev", "parse_number_prefixes", "custom_edit_url", "keywords",
        "description", "image", "slug", "tags", "draft", "unlisted", "last_update", "authors", "author", "author_title",
        "author_url", "author_image_url", "date", "sidebar", "canonical_url",
    ];

    /// <summary>
    /// MkDocs (www.mkdocs.org/user-guide/writing-your-docs/#meta-data) and Material for MkDocs
    /// (squidfunk.github.io/mkdocs-material/reference/): page metadata and the keys of its plugins (blog, social, tags).
    /// </summary>
    public static readonly IReadOnlyList<string> MkDocs =
    [
        "title", "description", "template", "icon", "status", "search", "comments", "subtitle", "social", "hide", "tags",
        "authors", "date", "categories", "links", "draft", "pin", "readtime", "slug", "render_macros",
    ];

    /// <summary>Hugo front matter: gohugo.io/content-management/front-matter/#fields (and the common theme keys it documents).</summary>
    public static readonly IReadOnlyList<string> Hugo =
    [
        "title", "description", "date", "lastmod", "publishDate", "expiryDate", "aliases", "categories", "series", "summary",
        "linkTitle", "layout", "type", "url", "menu", "menus", "weight", "toc", "math", "draft", "headless", "isCJKLanguage",
        "keywords", "markup", "outputs", "params", "resources", "sitemap", "slug", "tags", "translationKey", "build", "cascade",
        "images", "audio", "videos", "bookToc", "bookHidden", "bookCollapseSection", "bookFlatSection",
    ];

    /// <summary>
    /// Jekyll (jekyllrb.com/docs/front-matter/) with GitHub Pages' plugins and Just the Docs' navigation keys
    /// (just-the-docs.com/docs/navigation/).
    /// </summary>
    public static readonly IReadOnlyList<string> Jekyll =
    [
        "layout", "permalink", "published", "categories", "category", "tags", "date", "title", "description", "excerpt",
        "parent", "grand_parent", "has_children", "has_toc", "nav_exclude", "nav_order", "child_nav_order", "search_exclude",
        "redirect_from", "redirect_to", "toc", "last_modified_date", "author", "image", "lang", "sitemap",
    ];

    /// <summary>Every key a page may carry without a warning.</summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(
        Honoured.Concat(Docusaurus).Concat(MkDocs).Concat(Hugo).Concat(Jekyll), StringComparer.Ordinal);
}
