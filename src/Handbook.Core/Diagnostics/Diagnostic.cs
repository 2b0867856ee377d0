using System.Globalization;

namespace Handbook.Diagnostics;

public enum Severity
{
    Info,
    Warning,
    Error,
}

/// <summary>One content problem, printed compiler-style: <c>path:line:col: severity CODE: message</c>.</summary>
public sealed record Diagnostic(SourceLocation Location, Severity Severity, string Code, string Message)
{
    public string SeverityName => Severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    public override string ToString()
    {
        var where = Location.Line > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{Location.Path}:{Location.Line}:{Math.Max(1, Location.Column)}")
            : Location.Path;
        return $"{where}: {SeverityName} {Code}: {Message}";
    }
}
