using System.Text;
using Handbook.Build;
using Handbook.Diagnostics;
using Handbook.Load;
using Handbook.Stories;
using Handbook.Tests.Support;

namespace Handbook.Tests.Robustness;

/// <summary>
/// Issue 8, bad input: every case of <c>tests/fixtures/bad-input/</c> (see its README) builds to exactly the expected errors, or
/// succeeds, within a bounded time and memory, and never throws.
/// </summary>
[Collection(SerialCollection.Name)] // alone, so the memory measurement is this build's
public sealed class BadInputCorpusTests
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(20);

    /// <summary>Bytes allocated (not retained) by the whole process during one build.</summary>
    private const long AllocationLimit = 2L * 1024 * 1024 * 1024;

    public static string CorpusRoot => Path.Combine(TempProject.RepositoryRoot(), "tests", "fixtures", "bad-input");

    public static TheoryData<string> Cases()
    {
        var cases = new TheoryData<string>();
        foreach (var folder in Directory.EnumerateDirectories(CorpusRoot).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            if (folder is not null && !folder.StartsWith('_'))
            {
                cases.Add(folder);
            }
        }

        return cases;
    }

    /// <summary>True once <see cref="StoryReader"/> reads stories (it is a stub until the story bank lands).</summary>
    public static bool StoryReaderImplemented { get; } = StoryReader.ReadAll(
        [new SourceFile("content/stories/probe.yml", "title: T\narchetypes: [1]\nsituation: s\ntask: t\nactions: [a]\nresult: r\n")],
        new DiagnosticBag()).Count > 0;

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Case_builds_to_its_expected_diagnostics_in_bounded_time_and_memory(string name)
    {
        var folder = Path.Combine(CorpusRoot, name);
        var expectedLines = File.ReadAllLines(Path.Combine(folder, "expected.txt"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();
        var requiresStories = expectedLines.Remove("requires: stories");
        var limit = expectedLines.FirstOrDefault(l => l.StartsWith("time-limit:", StringComparison.Ordinal)) is { } line
            ? TimeSpan.FromSeconds(int.Parse(line["time-limit:".Length..], System.Globalization.CultureInfo.InvariantCulture))
            : TimeLimit;
        var allocationLimit = expectedLines.FirstOrDefault(l => l.StartsWith("alloc-limit-mib:", StringComparison.Ordinal)) is { } alloc
            ? long.Parse(alloc["alloc-limit-mib:".Length..], System.Globalization.CultureInfo.InvariantCulture) * 1024 * 1024
            : AllocationLimit;
        expectedLines.RemoveAll(l => l.StartsWith("time-limit:", StringComparison.Ordinal) || l.StartsWith("alloc-limit-mib:", StringComparison.Ordinal));
        Skip.If(requiresStories && !StoryReaderImplemented, "needs the story reader (branch 'stories'); StoryReader is still a stub here");

        using var project = Lay(folder);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var build = Task.Run(() => BuildPipeline.Run(new BuildRequest(project.Root)));
        Assert.True(build.Wait(limit), $"{name}: the build took longer than {limit.TotalSeconds} s");
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var result = build.Result;
        Assert.True(allocated < allocationLimit, $"{name}: the build allocated {allocated / (1024 * 1024)} MiB");

        var actual = result.Diagnostics.Select(d => $"{d.SeverityName} {d.Code} {d.Location.Path}:{d.Location.Line}").ToList();
        var report = $"{name}: got\n  " + string.Join("\n  ", result.Diagnostics);
        if (expectedLines is ["ok", ..])
        {
            // 'ok' may be followed by the warnings the build must give while succeeding.
            Assert.True(result.Succeeded, report);
            Assert.True(File.Exists(Path.Combine(project.Site, "index.html")), report);
            foreach (var warning in expectedLines.Skip(1))
            {
                Assert.True(actual.Contains(warning), $"missing '{warning}'; " + report);
            }

            return;
        }

        Assert.NotEqual(0, result.ExitCode);
        var expectedErrors = expectedLines.Where(l => l.StartsWith("error ", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.True(expectedErrors.Count > 0, $"{name}: expected.txt lists no errors; " + report);
        Assert.True(expectedErrors.SequenceEqual(actual.Where(a => a.StartsWith("error ", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal)), report);
        foreach (var warning in expectedLines.Where(l => l.StartsWith("warning ", StringComparison.Ordinal)))
        {
            Assert.True(actual.Contains(warning), $"missing '{warning}'; " + report);
        }

        Assert.False(Directory.Exists(project.Site), $"{name}: a failed build wrote a site");
    }

    /// <summary>Cases whose one diagnostic is asserted exactly, column and message included.</summary>
    [Theory]
    [InlineData("yaml-tab-indentation", "handbook.yml:3:1: error yaml-syntax: YAML syntax error: a tab is used for indentation here; YAML indents with spaces only")]
    [InlineData("utf16-markdown-bom", "content/notes.md: error file-encoding: file is UTF-16 (little-endian), not UTF-8; save it as UTF-8")]
    [InlineData("utf16-markdown-no-bom", "content/notes.md: error file-encoding: file is UTF-16 (little-endian), not UTF-8; save it as UTF-8")]
    [InlineData("utf16-story-big-endian", "content/stories/s.yml: error file-encoding: file is UTF-16 (big-endian), not UTF-8; save it as UTF-8")]
    [InlineData("story-yaml-tab-indentation", "content/stories/tabbed.yml:7:1: error yaml-syntax: YAML syntax error: a tab is used for indentation here; YAML indents with spaces only")]
    [InlineData("markdown-flat-bold-10000", "content/bold.md:3:1: error markdown-too-many-markers: this paragraph has 20,000 emphasis markers (runs of '*', '_' or '~'); the Markdown parser holds each one open until the paragraph ends and gives up at about 10,000, nested or not; split it into shorter paragraphs")]
    [InlineData("markdown-nested-emphasis-10000", "content/deep.md:3:1: error markdown-too-deep: lists, quotes or emphasis are nested too deeply here for a page to render (the parser allows about a hundred levels); flatten the structure")]
    [InlineData("markdown-nested-html-40000", "content/divs.md:3:1281: error html-too-deep: raw HTML nests elements more than 256 deep here; browsers stop nesting at 512 and every HTML parser slows down with the depth, so close the elements you open or flatten the markup")]
    [InlineData("markdown-unclosed-inline-html-40000", "content/inline.md:3:2054: error html-too-deep: raw HTML nests elements more than 256 deep here; browsers stop nesting at 512 and every HTML parser slows down with the depth, so close the elements you open or flatten the markup")]
    [InlineData("story-flat-bold-10000", "content/stories/s.yml:3:12: error markdown-too-many-markers: this paragraph has 20,000 emphasis markers (runs of '*', '_' or '~'); the Markdown parser holds each one open until the paragraph ends and gives up at about 10,000, nested or not; split it into shorter paragraphs")]
    [InlineData("static-nfc-nfd-collision", "content/caf\u00e9.png: error static-collision: this file would be copied to 'caf\u00e9.png', like content/cafe\u0301.png, and names that differ only in case or in how an accent is encoded are one file on macOS and Windows; rename one of them")]
    [InlineData("static-case-collision", "content/assets/logo.png: error static-collision: this file would be copied to 'assets/logo.png', like content/assets/Logo.png, and names that differ only in case or in how an accent is encoded are one file on macOS and Windows; rename one of them")]
    public void Case_reports_exactly(string name, string diagnostic)
    {
        using var project = Lay(Path.Combine(CorpusRoot, name));
        var result = BuildPipeline.Run(new BuildRequest(project.Root));
        Assert.Equal(diagnostic, Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error).ToString());
    }

    /// <summary>The base project with the case laid over it: its files, remove.txt, generate.txt.</summary>
    private static TempProject Lay(string caseFolder)
    {
        var project = new TempProject(withConfig: false);
        CopyTree(Path.Combine(CorpusRoot, "_base"), project.Root);
        foreach (var file in Directory.EnumerateFiles(caseFolder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(caseFolder, file);
            if (relative is "expected.txt" or "remove.txt" or "generate.txt")
            {
                continue;
            }

            var target = Path.Combine(project.Root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        foreach (var line in ReadList(caseFolder, "remove.txt"))
        {
            var target = Path.Combine(project.Root, line);
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }
            else
            {
                File.Delete(target);
            }
        }

        foreach (var line in ReadList(caseFolder, "generate.txt"))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var path = Path.Combine(project.Root, parts[1]);
            var n = parts.Length > 2 ? int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) : 0;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, BadInputGenerators.Generate(parts[0], File.Exists(path) ? File.ReadAllBytes(path) : [], n));
        }

        return project;
    }

    private static IEnumerable<string> ReadList(string folder, string name) => File.Exists(Path.Combine(folder, name))
        ? File.ReadAllLines(Path.Combine(folder, name)).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
        : [];

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

/// <summary>Inputs too large or too binary to commit, made at run time from the names in a case's <c>generate.txt</c>.</summary>
public static class BadInputGenerators
{
    public static byte[] Generate(string generator, byte[] existing, int n) => generator switch
    {
        // A flow sequence nested n deep: cheap to write, and the shape that would exhaust a recursive reader.
        "yaml-nesting-bomb" => Utf8("title: Bomb\narchetypes: [1]\nnested: " + new string('[', n) + new string(']', n) + "\n"),
        "yaml-mapping-bomb" => Utf8("---\ntitle: " + string.Concat(Enumerable.Repeat("{a: ", n)) + "1" + new string('}', n) + "\n---\n# Bomb\n"),
        "billion-laughs" => Utf8(BillionLaughs()),
        "binary" => [.. Utf8("# Title\n\n"), .. Enumerable.Range(0, 512).Select(i => (byte)(i * 37 % 256))],
        // Latin-1 "é" (0xE9) on line 4: not UTF-8.
        "invalid-utf8" => [.. Utf8("# Latin-1\n\nline three\ncaf"), 0xE9, .. Utf8("\n")],
        "bom" => [0xEF, 0xBB, 0xBF, .. existing],
        "utf16le-bom" => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("# Notes\n\nSaved by an editor as \"Unicode\": café.\n")],
        "utf16be-bom" => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes("title: T\narchetypes: [1]\nsituation: s\ntask: t\nactions: [a]\nresult: r\n")],
        "utf16le" => Encoding.Unicode.GetBytes("# Notes\n\nUTF-16 without a byte order mark.\n"),
        "crlf" => Utf8(Encoding.UTF8.GetString(existing).Replace("\n", "\r\n", StringComparison.Ordinal)),
        "huge-markdown" => Utf8(HugeMarkdown(10 * 1024 * 1024)),
        "huge-field" => Utf8("---\ntitle: Big field\ndescription: " + new string('x', 1024 * 1024) + "\n---\n# Big field\n"),
        "huge-story-field" => Utf8("title: Big\narchetypes: [1]\nsituation: " + string.Concat(Enumerable.Repeat("word ", 1024 * 1024 / 5)) + "\ntask: t\nactions: [a]\nresult: r\n"),
        "story-crlf-bom" => [0xEF, 0xBB, 0xBF, .. Utf8("title: T\r\narchetypes: [1]\r\nsituation: s\r\ntask: t\r\nactions:\r\n  - a\r\nresult: r\r\n")],
        "deep-list-indented" => Utf8("# Deep list\n\n" + string.Concat(Enumerable.Range(0, n).Select(i => new string(' ', i * 2) + "- item\n"))),

        // "- - - … item" nests n lists on one line (the indented form would be n²/2 bytes).
        "deep-list" => Utf8("# Deep list\n\n" + string.Concat(Enumerable.Repeat("- ", n)) + "item\n"),
        "deep-quote" => Utf8("# Deep quote\n\n" + new string('>', n) + " quoted\n"),
        "deep-emphasis" => Utf8("# Deep emphasis\n\n" + string.Concat(Enumerable.Repeat("*a ", n)) + "x" + string.Concat(Enumerable.Repeat(" a*", n)) + "\n"),
        // n bold spans side by side: not nested, yet Markdig holds every '**' open until the paragraph ends.
        "flat-bold" => Utf8("# Flat bold\n\n" + string.Join(" ", Enumerable.Repeat("**b**", n)) + "\n"),
        "story-flat-bold" => Utf8("title: T\narchetypes: [1]\nsituation: \"" + string.Join(" ", Enumerable.Repeat("**b**", n)) + "\"\ntask: t\nactions: [a]\nresult: r\n"),
        "nested-div" => Utf8("# Nested divs\n\n" + string.Concat(Enumerable.Repeat("<div>", n)) + "x" + string.Concat(Enumerable.Repeat("</div>", n)) + "\n"),
        // Inline HTML in a paragraph: <i> never closed, and each stray </b> makes a parser search all open elements.
        "unclosed-inline-html" => Utf8("# Unclosed\n\nText " + string.Concat(Enumerable.Repeat("<i>a</b>", n)) + "\n"),
        _ => throw new ArgumentException($"unknown generator '{generator}'", nameof(generator)),
    };

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string BillionLaughs()
    {
        var yaml = new StringBuilder("title: Laughs\narchetypes: [1]\nlol0: &lol0 \"lol\"\n");
        for (var i = 1; i <= 9; i++)
        {
            yaml.Append("lol").Append(i).Append(": &lol").Append(i).Append(" [")
                .AppendJoin(", ", Enumerable.Repeat("*lol" + (i - 1), 10)).Append("]\n");
        }

        return yaml.ToString();
    }

    private static string HugeMarkdown(int bytes)
    {
        var text = new StringBuilder("# Huge\n\n", bytes + 1024);
        for (var section = 0; text.Length < bytes; section++)
        {
            text.Append("## Section ").Append(section).Append("\n\n");
            text.Append("Some *emphasis*, `code`, and a [link](#section-").Append(section).Append(").\n\n");
            text.Append("- one\n- two\n  - nested\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n");
            text.Append(new string('w', 200)).Append("\n\n");
        }

        return text.ToString();
    }
}
