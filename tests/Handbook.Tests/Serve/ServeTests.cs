using System.Diagnostics;
using System.Net;
using Handbook.Cli.Serve;
using Handbook.Tests.Support;

namespace Handbook.Tests.Serve;

public sealed class ServeTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    private static TempProject Project() => new(new Dictionary<string, string>
    {
        ["content/index.md"] = "# Home\n\nFirst version of the home page.\n",
        ["content/guide.md"] = "# Guide\n\nSee [home](index.md).\n",
    });

    private static Task<PreviewServer> Start(TempProject project, StringWriter? log = null, bool includePrivate = true) =>
        PreviewServer.StartAsync(new PreviewOptions(project.Root) { Port = 0, IncludePrivate = includePrivate }, log ?? new StringWriter());

    /// <summary>Fetches <paramref name="path"/> until its body satisfies <paramref name="done"/>, for at most <see cref="Bound"/>.</summary>
    private static async Task<(string Body, TimeSpan After)> Poll(HttpClient http, string path, Func<string, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var body = await http.GetStringAsync(path);
            if (done(body))
            {
                return (body, clock.Elapsed);
            }

            Assert.True(clock.Elapsed < Bound, $"the page did not change within {Bound.TotalSeconds} s; last body:\n{body}");
            await Task.Delay(25);
        }
    }

    [Fact]
    public async Task Serves_the_site_from_memory_on_a_free_loopback_port()
    {
        using var project = Project();
        var log = new StringWriter();
        await using var server = await Start(project, log);
        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(server.Url.Host)));
        Assert.NotEqual(0, server.Url.Port);
        Assert.False(Directory.Exists(project.Site));
        Assert.Matches(@"^built → \d+ pages in \d+ ms\n", log.ToString().ReplaceLineEndings("\n"));

        using var http = new HttpClient { BaseAddress = server.Url };
        var home = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("text/html", home.Content.Headers.ContentType?.MediaType);
        var html = await home.Content.ReadAsStringAsync();
        Assert.Contains("First version of the home page.", html, StringComparison.Ordinal);
        Assert.Contains("/__handbook/events", html, StringComparison.Ordinal);

        var css = await http.GetAsync("/assets/handbook.css");
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        var script = await http.GetAsync("/search-index.js");
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);

        var missing = await http.GetAsync("/no/such/page.html");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Page not found", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_is_served_on_the_next_fetch_and_rerenders_only_that_chapter()
    {
        using var project = Project();
        var log = new StringWriter();
        await using var server = await Start(project, log);
        using var http = new HttpClient { BaseAddress = server.Url };
        using var events = await EventStream.Open(http);

        project.Write("content/index.md", "# Home\n\nSecond version of the home page.\n");
        var (_, after) = await Poll(http, "/index.html", body => body.Contains("Second version", StringComparison.Ordinal));
        Assert.True(after < TimeSpan.FromSeconds(5), $"took {after}");
        await events.WaitFor("reload");

        // The edited chapter (and the pages derived from the whole guide) are rendered again; the other chapter and the
        // 404 page come from the cache.
        var lines = log.ToString();
        var total = int.Parse(System.Text.RegularExpressions.Regex.Match(lines, @"built → (\d+) pages").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var rebuilt = System.Text.RegularExpressions.Regex.Match(lines, @"rebuilt content/index.md → (\d+) pages? in \d+ ms");
        Assert.True(rebuilt.Success, lines);
        var rendered = int.Parse(rebuilt.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(rendered, 1, total - 2);
    }

    [Fact]
    public async Task A_story_edit_is_served_on_its_archetype_page()
    {
        using var project = ProjectWithAPrivateStory();
        var log = new StringWriter();
        await using var server = await Start(project, log);
        using var http = new HttpClient { BaseAddress = server.Url };
        using var events = await EventStream.Open(http);
        Assert.Contains($"{Canary} title", await http.GetStringAsync("/archetypes/shipping-under-pressure.html"), StringComparison.Ordinal);

        var story = Path.Combine(project.Root, "content/stories/secret.yml");
        File.WriteAllText(story, File.ReadAllText(story).Replace($"title: {Canary} title", $"title: {Canary} retold", StringComparison.Ordinal));
        var (body, _) = await Poll(http, "/archetypes/shipping-under-pressure.html", b => b.Contains($"{Canary} retold", StringComparison.Ordinal));
        Assert.DoesNotContain($"{Canary} title", body, StringComparison.Ordinal);
        await events.WaitFor("reload");
        Assert.Contains("rebuilt content/stories/secret.yml", log.ToString(), StringComparison.Ordinal);

        // Pages that are not HTML (the search index) wait for the whole build, and hold the edit too.
        Assert.Contains($"{Canary} retold", await http.GetStringAsync("/search-index.js"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_init_project_prints_one_summary_line_for_its_placeholders_and_then_only_what_each_save_changed()
    {
        using var project = new TempProject(withConfig: false);
        Assert.Equal(0, Handbook.Cli.HandbookCommand.Run(["init", project.Root, "--force"], new StringWriter(), new StringWriter()));
        var log = new StringWriter();
        var printed = new List<Handbook.Diagnostics.Diagnostic>();
        await using var server = await PreviewServer.StartAsync(
            new PreviewOptions(project.Root) { Port = 0 }, log, d => { lock (printed) { printed.AddRange(d); } });
        using var http = new HttpClient { BaseAddress = server.Url };
        using var events = await EventStream.Open(http);

        // The first build: no placeholder printed one by one, one clause saying how many and where to see them.
        Assert.Empty(printed);
        var first = log.ToString().ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(first);
        Assert.Matches(@"^built → \d+ pages in \d+ ms; (\d+) warnings \(\1 placeholder\): 'handbook check' lists each one$", first[0]);
        var total = int.Parse(System.Text.RegularExpressions.Regex.Match(first[0], @"; (\d+) warnings").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(total >= 60, first[0]);

        // Fill in one prompt: the build line says one fewer, and nothing is listed again.
        var story = Path.Combine(project.Root, "content/stories/production-debugging.yml");
        var text = File.ReadAllText(story);
        File.WriteAllText(story, text.Replace("situation: \"[the flaky failure]\"", "situation: Checkout failed for 2% of users at peak", StringComparison.Ordinal));
        await events.WaitFor("reload");
        await WaitForLines(log, 2);
        var second = log.ToString().ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries)[1];
        Assert.Matches($@"^rebuilt content/stories/production-debugging.yml → \d+ pages? in \d+ ms; {total - 1} warnings \(1 fixed\)$", second);
        Assert.Empty(printed);

        // Add a story stub (seven new prompts): listed in full, since they are few, and counted.
        Assert.Equal(0, Handbook.Cli.HandbookCommand.Run(["new", "story", "--archetype", "1", project.Root], new StringWriter(), new StringWriter()));
        await events.WaitFor("reload");
        await WaitForLines(log, 3);
        var third = log.ToString().ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries)[2];
        lock (printed)
        {
            Assert.InRange(printed.Count, 1, DiagnosticsDelta.MaxListed);
            Assert.All(printed, d => Assert.Equal("content/stories/production-debugging-2.yml", d.Location.Path));
            Assert.Matches($@"; {total - 1 + printed.Count} warnings \({printed.Count} new\)$", third);
        }

        // An editor's temporary file changes nothing and prints nothing.
        File.WriteAllText(Path.Combine(project.Root, "content/stories/sedX1y2Z3"), "title: [");
        File.WriteAllText(Path.Combine(project.Root, "content/4913"), "");
        await Task.Delay(ProjectWatcher.Quiet * 5);
        Assert.Equal(3, log.ToString().ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    private static async Task WaitForLines(StringWriter log, int count)
    {
        var clock = Stopwatch.StartNew();
        while (log.ToString().ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length < count)
        {
            Assert.True(clock.Elapsed < Bound, log.ToString());
            await Task.Delay(25);
        }
    }

    [Fact]
    public void Diagnostics_delta_lists_new_errors_always_few_new_warnings_and_counts_the_rest()
    {
        static Handbook.Diagnostics.Diagnostic W(string file, int line, string code = "placeholder") =>
            new(new Handbook.Diagnostics.SourceLocation(file, line, 1), Handbook.Diagnostics.Severity.Warning, code, "'situation' still holds a prompt");
        var error = new Handbook.Diagnostics.Diagnostic(new Handbook.Diagnostics.SourceLocation("a.yml", 1, 1), Handbook.Diagnostics.Severity.Error, "story-type", "bad");
        var many = Enumerable.Range(1, 12).Select(i => W($"s{i}.yml", 3)).Append(W("s1.yml", 9, "no-lesson")).ToList();

        var delta = new DiagnosticsDelta();
        var first = delta.Next(many);
        Assert.Empty(first.Listed);
        Assert.Equal("13 warnings (12 placeholder, 1 no-lesson): 'handbook check' lists each one", first.Summary);

        // The same findings at other lines (a line inserted above them) are no change.
        var shifted = delta.Next(many.Select(d => d with { Location = d.Location with { Line = d.Location.Line + 1 } }).ToList());
        Assert.Empty(shifted.Listed);
        Assert.Null(shifted.Summary);

        var withError = delta.Next([.. many.Skip(1), error, W("new.yml", 2)]);
        Assert.Equal([error, W("new.yml", 2)], withError.Listed);
        Assert.Equal("13 warnings (1 new, 1 fixed)", withError.Summary);

        // The same error again is not printed again.
        Assert.Empty(delta.Next([.. many.Skip(1), error, W("new.yml", 2)]).Listed);

        var few = new DiagnosticsDelta().Next([W("a.yml", 1)]);
        Assert.Equal([W("a.yml", 1)], few.Listed);
        Assert.Null(few.Summary);
    }

    [Fact]
    public async Task Broken_yaml_shows_the_overlay_over_the_last_good_site_until_fixed()
    {
        using var project = Project();
        await using var server = await Start(project);
        using var http = new HttpClient { BaseAddress = server.Url };
        using var events = await EventStream.Open(http);

        project.Write("handbook.yml", "title: [unclosed <b>\n");
        var (broken, _) = await Poll(http, "/index.html", body => body.Contains("id=\"hb-serve-overlay\"", StringComparison.Ordinal));
        Assert.Contains("First version of the home page.", broken, StringComparison.Ordinal);
        Assert.Contains("handbook.yml:", broken, StringComparison.Ordinal);
        Assert.Contains("yaml-syntax", broken, StringComparison.Ordinal);

        var payload = await events.WaitFor("diagnostics");
        Assert.Contains("\"file\":\"handbook.yml\"", payload, StringComparison.Ordinal);
        Assert.Contains("hb-serve-overlay", payload, StringComparison.Ordinal);

        // Every HTML page carries the overlay while the error lasts, the 404 page included; other files do not.
        var missing = await http.GetAsync("/nope.html");
        Assert.Contains("id=\"hb-serve-overlay\"", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("hb-serve-overlay", await http.GetStringAsync("/assets/handbook.css"), StringComparison.Ordinal);

        project.Write("handbook.yml", "title: Fixed\n");
        await Poll(http, "/index.html", body => !body.Contains("id=\"hb-serve-overlay\"", StringComparison.Ordinal) && body.Contains("Fixed", StringComparison.Ordinal));
        await events.WaitFor("reload");
    }

    [Fact]
    public async Task Overlay_escapes_what_the_diagnostics_quote()
    {
        using var project = Project();
        await using var server = await Start(project);
        using var http = new HttpClient { BaseAddress = server.Url };

        project.Write("handbook.yml", "title: T\n\"<img src=x onerror=alert(1)>\": 1\n");
        var (body, _) = await Poll(http, "/index.html", b => b.Contains("id=\"hb-serve-overlay\"", StringComparison.Ordinal));
        Assert.DoesNotContain("<img src=x", body, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_first_build_still_serves_the_errors()
    {
        using var project = new TempProject(new Dictionary<string, string> { ["handbook.yml"] = "title: [\n", ["content/index.md"] = "# Home\n" });
        await using var server = await Start(project);
        using var http = new HttpClient { BaseAddress = server.Url };
        var response = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("id=\"hb-serve-overlay\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_output_never_contains_the_live_reload_script()
    {
        using var project = TempProject.CopyOfRepository();
        var result = project.Build(r => r with { IncludePrivate = true });
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        foreach (var file in project.OutputFiles())
        {
            Assert.DoesNotContain("__handbook", project.Read(file), StringComparison.Ordinal);
            Assert.DoesNotContain("hb-serve-overlay", project.Read(file), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Watcher_ignores_editor_temporaries_and_files_outside_the_project_inputs()
    {
        Assert.True(ProjectWatcher.Matters("handbook.yml"));
        Assert.True(ProjectWatcher.Matters("content/stories/x.yml"));
        Assert.True(ProjectWatcher.Matters("templates/layout.html"));
        Assert.False(ProjectWatcher.Matters("site/index.html"));
        Assert.False(ProjectWatcher.Matters("content/.x.yml.swp"));
        Assert.False(ProjectWatcher.Matters("content/x.md~"));
        Assert.False(ProjectWatcher.Matters("README.md"));
        foreach (var temporary in new[] { "content/sedAb12Cd", "content/stories/sed0q9ZzY", "content/4913", "templates/4913", "content/.#x.md", "content/#x.md#", "content/x.yml.swp", "content/x.md.tmp", "content/x.yml~", "content/x.md___jb_tmp___" })
        {
            Assert.False(ProjectWatcher.Matters(temporary), temporary);
        }

        // Sources that merely look alike still count.
        Assert.True(ProjectWatcher.Matters("content/sedation.md"));
        Assert.True(ProjectWatcher.Matters("content/49131.md"));
        Assert.True(ProjectWatcher.Matters("content/stories/sed.yml"));
    }

    private const string Canary = "zq7private";

    private static TempProject ProjectWithAPrivateStory() => new(new Dictionary<string, string>
    {
        ["content/index.md"] = "# Home\n",
        ["content/guide.md"] = "# Guide\n\n## Archetypes\n\n### 1. Shipping under pressure\n\n- Probes: p\n- Story shape: s\n- Template: Situation [a] · Task [b] · Action [c] · Result [d]\n",
        ["content/stories/secret.yml"] = $"title: {Canary} title\narchetypes: [1]\nvisibility: private\nsituation: {Canary} situation\ntask: t\nactions: [a]\nresult: Cut latency by 40%\n",
    });

    /// <summary>One raw HTTP/1.1 request with the given Host header; the status code and the whole response.</summary>
    private static async Task<(int Status, string Response)> RawGet(Uri server, string path, string host)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        using var stream = tcp.GetStream();
        var request = $"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(request));
        using var timeout = new CancellationTokenSource(Bound);
        var response = await new StreamReader(stream).ReadToEndAsync(timeout.Token);
        var status = int.Parse(response.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, response);
    }

    [Theory]
    [InlineData("evil.example.com")]
    [InlineData("evil.example.com:{port}")]
    [InlineData("127.0.0.1.evil.example.com:{port}")]
    [InlineData("localhost.evil.example.com")]
    [InlineData("192.168.1.10:{port}")]
    public async Task A_request_for_another_host_name_is_refused_so_dns_rebinding_cannot_read_private_stories(string host)
    {
        using var project = ProjectWithAPrivateStory();
        await using var server = await Start(project);
        using var http = new HttpClient { BaseAddress = server.Url };
        Assert.Contains(Canary, await http.GetStringAsync("/search-index.js"), StringComparison.Ordinal);

        host = host.Replace("{port}", server.Url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        foreach (var path in new[] { "/search-index.js", "/", "/archetypes/shipping-under-pressure.html", "/no-such-page", LiveReloadHub.Path })
        {
            var (status, response) = await RawGet(server.Url, path, host);
            Assert.Equal(403, status);
            Assert.DoesNotContain(Canary, response, StringComparison.Ordinal);
            Assert.Contains("handbook serve answers only requests for localhost", response, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("localhost:{port}")]
    [InlineData("127.0.0.1:{port}")]
    [InlineData("LOCALHOST:{port}")]
    [InlineData("localhost")]
    [InlineData("[::1]:{port}")]
    public async Task Requests_for_the_loopback_names_are_served(string host)
    {
        using var project = ProjectWithAPrivateStory();
        await using var server = await Start(project);
        host = host.Replace("{port}", server.Url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var (status, response) = await RawGet(server.Url, "/search-index.js", host);
        Assert.Equal(200, status);
        Assert.Contains(Canary, response, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1", new[] { "localhost", "127.0.0.1", "[::1]" })]
    [InlineData("localhost", new[] { "localhost", "127.0.0.1", "[::1]" })]
    [InlineData("::1", new[] { "localhost", "127.0.0.1", "[::1]" })]
    [InlineData("192.168.1.10", new[] { "192.168.1.10" })]
    [InlineData("handbook.lan", new[] { "handbook.lan" })]
    public void The_allowed_host_names_follow_the_bound_address(string bound, string[] allowed)
    {
        Assert.Equal(allowed, PreviewServer.AllowedHosts(bound));
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("*")]
    public void Bound_to_every_address_the_machines_own_names_are_allowed_and_no_others(string bound)
    {
        var allowed = PreviewServer.AllowedHosts(bound);
        Assert.Contains("localhost", allowed);
        Assert.Contains("127.0.0.1", allowed);
        Assert.Contains(System.Net.Dns.GetHostName(), allowed);
        Assert.DoesNotContain("*", allowed);
        Assert.DoesNotContain(allowed, a => a.Contains('*', StringComparison.Ordinal));
    }

    [Fact]
    public void A_live_reload_client_that_never_reads_is_dropped_once_its_queue_is_full_and_memory_stays_bounded()
    {
        var hub = new LiveReloadHub();
        var stalled = Enumerable.Range(0, 200).Select(_ => hub.Subscribe()).ToList();
        var reader = hub.Subscribe();
        var received = 0;
        var payload = new string('x', 64 * 1024); // a diagnostics overlay can be this large

        for (var i = 0; i < 1000; i++)
        {
            hub.Publish("diagnostics", payload);
            Assert.All(stalled, c => Assert.InRange(c.Queued, 0, LiveReloadHub.QueueLimit));
            while (reader.TryRead(out _))
            {
                received++;
            }
        }

        // Every stalled client was dropped (its connection closed; a browser's EventSource reconnects by itself); the reading one stays.
        Assert.All(stalled, c => Assert.True(c.Dropped.IsCancellationRequested));
        Assert.Equal(1, hub.Clients);
        Assert.Equal(1000, received);
        Assert.All(stalled, c => Assert.Equal(0, c.Queued));
    }

    /// <summary>A reader of the server-sent events stream.</summary>
    private sealed class EventStream : IDisposable
    {
        private readonly HttpResponseMessage _response;
        private readonly StreamReader _reader;

        private EventStream(HttpResponseMessage response, StreamReader reader)
        {
            _response = response;
            _reader = reader;
        }

        public static async Task<EventStream> Open(HttpClient http)
        {
            var response = await http.GetAsync(LiveReloadHub.Path, HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
            var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            Assert.Equal(": connected", await reader.ReadLineAsync());
            return new EventStream(response, reader);
        }

        /// <summary>Reads events until one named <paramref name="name"/> arrives; returns its data.</summary>
        public async Task<string> WaitFor(string name)
        {
            using var timeout = new CancellationTokenSource(Bound);
            string? current = null;
            var data = new List<string>();
            while (await _reader.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    current = line["event: ".Length..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    data.Add(line["data: ".Length..]);
                }
                else if (line.Length == 0 && current is not null)
                {
                    if (current == name)
                    {
                        return string.Join('\n', data);
                    }

                    current = null;
                    data.Clear();
                }
            }

            throw new InvalidOperationException($"the event stream ended before a '{name}' event");
        }

        public void Dispose()
        {
            _reader.Dispose();
            _response.Dispose();
        }
    }
}
