using System.Collections;
using System.Globalization;
using Scriban.Runtime;

namespace Handbook.Render;

/// <summary>HTML that is already safe to emit: rendered Markdown, or markup the renderer itself built from escaped parts.</summary>
public readonly record struct SafeHtml(string Value)
{
    public override string ToString() => Value;
}

/// <summary>
/// The one place where values enter templates, and so the one place where they are HTML-escaped: Scriban never escapes by itself.
/// A <see cref="string"/> is escaped; only <see cref="SafeHtml"/> passes through as markup. Templates see plain
/// <see cref="ScriptObject"/>s of approved values (no reflection over rich objects, which also keeps the tool trim-safe).
/// </summary>
public sealed class TemplateObject : ScriptObject
{
    /// <summary>
    /// Without <c>autoImportStaticsFromThisType: false</c>, Scriban imports a subclass's public static methods into every instance by
    /// reflection: each model object carried <c>escape</c> and <c>number</c> functions, and building one cost more than rendering it.
    /// </summary>
    public TemplateObject()
        : base(8, autoImportStaticsFromThisType: false)
    {
    }

    public TemplateObject Set(string key, object? value)
    {
        SetValue(key, ToTemplateValue(value), readOnly: false);
        return this;
    }

    public static object? ToTemplateValue(object? value) => value switch
    {
        null => null,
        string text => Escape(text),
        SafeHtml html => html.Value,
        bool or int or long or double => value,
        ScriptObject or ScriptArray => value,
        IEnumerable items => ToArray(items),
        _ => throw new InvalidOperationException($"A {value.GetType().Name} cannot enter a template; convert it to text or a TemplateObject first."),
    };

    /// <summary>Escapes the five characters that matter in HTML text and attribute values; everything else stays readable.</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var escaped = new System.Text.StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            } ?? c.ToString());
        }

        return escaped.ToString();
    }

    private static ScriptArray ToArray(IEnumerable items)
    {
        var array = new ScriptArray();
        foreach (var item in items)
        {
            array.Add(ToTemplateValue(item));
        }

        return array;
    }

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
