using Handbook.Diagnostics;
using Handbook.Yaml;

namespace Handbook.Config;

/// <summary>Reads <c>handbook.yml</c>: typed, strict, every problem located.</summary>
public static class ConfigReader
{
    public static HandbookConfig Read(string path, string text, DiagnosticBag diagnostics)
    {
        var root = YamlTreeReader.Read(path, text, diagnostics);
        if (root is null)
        {
            if (!diagnostics.HasErrors)
            {
                diagnostics.Error(SourceLocation.File(path), "config-empty", "handbook.yml is empty; it needs at least 'title:'");
            }

            return HandbookConfig.Default;
        }

        if (root is not YamlMapping map)
        {
            diagnostics.Error(root.Location, "config-type", "handbook.yml must be a mapping of keys such as 'title: My handbook'");
            return HandbookConfig.Default;
        }

        YamlFields.RejectUnknownKeys(map, HandbookConfig.Keys, "config-unknown-key", "key", diagnostics);
        var title = YamlFields.String(map, "title", "config-type", diagnostics);
        if (string.IsNullOrWhiteSpace(title))
        {
            diagnostics.Error(YamlFields.Get(map, "title")?.Location ?? map.Location, "config-missing-title", "handbook.yml needs a non-empty 'title'");
            title = HandbookConfig.Default.Title;
        }

        var baseUrl = YamlFields.String(map, "base_url", "config-type", diagnostics);
        if (baseUrl is not null)
        {
            if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                diagnostics.Error(YamlFields.Get(map, "base_url")!.Location, "config-base-url", $"'base_url' must be an absolute http(s) URL such as https://user.github.io/repo/, not '{baseUrl}'");
                baseUrl = null;
            }
            else if (!baseUrl.EndsWith('/'))
            {
                baseUrl += "/";
            }
        }

        var linkCheck = LinkCheckMode.Error;
        var linkCheckText = YamlFields.String(map, "link_check", "config-type", diagnostics);
        switch (linkCheckText)
        {
            case null or "error":
                break;
            case "warn":
                linkCheck = LinkCheckMode.Warn;
                break;
            default:
                diagnostics.Error(YamlFields.Get(map, "link_check")!.Location, "config-link-check", $"'link_check' must be 'error' or 'warn', not '{linkCheckText}'");
                break;
        }

        var audience = Audience.Both;
        var audienceText = YamlFields.String(map, "audience", "config-type", diagnostics);
        if (audienceText is not null && !TryParseAudience(audienceText, out audience))
        {
            var suggestion = Text.Spelling.Closest(audienceText, AudienceNames);
            var hint = suggestion is null ? "" : $"; did you mean '{suggestion}'?";
            diagnostics.Error(YamlFields.Get(map, "audience")!.Location, "config-audience", $"'audience' must be 'candidate', 'team' or 'both', not '{audienceText}'{hint}");
        }

        var language = YamlFields.String(map, "language", "config-type", diagnostics);
        var contentDirNode = YamlFields.Get(map, "content_dir");
        var contentDir = ContentDir(YamlFields.String(map, "content_dir", "config-type", diagnostics), contentDirNode?.Location ?? map.Location, diagnostics);
        var publishing = ReadPublishing(map, diagnostics);
        return new HandbookConfig(
            title.Trim(),
            YamlFields.String(map, "description", "config-type", diagnostics),
            baseUrl,
            YamlFields.String(map, "author", "config-type", diagnostics),
            string.IsNullOrWhiteSpace(language) ? "en" : language.Trim(),
            linkCheck)
        {
            Audience = audience,
            ContentDir = contentDir,
            ContentDirLocation = contentDirNode?.Location ?? SourceLocation.File(path),
            Publishing = publishing,
        };
    }

    /// <summary>
    /// <c>content_dir</c> as a clean project-relative folder (<c>docs</c>, <c>apps/website/contents</c>): never absolute, never
    /// leaving the project, never the project folder itself (whose handbook.yml, templates/ and site/ would then be content).
    /// </summary>
    private static string ContentDir(string? value, SourceLocation at, DiagnosticBag diagnostics)
    {
        if (value is null)
        {
            return HandbookConfig.DefaultContentDir;
        }

        var trimmed = value.Trim().Replace('\\', '/');
        var parts = trimmed.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".").ToList();
        string? problem = null;
        if (trimmed.StartsWith('/') || Path.IsPathRooted(trimmed) || (trimmed.Length >= 2 && trimmed[1] == ':'))
        {
            problem = "must be a folder inside the project, relative to handbook.yml (such as 'docs'), not an absolute path";
        }
        else if (parts.Contains(".."))
        {
            problem = "must be a folder inside the project; '..' would leave it";
        }
        else if (parts.Count == 0)
        {
            problem = "must name a folder below the project (such as 'docs'), not the project folder itself";
        }

        if (problem is not null)
        {
            diagnostics.Error(at, "config-content-dir", $"'content_dir' {problem}: '{value}'");
            return HandbookConfig.DefaultContentDir;
        }

        return string.Join('/', parts);
    }

    public static readonly IReadOnlyList<string> AudienceNames = ["both", "candidate", "team"];

    /// <summary>The words of <c>audience:</c> and <c>--audience</c>: candidate, team or both.</summary>
    public static bool TryParseAudience(string text, out Audience audience)
    {
        (var known, audience) = text.Trim() switch
        {
            "both" => (true, Audience.Both),
            "candidate" => (true, Audience.Candidate),
            "team" => (true, Audience.Team),
            _ => (false, Audience.Both),
        };
        return known;

    }

    private static PublishingKeys ReadPublishing(YamlMapping map, DiagnosticBag diagnostics)
    {
        var repoUrl = YamlFields.String(map, "repo_url", "config-type", diagnostics)?.Trim();
        if (repoUrl is not null && !(Uri.TryCreate(repoUrl, UriKind.Absolute, out var repo) && (repo.Scheme == Uri.UriSchemeHttp || repo.Scheme == Uri.UriSchemeHttps)))
        {
            diagnostics.Error(YamlFields.Get(map, "repo_url")!.Location, "config-repo-url", $"'repo_url' must be an absolute http(s) URL such as https://github.com/you/handbook, not '{repoUrl}'");
            repoUrl = null;
        }

        var editUri = YamlFields.String(map, "edit_uri", "config-type", diagnostics)?.Trim();
        if (editUri is not null && repoUrl is null && YamlFields.Get(map, "repo_url") is null)
        {
            diagnostics.Warning(YamlFields.Get(map, "edit_uri")!.Location, "config-edit-uri", "'edit_uri' does nothing without 'repo_url', which it is relative to");
        }

        var lastUpdated = YamlFields.String(map, "last_updated", "config-type", diagnostics);
        if (lastUpdated is not null and not "git")
        {
            diagnostics.Error(YamlFields.Get(map, "last_updated")!.Location, "config-last-updated", $"'last_updated' can only be 'git' (the date of the last commit of each page's file), not '{lastUpdated}'");
        }

        return new PublishingKeys(string.IsNullOrEmpty(repoUrl) ? null : repoUrl, editUri ?? PublishingKeys.DefaultEditUri, lastUpdated == "git");
    }
}
