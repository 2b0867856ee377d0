using Handbook.Diagnostics;
using Handbook.Load;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Handbook.Render;

/// <summary>
/// The theme: Scriban templates parsed once (<c>*.html</c>, including <c>partials/</c>), and static assets (<c>assets/**</c>).
/// Built-in files are embedded in the tool; a project's <c>templates/NAME</c> overrides the built-in <c>NAME</c>.
/// </summary>
public sealed partial class TemplateSet
{
    private const string ResourcePrefix = "templates/";
    private readonly IReadOnlyDictionary<string, Template> _templates;

    private TemplateSet(IReadOnlyDictionary<string, Template> templates, IReadOnlyDictionary<string, Lazy<byte[]>> assets, bool sidebarIsShared, bool hasOverrides)
    {
        _templates = templates;
        Assets = assets;
        SidebarIsShared = sidebarIsShared;
        HasOverrides = hasOverrides;
        _loopLimit = hasOverrides ? OverrideLoopLimit : 0;
    }

    /// <summary>Whether the project overrides a template (a file that differs from the built-in one), so pages hold markup the tool did not write.</summary>
    public bool HasOverrides { get; }

    /// <summary>Where a built-in template's errors are located: paths starting with this are Handbook's own, never the user's.</summary>
    public const string BuiltInPrefix = "(built-in) ";

    /// <summary>
    /// Iterations a page may run when the project overrides a template: a runaway <c>while</c> in a user's template stops with an error
    /// at its line instead of hanging the build. Far above what the built-in loops need for any bank (they run once per story,
    /// archetype, question and action: a few hundred thousand for 33,000 stories). Built-in templates alone run without a limit,
    /// since their loops are bounded by the content, which the loader already bounds.
    /// </summary>
    public const int OverrideLoopLimit = 10_000_000;

    private readonly int _loopLimit;

    /// <summary>The partial every page of the built-in layout includes: the navigation listing every page.</summary>
    public const string Sidebar = "partials/sidebar.html";

    /// <summary>
    /// True when the sidebar is the built-in one and no overriding template can read <c>nav</c>: then the sidebar depends only on the
    /// page's folder (its hrefs are relative) and on which item is the current page, so it is rendered once per folder and the
    /// current item marked per page (<see cref="SharedSidebar"/>) instead of being rendered from a per-page model of every page.
    /// </summary>
    public bool SidebarIsShared { get; }

    /// <summary>Files copied to the output unchanged, by their path under templates/ (<c>assets/handbook.css</c>).</summary>
    public IReadOnlyDictionary<string, Lazy<byte[]>> Assets { get; }

    /// <summary>
    /// The tool's own templates and assets, by their path under templates/, each read from the binary when first used: the
    /// bundled Mermaid (3.5 MB) is read only by a site with a diagram, not at every start-up.
    /// </summary>
    public static IReadOnlyDictionary<string, Lazy<byte[]>> BuiltInFiles { get; } = ReadBuiltIns();

    /// <summary>The built-in templates, parsed once per process (a parsed template is immutable and shared by every build and page).</summary>
    private static readonly Lazy<IReadOnlyDictionary<string, Template>> ParsedBuiltIns = new(() => BuiltInFiles
        .Where(f => IsTemplate(f.Key))
        .ToDictionary(f => f.Key, f => Template.Parse(System.Text.Encoding.UTF8.GetString(f.Value.Value), BuiltInPrefix + "templates/" + f.Key), StringComparer.Ordinal));

    /// <summary>
    /// Starts reading and parsing the built-in templates on a thread of their own, so a build's loading and reading of its content
    /// hide that start-up cost (about 20 ms in the native tool, most of it reading the templates out of the binary). A thread rather
    /// than a pool task: the content stage keeps every pool thread busy, and a queued task would only start when awaited.
    /// </summary>
    public static void StartParsingBuiltIns()
    {
        if (!ParsedBuiltIns.IsValueCreated)
        {
            new Thread(() => _ = ParsedBuiltIns.Value) { IsBackground = true, Name = "handbook templates" }.Start();
        }
    }

    public static TemplateSet Load(IReadOnlyDictionary<string, string> overrides, DiagnosticBag diagnostics)
    {
        var sources = new SortedDictionary<string, (string Path, string Text)>(StringComparer.Ordinal);
        var assets = new SortedDictionary<string, Lazy<byte[]>>(StringComparer.Ordinal);
        foreach (var (name, bytes) in BuiltInFiles)
        {
            if (!IsTemplate(name))
            {
                assets[name] = bytes;
            }
        }

        // A file the same as the built-in one (a whole theme copied to start from) overrides nothing.
        overrides = overrides.Where(o => !BuiltInFiles.TryGetValue(o.Key, out var builtIn) || !builtIn.Value.AsSpan().SequenceEqual(System.Text.Encoding.UTF8.GetBytes(o.Value)))
            .ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal);
        foreach (var (name, text) in overrides)
        {
            if (IsTemplate(name))
            {
                sources[name] = (SourceLoader.TemplatesFolder + "/" + name, text);
            }
            else
            {
                var bytes = System.Text.Encoding.UTF8.GetBytes(text);
                assets[name] = new Lazy<byte[]>(bytes);
            }
        }

        var templates = new Dictionary<string, Template>(StringComparer.Ordinal);
        foreach (var (name, template) in ParsedBuiltIns.Value.Where(b => !sources.ContainsKey(b.Key)).Concat(sources.Select(s => KeyValuePair.Create(s.Key, Template.Parse(s.Value.Text, s.Value.Path)))))
        {
            if (template.HasErrors)
            {
                foreach (var message in template.Messages)
                {
                    diagnostics.Error(new SourceLocation(template.SourceFilePath ?? name, message.Span.Start.Line + 1, message.Span.Start.Column + 1), "template-syntax", message.Message);
                }

                continue;
            }

            templates[name] = template;
        }

        var sidebarIsShared = !overrides.Any(o => IsTemplate(o.Key) && (o.Key is Sidebar or "layout.html" || NavWord().IsMatch(o.Value)));
        return new TemplateSet(templates, assets, sidebarIsShared, overrides.Keys.Any(IsTemplate));
    }

    public Template Get(string name) =>
        _templates.TryGetValue(name, out var template) ? template : throw new InvalidOperationException($"template '{name}' is missing");

    public bool Has(string name) => _templates.ContainsKey(name);

    /// <summary>A new context for one page: templates are shared, contexts are not (they are not thread-safe).</summary>
    /// <param name="sidebar">The page's sidebar, already rendered when it is shared: the built-in layout writes it as it is.</param>
    public TemplateContext CreateContext(ScriptObject model, string? sidebar = null)
    {
        var context = new TemplateContext(HasOverrides ? AllBuiltins.Value : ThemeBuiltins)
        {
            TemplateLoader = new Loader(this),
            StrictVariables = true,
            LoopLimit = _loopLimit,
            RecursiveLimit = 64,

            // Scriban cuts any value longer than 1 MiB to "..." by default, which silently truncated big pages (a long chapter,
            // a story with a huge field) mid-HTML; the input's size is already bounded by the loader's file size limit.
            LimitToString = 0,
            MemberRenamer = member => member.Name,
        };
        // The shared sidebar, or null for a theme that renders its own: the built-in layout writes it as it is, rather than through
        // an include of the sidebar partial, which copied it twice more on every page (Scriban renders an include into a builder
        // of its own and returns that as a string). Beneath the model, so the model stays the global that assignments go to.
        var slot = new ScriptObject(1, autoImportStaticsFromThisType: false);
        slot.SetValue(SharedSidebarVariable, sidebar, readOnly: true);
        context.PushGlobal(slot);
        context.PushGlobal(model);
        return context;
    }

    /// <summary>
    /// Scriban's built-in functions (<c>string.upcase</c>, <c>include</c>, …) for a project's own templates, built once and only
    /// for a project that has some: a default <see cref="TemplateContext"/> deep-clones and re-imports them by reflection, and
    /// even once that is a fifth of the CPU time of a small handbook's whole build in the Native AOT tool. Frozen, so a
    /// template that assigns to one (<c>date.format = …</c>) gets an error instead of changing every later page on every thread.
    /// </summary>
    private static readonly Lazy<ScriptObject> AllBuiltins = new(() => Freeze(new Scriban.Functions.BuiltinFunctions()));

    /// <summary>
    /// The one built-in function the built-in theme calls: <c>include</c>. (Its templates run with strict variables, so a call
    /// to any other would fail every build that renders it, in the tests first.)
    /// </summary>
    private static readonly ScriptObject ThemeBuiltins = Freeze(NewThemeBuiltins());

    private static ScriptObject NewThemeBuiltins()
    {
        var builtins = new ScriptObject(1, autoImportStaticsFromThisType: false);
        builtins.SetValue("include", new Scriban.Functions.IncludeFunction(), readOnly: true);
        return builtins;
    }

    private static ScriptObject Freeze(ScriptObject scriptObject)
    {
        foreach (var value in scriptObject.Values)
        {
            if (value is ScriptObject inner)
            {
                Freeze(inner);
            }
        }

        scriptObject.IsReadOnly = true;
        return scriptObject;
    }

    /// <summary>What <c>layout.html</c> writes for a shared sidebar (null when the theme renders its own from <c>nav</c>).</summary>
    private const string SharedSidebarVariable = "handbook_shared_sidebar";

    [System.Text.RegularExpressions.GeneratedRegex(@"\bnav\b")]
    private static partial System.Text.RegularExpressions.Regex NavWord();

    private static bool IsTemplate(string name) => name.EndsWith(".html", StringComparison.Ordinal) && !name.StartsWith("assets/", StringComparison.Ordinal);

    private static Dictionary<string, Lazy<byte[]>> ReadBuiltIns()
    {
        var assembly = typeof(TemplateSet).Assembly;
        var files = new Dictionary<string, Lazy<byte[]>>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            files[resource[ResourcePrefix.Length..].Replace('\\', '/')] = new Lazy<byte[]>(() =>
            {
                using var stream = assembly.GetManifestResourceStream(resource)!;
                var bytes = new byte[stream.Length];
                stream.ReadExactly(bytes);
                return bytes;
            });
        }

        return files;
    }

    /// <summary>Includes resolve only to templates of this set: a template can't read files from anywhere else.</summary>
    private sealed class Loader(TemplateSet set) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
        {
            if (!set._templates.TryGetValue(templateName, out var parsed))
            {
                throw new ScriptRuntimeException(callerSpan, $"no template '{templateName}' in the theme");
            }

            // Hand Scriban the template parsed at start-up, so it never parses an include again for each page.
            context.CachedTemplates.TryAdd(templateName, parsed);
            return templateName;
        }

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            throw new ScriptRuntimeException(callerSpan, $"no template '{templatePath}' in the theme");

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
    }
}
