using System.Text.Json;

namespace Handbook.Diagnostics;

/// <summary>A diagnostic as JSON, <c>{file, line, column, severity, code, message}</c>: the shape <c>check --format json</c> promises.</summary>
public static class DiagnosticJson
{
    public static void Write(Utf8JsonWriter json, Diagnostic diagnostic)
    {
        json.WriteStartObject();
        json.WriteString("file", diagnostic.Location.Path);
        json.WriteNumber("line", diagnostic.Location.Line);
        json.WriteNumber("column", diagnostic.Location.Column);
        json.WriteString("severity", diagnostic.SeverityName);
        json.WriteString("code", diagnostic.Code);
        json.WriteString("message", diagnostic.Message);
        json.WriteEndObject();
    }
}
