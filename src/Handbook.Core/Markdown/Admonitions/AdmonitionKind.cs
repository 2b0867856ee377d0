using System.Globalization;

namespace Handbook.Markdown.Admonitions;

/// <summary>
/// The styles a call-out can have, with the aliases MkDocs Material, Docusaurus and GitHub use for them
/// (<c>faq</c> is a question, <c>danger</c> and <c>error</c> are one style). An unknown type is styled as a note.
/// </summary>
public sealed record AdmonitionKind(string Name, string Label)
{
    private static readonly Dictionary<string, AdmonitionKind> ByName = Build();

    public static AdmonitionKind Note { get; } = new("note", "Note");

    public static AdmonitionKind Of(string kind) => ByName.GetValueOrDefault(kind.ToLowerInvariant(), Note);

    public static bool IsKnown(string kind) => ByName.ContainsKey(kind.ToLowerInvariant());

    /// <summary>Python-Markdown's default title: the type with its first letter upper-cased (<c>tip</c> → <c>Tip</c>).</summary>
    public static string DefaultTitle(string kind) =>
        kind.Length == 0 ? "Note" : char.ToUpper(kind[0], CultureInfo.InvariantCulture) + kind[1..].ToLowerInvariant();

    private static Dictionary<string, AdmonitionKind> Build()
    {
        var map = new Dictionary<string, AdmonitionKind>(StringComparer.Ordinal);
        void Add(string name, string label, params string[] aliases)
        {
            var kind = new AdmonitionKind(name, label);
            map[name] = kind;
            foreach (var alias in aliases)
            {
                map[alias] = kind;
            }
        }

        Add("note", "Note", "seealso");
        Add("abstract", "Abstract", "summary", "tldr");
        Add("info", "Info", "todo");
        Add("tip", "Tip", "hint");
        Add("important", "Important");
        Add("success", "Success", "check", "done");
        Add("question", "Question", "help", "faq");
        Add("warning", "Warning", "attention");
        Add("caution", "Caution");
        Add("failure", "Failure", "fail", "missing");
        Add("danger", "Danger", "error");
        Add("bug", "Bug");
        Add("example", "Example");
        Add("quote", "Quote", "cite");
        return map;
    }
}
