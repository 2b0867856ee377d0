using System.Diagnostics;
using System.Text;
using Handbook.Diagnostics;
using Handbook.Tests.Support;
using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace Handbook.Tests.Browser;

/// <summary>
/// "One page" is a promise only a print engine can check: every sheet is printed to PDF by Chromium on A4 and US Letter,
/// and poppler reads back the page count and text. Screenshots of each sheet are kept under the test output.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class PrintTests(ChromiumFixture chromium)
{
    public static readonly TheoryData<string> Formats = new() { "A4", "Letter" };

    private static readonly string[] Archetypes =
    [
        "Production debugging", "Ambiguity / 0→1", "A production incident you caused", "Disagreement / pushback", "Mentoring an engineer",
        "Cross-functional work (sales / product)", "Production scale", "A decision you'd make differently", "Customer empathy", "Making yourself replaceable",
    ];

    [SkippableTheory]
    [MemberData(nameof(Formats))]
    public async Task Every_sheet_prints_on_exactly_one_page_with_every_archetype_and_readable_type(string format)
    {
        RequirePrintTools();
        var site = BuiltSite.OfRepository;
        var sheets = site.Pages.Where(IsSheet).ToList();
        Assert.Equal(12, sheets.Count); // the cheat sheet, the question map and ten scorecards

        foreach (var sheet in sheets)
        {
            var (pages, text, smallest) = await Print(site.FileUrl(sheet), format, Path.GetFileNameWithoutExtension(sheet.Replace('/', '-')) + "-" + format);
            Assert.True(pages == 1, $"{sheet} prints on {pages} {format} pages");
            Assert.True(smallest >= 8.0, $"{sheet} has text at {smallest:0.##} pt on {format}");
            var expected = sheet.StartsWith("scorecards/", StringComparison.Ordinal)
                ? [Archetypes.Single(a => Handbook.Markdown.HeadingSlugger.Slugify(a) == Path.GetFileNameWithoutExtension(sheet))]
                : Archetypes;
            foreach (var title in expected)
            {
                Assert.True(text.Contains(Flatten(title), StringComparison.Ordinal), $"{sheet} on {format} lacks '{title}' in its PDF text");
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Formats))]
    public async Task A_large_bank_warns_and_the_cheat_sheet_still_prints_on_one_page(string format)
    {
        RequirePrintTools();
        using var project = TempProject.CopyOfRepository();
        var padding = string.Join(' ', Enumerable.Repeat("Then I kept going with more detail than anyone could say in two minutes, including 42 side notes.", 8));
        for (var i = 1; i <= 20; i++)
        {
            var archetype = (i % 10) + 1;
            project.Write($"content/stories/extra-{i:00}.yml", $"""
                title: Extra story {i} with a deliberately long title that goes on and on
                archetypes: [{archetype}]
                primary: {(i <= 10 ? "true" : "false")}
                situation: "The situation of extra story {i}. {padding}"
                task: "I owned extra task {i}. {padding}"
                actions:
                  - "I did the first thing for story {i}. {padding}"
                  - "I did the second thing. {padding}"
                  - "I did the third thing. {padding}"
                  - "I did the fourth thing. {padding}"
                result: "Latency fell by 40% and cost by 3x. {padding}"
                tie_in: "The same instinct applies to AI systems. {padding}"
                lesson: "Write shorter stories."
                """);
        }

        var result = project.Build(r => r with { Force = true });
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var sheetWarnings = result.Diagnostics.Where(d => d.Severity == Severity.Warning && d.Code.StartsWith("sheet-", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(sheetWarnings);
        Assert.All(sheetWarnings, d => Assert.Contains("cheatsheet.html", d.Message, StringComparison.Ordinal));
        Assert.Contains(sheetWarnings, d => d.Code == "sheet-condensed" && d.Location.Path.StartsWith("content/stories/extra-", StringComparison.Ordinal) && d.Message.Contains("trim", StringComparison.Ordinal));
        Assert.Equal(30, Directory.GetFiles(Path.Combine(project.Root, "content", "stories")).Length);

        var (pages, text, smallest) = await Print(new Uri(Path.Combine(project.Site, "cheatsheet.html")), format, "large-bank-cheatsheet-" + format);
        var overflow = sheetWarnings.Any(d => d.Code == "sheet-overflow");
        Assert.True(pages == 1 || overflow, $"the large bank's cheat sheet prints on {pages} {format} pages without a sheet-overflow warning saying so");
        Assert.True(smallest >= 8.0, $"text at {smallest:0.##} pt");
        Assert.All(Archetypes, title => Assert.Contains(Flatten(title), text, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Site_pages_print_without_navigation_search_or_buttons_and_keep_stories_whole()
    {
        RequirePrintTools();
        var site = BuiltSite.OfRepository;
        await using var page = await chromium.NewPageAsync();
        foreach (var path in site.PageTypes.Values.Where(p => !IsSheet(p)))
        {
            await page.GoToAsync(site.FileUrl(path).AbsoluteUri);
            await page.EmulateMediaTypeAsync(MediaType.Print);
            var visible = await page.EvaluateExpressionAsync<string[]>("""
                Array.from(document.querySelectorAll('nav.hb-sidebar, nav.hb-toc, .hb-search, .hb-header, button, .hb-pager, .skip-link, .question-filter'))
                  .filter(e => getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0)
                  .map(e => e.outerHTML.slice(0, 80))
                """);
            Assert.True(visible.Length == 0, $"{path} prints {string.Join(", ", visible)}");
            var splittable = await page.EvaluateExpressionAsync<int>("Array.from(document.querySelectorAll('.story')).filter(e => getComputedStyle(e).breakInside !== 'avoid').length");
            Assert.Equal(0, splittable);
            await page.EmulateMediaTypeAsync(MediaType.Screen);
        }

        // External link targets are readable on paper.
        await page.GoToAsync(site.FileUrl("index.html").AbsoluteUri);
        await page.EmulateMediaTypeAsync(MediaType.Print);
        await page.SetContentAsync("<html><head><link rel=stylesheet href='" + new Uri(Path.Combine(site.Folder, "assets/handbook.css")).AbsoluteUri + "'></head><body><article class='hb-article'><a href='https://example.com/x'>x</a></article></body></html>");
        await page.WaitForNetworkIdleAsync();
        var after = await page.EvaluateExpressionAsync<string>("getComputedStyle(document.querySelector('a'), '::after').content");
        Assert.Contains("https://example.com/x", after, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_whole_handbook_prints_with_a_page_break_between_parts()
    {
        RequirePrintTools();
        var site = BuiltSite.OfRepository;
        var (pages, text, _) = await Print(site.FileUrl("print.html"), "A4", "print-A4");
        Assert.True(pages >= 5, $"print.html printed on {pages} pages");
        Assert.Contains("Contents", text, StringComparison.Ordinal);
        Assert.Contains("Question index", text, StringComparison.Ordinal);
        Assert.All(Archetypes, title => Assert.Contains(Flatten(title), text, StringComparison.Ordinal));
    }

    private static bool IsSheet(string path) =>
        path is "cheatsheet.html" or "cheatsheets/questions.html" || (path.StartsWith("scorecards/", StringComparison.Ordinal) && path != "scorecards/index.html");

    private async Task<(int Pages, string Text, double SmallestPt)> Print(Uri url, string format, string name)
    {
        await using var page = await chromium.NewPageAsync();
        await page.GoToAsync(url.AbsoluteUri);
        await page.EmulateMediaTypeAsync(MediaType.Print);
        // The smallest rendered text under print media, in points (CSS px are 0.75 pt).
        var smallest = await page.EvaluateExpressionAsync<double>("""
            (() => {
              let min = 1000;
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              while (walker.nextNode()) {
                const node = walker.currentNode;
                const el = node.parentElement;
                if (!node.textContent.trim() || !el || el.getClientRects().length === 0) continue;
                const style = getComputedStyle(el);
                if (style.display === 'none' || style.visibility === 'hidden') continue;
                min = Math.min(min, parseFloat(style.fontSize) * 0.75);
              }
              return min;
            })()
            """);

        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots", "print");
        Directory.CreateDirectory(screenshots);
        await page.SetViewportAsync(new ViewPortOptions { Width = format == "A4" ? 794 : 816, Height = format == "A4" ? 1123 : 1056 });
        await page.ScreenshotAsync(Path.Combine(screenshots, name + ".png"), new ScreenshotOptions { FullPage = true });

        var pdf = Path.Combine(screenshots, name + ".pdf");
        await page.PdfAsync(pdf, new PdfOptions { Format = format == "A4" ? PaperFormat.A4 : PaperFormat.Letter, PrintBackground = true });
        var info = Run("pdfinfo", pdf);
        var pagesLine = info.Split('\n').First(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        var pages = int.Parse(pagesLine["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var text = Flatten(Run("pdftotext", "-enc", "UTF-8", pdf, "-"));
        return (pages, text, smallest);
    }

    /// <summary>Text with its white space folded, so a title broken across lines in the PDF still matches.</summary>
    internal static string Flatten(string text)
    {
        var flat = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && flat.Length > 0)
            {
                flat.Append(' ');
            }

            space = false;
            flat.Append(c == '’' ? '\'' : c);
        }

        return flat.ToString();
    }

    internal static string Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {process.StandardError.ReadToEnd()}");
        return output;
    }

    internal static void RequirePrintTools()
    {
        BrowserEnvironment.RequireChromium();
        var missing = new[] { "pdfinfo", "pdftotext" }.Where(t => !File.Exists("/usr/bin/" + t)).ToList();
        var message = missing.Count == 0 ? null : $"{string.Join(" and ", missing)} not found: install poppler-utils (apt-get install -y poppler-utils) to run the print tests";
        if (message is not null && BrowserEnvironment.IsCi)
        {
            Assert.Fail(message);
        }

        Skip.If(message is not null, message);
    }
}
