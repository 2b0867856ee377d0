using System.Text;
using System.Text.Json;
using Handbook.Diagnostics;
using Handbook.Render;

namespace Handbook.Cli.Serve;

/// <summary>
/// The error overlay of the preview: rendered from the built-in <c>partials/serve_overlay.html</c> (values escaped by
/// <see cref="TemplateObject"/>, as everywhere), injected into every HTML page served while a build has errors and pushed to
/// open tabs. The built-in theme is used so the overlay still shows when the project's own templates are what is broken.
/// </summary>
public sealed class DiagnosticsOverlay
{
    public const string Template = "partials/serve_overlay.html";

    private readonly TemplateSet _templates = TemplateSet.Load(new Dictionary<string, string>(), new DiagnosticBag());

    public string Html(IReadOnlyList<Diagnostic> errors)
    {
        var model = new TemplateObject().Set("errors", errors.Select(e => new TemplateObject()
            .Set("location", e.Location.ToString())
            .Set("code", e.Code)
            .Set("message", e.Message)).ToList());
        return _templates.Get(Template).Render(_templates.CreateContext(model));
    }

    /// <summary>The server-sent <c>diagnostics</c> event's data: the overlay's markup, and the errors themselves for tools.</summary>
    public string Payload(IReadOnlyList<Diagnostic> errors)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("html", Html(errors));
            json.WriteStartArray("errors");
            foreach (var error in errors)
            {
                DiagnosticJson.Write(json, error);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Puts the overlay at the end of the page's body (or the end of the document when it has none).</summary>
    public static string Inject(string page, string overlay)
    {
        var end = page.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return end < 0 ? page + overlay : page[..end] + overlay + page[end..];
    }
}
