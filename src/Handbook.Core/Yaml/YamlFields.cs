using Handbook.Diagnostics;
using Handbook.Text;

namespace Handbook.Yaml;

/// <summary>Typed reads of mapping values, each reporting a located diagnostic when the value has the wrong shape.</summary>
public static class YamlFields
{
    /// <summary>Reports every key of <paramref name="mapping"/> not in <paramref name="known"/>, suggesting the closest known key.</summary>
    public static void RejectUnknownKeys(YamlMapping mapping, IReadOnlyList<string> known, string code, string what, DiagnosticBag diagnostics)
    {
        foreach (var entry in mapping.Entries)
        {
            if (known.Contains(entry.Key.Value, StringComparer.Ordinal))
            {
                continue;
            }

            var suggestion = Spelling.Closest(entry.Key.Value, known);
            var hint = suggestion is null ? $"known keys: {string.Join(", ", known)}" : $"did you mean '{suggestion}'?";
            diagnostics.Error(entry.Key.Location, code, $"unknown {what} '{entry.Key.Value}'; {hint}");
        }
    }

    public static YamlNode? Get(YamlMapping mapping, string key) =>
        mapping.Entries.FirstOrDefault(e => string.Equals(e.Key.Value, key, StringComparison.Ordinal))?.Value;

    /// <summary>A string value; numbers and booleans written plainly are accepted as their text.</summary>
    public static string? String(YamlMapping mapping, string key, string code, DiagnosticBag diagnostics)
    {
        var node = Get(mapping, key);
        switch (node)
        {
            case null:
                return null;
            case YamlScalar { IsNull: true }:
                return null;
            case YamlScalar scalar:
                return scalar.Value;
            default:
                diagnostics.Error(node.Location, code, $"'{key}' must be text, not {Describe(node)}");
                return null;
        }
    }

    public static bool? Bool(YamlMapping mapping, string key, string code, DiagnosticBag diagnostics)
    {
        var node = Get(mapping, key);
        if (node is null or YamlScalar { IsNull: true })
        {
            return null;
        }

        if (node is YamlScalar { IsPlain: true } scalar)
        {
            switch (scalar.Value)
            {
                case "true" or "True" or "TRUE":
                    return true;
                case "false" or "False" or "FALSE":
                    return false;
            }
        }

        // yes/no are text in YAML 1.2 (and so to a schema validator), quoted or not; taken as booleans either way.
        switch ((node as YamlScalar)?.Value)
        {
            case "yes":
                return true;
            case "no":
                return false;
        }

        diagnostics.Error(node.Location, code, $"'{key}' must be true or false, not {Describe(node)}");
        return null;
    }

    /// <summary>
    /// A list of scalars, each keeping its location (an empty value is an empty scalar); null when the key is absent or its value
    /// is not a list, which is reported.
    /// </summary>
    public static IReadOnlyList<YamlScalar>? ScalarList(YamlMapping mapping, string key, string code, DiagnosticBag diagnostics)
    {
        var node = Get(mapping, key);
        switch (node)
        {
            case null or YamlScalar { IsNull: true }:
                return node is null ? null : [];
            case YamlScalar scalar:
                diagnostics.Error(scalar.Location, code, $"'{key}' must be a list, one item per line starting with '- ', not the text {Describe(scalar)}");
                return null;
            case YamlMapping:
                diagnostics.Error(node.Location, code, $"'{key}' must be a list, one item per line starting with '- ', not a mapping");
                return null;
        }

        var items = new List<YamlScalar>();
        foreach (var item in ((YamlSequence)node).Items)
        {
            if (item is YamlScalar scalar)
            {
                items.Add(scalar.IsNull ? scalar with { Value = "" } : scalar);
            }
            else
            {
                diagnostics.Error(item.Location, code, $"each item of '{key}' must be text, not {Describe(item)}");
            }
        }

        return items;
    }

    /// <summary>A node as the end of "… must be text, not ___": <c>a mapping</c>, <c>a list</c>, <c>an empty value</c>, <c>'its text'</c>.</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlMapping => "a mapping",
        YamlSequence => "a list",
        YamlScalar { IsNull: true } => "an empty value",
        YamlScalar s => $"'{Truncate(s.Value)}'",
        _ => "value",
    };

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
