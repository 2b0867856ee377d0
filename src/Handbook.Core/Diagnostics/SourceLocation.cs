namespace Handbook.Diagnostics;

/// <summary>A place in a source file. <see cref="Path"/> is relative to the project folder, with '/' separators; line and column are 1-based (0 = unknown).</summary>
public readonly record struct SourceLocation(string Path, int Line, int Column)
{
    public static SourceLocation File(string path) => new(path, 0, 0);

    public override string ToString() => Line <= 0 ? Path : Column <= 0 ? $"{Path}:{Line}" : $"{Path}:{Line}:{Column}";
}
