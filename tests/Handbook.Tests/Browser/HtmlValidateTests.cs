using System.Diagnostics;
using System.Text.Json;

namespace Handbook.Tests.Browser;

/// <summary>html-validate (presets standard + document, SRI only for cross-origin resources) over every output page.</summary>
public sealed class HtmlValidateTests
{
    [SkippableFact]
    public void Every_page_of_the_repository_site_validates_with_zero_errors()
    {
        BrowserEnvironment.RequireTooling();
        var site = BuiltSite.OfRepository;
        var pages = site.Pages.Select(p => Path.Combine(site.Folder, p)).ToList();
        Assert.NotEmpty(pages);
        AssertValid(pages);
    }

    [SkippableFact]
    public void The_404_page_with_a_configured_base_url_validates()
    {
        BrowserEnvironment.RequireTooling();
        var site = BuiltSite.Build("https://someone.github.io/handbook/");
        AssertValid([Path.Combine(site.Folder, "404.html"), Path.Combine(site.Folder, "index.html")]);
    }

    internal static void AssertValid(IReadOnlyList<string> files)
    {
        var start = new ProcessStartInfo(BrowserEnvironment.HtmlValidate)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = BrowserEnvironment.ToolingFolder,
        };
        start.ArgumentList.Add("--config");
        start.ArgumentList.Add(Path.Combine(BrowserEnvironment.ToolingFolder, ".htmlvalidate.json"));
        start.ArgumentList.Add("--formatter");
        start.ArgumentList.Add("json");
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(stdout.TrimStart().StartsWith('['), $"html-validate gave no JSON report (exit {process.ExitCode}): {stdout}\n{stderr.Result}");

        var problems = new List<string>();
        foreach (var result in JsonDocument.Parse(stdout).RootElement.EnumerateArray())
        {
            var file = Path.GetFileName(Path.GetDirectoryName(result.GetProperty("filePath").GetString())) + "/" + Path.GetFileName(result.GetProperty("filePath").GetString());
            foreach (var message in result.GetProperty("messages").EnumerateArray().Where(m => m.GetProperty("severity").GetInt32() >= 2))
            {
                problems.Add($"{file}:{message.GetProperty("line")}:{message.GetProperty("column")}: {message.GetProperty("ruleId").GetString()}: {message.GetProperty("message").GetString()}");
            }
        }

        Assert.True(problems.Count == 0, $"html-validate found {problems.Count} errors in {files.Count} pages:\n" + string.Join('\n', problems));
        Assert.Equal(0, process.ExitCode);
    }
}
