using System.Globalization;
using System.Text;
using System.Text.Json;
using Handbook.Build;
using Handbook.Diagnostics;

namespace Handbook.Cli;

/// <summary>Prints diagnostics where users look: compiler-style lines (coloured on a terminal), GitHub annotations in Actions, or JSON.</summary>
public sealed class DiagnosticPrinter(TextWriter output, TextWriter error, bool colour, bool githubActions)
{
    public static DiagnosticPrinter ForConsole(TextWriter output, TextWriter error) =>
        For(output, error, Environment.GetEnvironmentVariable, ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && !Console.IsErrorRedirected);

    /// <summary>
    /// Colour only on a terminal that can show it: never with <c>NO_COLOR</c> or <c>TERM=dumb</c> (Emacs shells, some CI
    /// logs); annotations only when <c>GITHUB_ACTIONS=true</c>.
    /// </summary>
    public static DiagnosticPrinter For(TextWriter output, TextWriter error, Func<string, string?> environment, bool terminal)
    {
        var noColor = !string.IsNullOrEmpty(environment("NO_COLOR")) || string.Equals(environment("TERM"), "dumb", StringComparison.Ordinal);
        var github = string.Equals(environment("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);
        return new DiagnosticPrinter(output, error, terminal && !noColor, github);
    }

    public void Print(IReadOnlyList<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            var line = diagnostic.ToString();
            var writer = diagnostic.Severity == Severity.Error ? error : output;
            writer.WriteLine(colour ? Colour(diagnostic.Severity) + line + "\u001b[0m" : line);
            if (githubActions)
            {
                output.WriteLine(Annotation(diagnostic));
            }
        }
    }

    public void Summary(BuildResult result, bool wrote)
    {
        var time = result.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
        var what = wrote && result.OutputFolder is not null
            ? $"{result.PagesRendered} pages written to {result.OutputFolder}"
            : wrote ? "nothing written" : $"{result.PagesRendered} pages checked";
        output.WriteLine($"{what}; {Plural(result.Errors, "error")}, {Plural(result.Warnings, "warning")} in {time} ms");
    }

    public static string Annotation(Diagnostic diagnostic)
    {
        var kind = diagnostic.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "notice" };
        var location = diagnostic.Location;
        var properties = new StringBuilder($"file={Property(location.Path)}");
        if (location.Line > 0)
        {
            properties.Append(CultureInfo.InvariantCulture, $",line={location.Line},col={Math.Max(1, location.Column)}");
        }

        properties.Append($",title={Property(diagnostic.Code)}");
        return $"::{kind} {properties}::{Data(diagnostic.Message)}";
    }

    /// <remarks>Relaxed escaping keeps quotes and apostrophes readable; the output is for terminals and tools, never HTML.</remarks>
    public static string Json(IReadOnlyList<Diagnostic> diagnostics)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var diagnostic in diagnostics)
            {
                DiagnosticJson.Write(json, diagnostic);
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Colour(Severity severity) => severity switch
    {
        Severity.Error => "\u001b[31m",
        Severity.Warning => "\u001b[33m",
        _ => "\u001b[36m",
    };

    private static string Plural(int count, string word) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + word + (count == 1 ? "" : "s");

    // GitHub's workflow-command escaping: data escapes %, CR, LF; properties also ':' and ','.
    private static string Data(string text) => text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string text) => Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
