using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Handbook.Tests.Support;

namespace Handbook.Tests.Robustness;

/// <summary>
/// Issue 8, determinism: two builds of the same input are byte-identical whatever the culture and whatever order the
/// file system lists the input in.
/// </summary>
/// <remarks>
/// The projects set InvariantGlobalization=true, so in this test process every culture behaves like the invariant one (and named
/// cultures such as tr-TR cannot even be created: PredefinedCulturesOnly). The in-process test therefore sets a hostile *custom*
/// culture (cloned from the invariant one with a comma decimal separator, odd signs and a non-Gregorian-looking date pattern),
/// which does change what culture-sensitive formatting produces even in invariant mode. The out-of-process test then runs the
/// real CLI with globalization enabled (ICU) under tr_TR and ja_JP locales, which is what a library host without invariant mode sees.
/// </remarks>
public sealed class DeterminismTests
{
    private static CultureInfo HostileCulture(string decimalSeparator, string negativeSign)
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = decimalSeparator;
        culture.NumberFormat.NumberGroupSeparator = "\u00a0";
        culture.NumberFormat.NegativeSign = negativeSign;
        culture.NumberFormat.PositiveSign = "⁺";
        culture.NumberFormat.PercentSymbol = "٪";
        culture.DateTimeFormat.ShortDatePattern = "yyyy'年'MM'月'dd";
        culture.DateTimeFormat.LongTimePattern = "HH'時'mm";
        culture.DateTimeFormat.DateSeparator = ".";
        culture.DateTimeFormat.TimeSeparator = "·";
        return culture;
    }

    /// <summary>A copy of the repository's handbook written file by file in the given order (plus a page and story with non-ASCII names).</summary>
    private static TempProject CopyInOrder(bool reverse)
    {
        var project = new TempProject(withConfig: false);
        var repo = TempProject.RepositoryRoot();
        var files = Directory.EnumerateFiles(Path.Combine(repo, "content"), "*", SearchOption.AllDirectories)
            .Append(Path.Combine(repo, "handbook.yml"))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (reverse)
        {
            files.Reverse();
        }

        var extra = new List<(string, string)>
        {
            ("content/zz-ünïcode.md", "---\ntitle: Ünïcode 面试\norder: -3\n---\n# Ünïcode 面试 🚀\n\n## Café\n\n## Café\n\nValue 1.5, −2, 10%.\n"),
            ("content/Aa-upper.md", "# Upper\n\nSee [the chapter](04-behavioral-and-lead.md#delivery-rules).\n"),
            ("content/aa-lower.md", "# lower\n"),
            ("content/stories/n-story.yml", "title: Ñandú\narchetypes: [2]\nsituation: s\ntask: t\nactions: [a]\nresult: 3.5x faster\n"),
        };
        if (reverse)
        {
            extra.Reverse();
        }

        foreach (var (path, text) in extra.Take(2))
        {
            project.Write(path, text);
        }

        foreach (var file in files)
        {
            var target = Path.Combine(project.Root, Path.GetRelativePath(repo, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        foreach (var (path, text) in extra.Skip(2))
        {
            project.Write(path, text);
        }

        return project;
    }

    private static Handbook.Build.BuildResult BuildIn(TempProject project, CultureInfo culture)
    {
        var (current, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            // CurrentCulture flows into the pipeline's parallel page rendering (it is carried by the execution context).
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return project.Build(r => r with { BaseUrl = "https://example.org/handbook/" });
        }
        finally
        {
            CultureInfo.CurrentCulture = current;
            CultureInfo.CurrentUICulture = ui;
        }
    }

    private static void AssertSameBytes(string expectedFolder, string actualFolder)
    {
        var expected = FolderSnapshot.Take(expectedFolder);
        Assert.True(expected.Count > 10, $"only {expected.Count} files in {expectedFolder}");
        FolderSnapshot.AssertEqual(expected, FolderSnapshot.Take(actualFolder));
    }

    [Fact]
    public void Two_builds_in_different_cultures_and_file_orders_are_byte_identical()
    {
        using var first = CopyInOrder(reverse: false);
        using var second = CopyInOrder(reverse: true);

        var a = BuildIn(first, HostileCulture(",", "~"));
        var b = BuildIn(second, HostileCulture("·", "−"));

        Assert.Equal(a.Diagnostics.Select(d => d.ToString()), b.Diagnostics.Select(d => d.ToString()));
        Assert.True(a.Succeeded, string.Join("\n", a.Diagnostics));
        Assert.True(File.Exists(Path.Combine(first.Site, "sitemap.xml")));
        AssertSameBytes(first.Site, second.Site);
    }

    [Fact]
    public void A_rebuild_of_the_same_project_is_byte_identical()
    {
        using var project = CopyInOrder(reverse: false);
        Assert.True(project.Build().Succeeded);
        var before = FolderSnapshot.Take(project.Site);
        Assert.True(project.Build().Succeeded);
        FolderSnapshot.AssertEqual(before, FolderSnapshot.Take(project.Site));
    }

    /// <summary>
    /// Issue 12: a build lets each chapter's Markdown tree go once the model has what it needs (at once when the guide extraction
    /// does not read it), and the page parses it again to render; the preview server keeps them. The site must not change.
    /// </summary>
    [Fact]
    public void Letting_the_markdown_trees_go_after_the_model_stage_builds_the_same_bytes_as_keeping_them()
    {
        using var held = CopyInOrder(reverse: false);
        using var released = CopyInOrder(reverse: false);

        var a = held.Build(r => r with { BaseUrl = "https://example.org/handbook/", KeepMarkdownTrees = true });
        var b = released.Build(r => r with { BaseUrl = "https://example.org/handbook/" });

        Assert.True(a.Succeeded, string.Join("\n", a.Diagnostics));
        Assert.Equal(a.Diagnostics.Select(d => d.ToString()), b.Diagnostics.Select(d => d.ToString()));
        AssertSameBytes(held.Site, released.Site);
    }

    [Fact]
    public void Letting_the_markdown_trees_go_after_the_model_stage_reports_the_same_problems_at_the_same_lines()
    {
        const string Page = "# Notes\n\nIntro.\n\n## Part {#part}\n\nSee [gone](missing.md) and [here](#nowhere), [there](#part), archetype #99.\n";
        using var held = CopyInOrder(reverse: false);
        using var released = CopyInOrder(reverse: false);
        held.Write("content/notes.md", Page);
        released.Write("content/notes.md", Page);

        var a = held.Build(r => r with { KeepMarkdownTrees = true });
        var b = released.Build();

        Assert.Contains(a.Diagnostics, d => d.ToString().StartsWith("content/notes.md:7:5: error link-broken", StringComparison.Ordinal));
        Assert.Contains(a.Diagnostics, d => d.ToString().StartsWith("content/notes.md:7:", StringComparison.Ordinal) && d.Code == "archetype-unknown-ref");
        Assert.Equal(a.Diagnostics.Select(d => d.ToString()), b.Diagnostics.Select(d => d.ToString()));
    }

    [SkippableTheory]
    [InlineData("tr_TR.UTF-8")]
    [InlineData("ja_JP.UTF-8")]
    [InlineData("de_DE.UTF-8")]
    public void The_cli_with_real_cultures_builds_the_same_bytes_as_the_invariant_build(string locale)
    {
        using var reference = CopyInOrder(reverse: false);
        Assert.True(BuildIn(reference, CultureInfo.InvariantCulture).Succeeded);

        using var project = CopyInOrder(reverse: true);
        var output = Path.Combine(project.Root, "site");
        var (exit, stdout, stderr) = RunCliWithGlobalization(locale, "build", project.Root, "-o", output, "--base-url", "https://example.org/handbook/");
        Skip.If(stderr.Contains("ICU", StringComparison.Ordinal), "no ICU library on this machine: " + stderr);
        Assert.True(exit == 0, stdout + stderr);
        AssertSameBytes(reference.Site, output);
    }

    /// <summary>
    /// Runs the real CLI (handbook.dll beside the tests) in a child process whose runtime config turns InvariantGlobalization off,
    /// with LANG/LC_ALL set: with ICU loaded, .NET takes CurrentCulture from them.
    /// </summary>
    private static (int Exit, string Stdout, string Stderr) RunCliWithGlobalization(string locale, params string[] args)
    {
        var bin = AppContext.BaseDirectory;
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(bin, "handbook.runtimeconfig.json")))!;
        config["runtimeOptions"]!["configProperties"] ??= new JsonObject();
        config["runtimeOptions"]!["configProperties"]!["System.Globalization.Invariant"] = false;
        config["runtimeOptions"]!["configProperties"]!["System.Globalization.PredefinedCulturesOnly"] = false;
        // A GUID-named folder of its own, as the path-safety tests expect of every scratch entry beside their projects.
        var configPath = Path.Combine(Path.GetTempPath(), "handbook-tests", Guid.NewGuid().ToString("N"), "globalized.runtimeconfig.json");
        Directory.CreateDirectory(Path.GetDirectoryName(configPath)!);
        File.WriteAllText(configPath, config.ToJsonString());
        try
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { "exec", "--runtimeconfig", configPath, "--depsfile", Path.Combine(bin, "handbook.deps.json"), Path.Combine(bin, "handbook.dll") }.Concat(args))
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["LANG"] = locale;
            start.Environment["LC_ALL"] = locale;
            start.Environment.Remove("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT");
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(60_000), "the CLI did not finish in 60 s");
            return (process.ExitCode, stdout.Result, stderr.Result);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(configPath)!, recursive: true);
        }
    }
}
