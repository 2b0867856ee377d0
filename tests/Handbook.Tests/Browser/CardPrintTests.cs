using AngleSharp.Html.Parser;
using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace Handbook.Tests.Browser;

/// <summary>
/// The flash cards printed by Chromium on A4 and Letter: a page of fronts then a page of backs per sheet of eight, every
/// question on its front page and its archetype and story on the next, and each back placed behind its front when the
/// sheet is flipped on the long edge (left and right swapped, rows kept).
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class CardPrintTests(ChromiumFixture chromium)
{
    [SkippableTheory]
    [MemberData(nameof(PrintTests.Formats), MemberType = typeof(PrintTests))]
    public async Task Cards_print_fronts_and_backs_on_alternate_pages(string format)
    {
        PrintTests.RequirePrintTools();
        var site = BuiltSite.OfRepository;
        var document = new HtmlParser().ParseDocument(await File.ReadAllTextAsync(Path.Combine(site.Folder, "cards.html")));
        var sheets = document.QuerySelectorAll(".card-sheet").ToList();
        var cards = document.QuerySelectorAll(".card-fronts .flash-front").Length;
        Assert.True(cards >= 20, $"only {cards} cards");
        Assert.Equal(2 * (int)Math.Ceiling(cards / 8.0), sheets.Count);

        await using var page = await chromium.NewPageAsync();
        await page.GoToAsync(site.FileUrl("cards.html").AbsoluteUri);
        await page.EmulateMediaTypeAsync(MediaType.Print);
        var pdf = Path.Combine(AppContext.BaseDirectory, "screenshots", "print", "cards-" + format + ".pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(pdf)!);
        await page.PdfAsync(pdf, new PdfOptions { Format = format == "A4" ? PaperFormat.A4 : PaperFormat.Letter, PrintBackground = true });
        var info = PrintTests.Run("pdfinfo", pdf);
        var pages = int.Parse(info.Split('\n').First(l => l.StartsWith("Pages:", StringComparison.Ordinal))["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(sheets.Count, pages);

        for (var i = 0; i < sheets.Count; i++)
        {
            var text = Squash(PrintTests.Run("pdftotext", "-enc", "UTF-8", "-f", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "-l", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), pdf, "-"));
            var sheet = sheets[i];
            if (i % 2 == 0)
            {
                Assert.Contains("card-fronts", sheet.ClassList);
                foreach (var question in sheet.QuerySelectorAll(".flash-question"))
                {
                    Assert.True(text.Contains(Squash(question.TextContent), StringComparison.Ordinal), $"page {i + 1} ({format}) lacks the question '{question.TextContent}'");
                }
            }
            else
            {
                Assert.Contains("card-backs", sheet.ClassList);
                foreach (var back in sheet.QuerySelectorAll(".flash-back"))
                {
                    foreach (var part in back.QuerySelectorAll(".flash-archetype, .flash-story"))
                    {
                        Assert.True(text.Contains(Squash(part.TextContent), StringComparison.Ordinal), $"page {i + 1} ({format}) lacks '{part.TextContent}'");
                    }
                }

                foreach (var question in sheets[i - 1].QuerySelectorAll(".flash-question"))
                {
                    Assert.False(text.Contains(Squash(question.TextContent), StringComparison.Ordinal), $"the back page {i + 1} holds the question '{question.TextContent}'");
                }
            }
        }

        // Behind each front: the same row, the other column, and the back fits its card.
        var misplaced = await page.EvaluateExpressionAsync<string[]>("""
            (() => {
              const out = [];
              const place = (card) => { const s = card.parentElement.getBoundingClientRect(), r = card.getBoundingClientRect();
                return { left: r.left - s.left, right: s.right - r.right, top: r.top - s.top, height: r.height }; };
              for (const front of document.querySelectorAll('.flash-front')) {
                const n = front.querySelector('.flash-number').textContent.split(' ')[0];
                const back = Array.from(document.querySelectorAll('.flash-back')).find(b => b.querySelector('.flash-number').textContent === n);
                const f = place(front), b = place(back);
                if (Math.abs(f.left - b.right) > 1 || Math.abs(f.top - b.top) > 1) out.push(`${n}: front ${JSON.stringify(f)} back ${JSON.stringify(b)}`);
                if (back.scrollHeight > back.clientHeight + 1) out.push(`${n}: the back overflows its card`);
              }
              return out;
            })()
            """);
        Assert.True(misplaced.Length == 0, string.Join('\n', misplaced));
    }

    /// <summary>
    /// Only the letters and digits of a text, so a phrase wrapped across lines in the PDF still matches (pdftotext also drops
    /// the hyphen of "AI-augmented" in some fonts).
    /// </summary>
    private static string Squash(string text) => string.Concat(PrintTests.Flatten(text).Where(char.IsLetterOrDigit));
}
