using Handbook.Diagnostics;

namespace Handbook.Yaml;

/// <summary>A YAML node with the place it starts, so every later diagnostic can point at it.</summary>
public abstract record YamlNode(SourceLocation Location);

/// <summary>A scalar. <see cref="IsPlain"/> is false for quoted and block scalars, which are always strings.</summary>
public sealed record YamlScalar(SourceLocation Location, string Value, bool IsPlain) : YamlNode(Location)
{
    /// <summary>A plain <c>~</c>, <c>null</c> or empty scalar.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";
}

public sealed record YamlSequence(SourceLocation Location, IReadOnlyList<YamlNode> Items) : YamlNode(Location);

public sealed record YamlEntry(YamlScalar Key, YamlNode Value);

public sealed record YamlMapping(SourceLocation Location, IReadOnlyList<YamlEntry> Entries) : YamlNode(Location);
