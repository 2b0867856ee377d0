using System.Diagnostics;
using Handbook.Build;
using Handbook.Cli.Serve;
using Handbook.Tests.Support;
using Handbook.Write;

namespace Handbook.Tests.Robustness;

/// <summary>
/// Issue 8, output safety: a failed build never touches the previous site, leaves no staging folder behind,
/// and never writes into (or deletes) a folder Handbook does not own.
/// </summary>
public sealed class OutputSafetyTests
{
    private static TempProject SmallProject() => new(new Dictionary<string, string>
    {
        ["content/index.md"] = "# Home\n\nSee [the guide](guide.md).\n",
        ["content/guide.md"] = "---\ntitle: Guide\n---\n\n# Guide\n\n## Section\n\nText.\n",
        ["content/img/logo.txt"] = "a static file\n",
    });

    /// <summary>The project's files other than the output folder and its staging siblings.</summary>
    private static SortedDictionary<string, string> ProjectFiles(TempProject project) =>
        FolderSnapshot.Take(project.Root, path => !path.StartsWith("site/", StringComparison.Ordinal) && !path.StartsWith(".site.", StringComparison.Ordinal));

    [Fact]
    public void An_exception_just_before_the_swap_leaves_the_old_site_byte_for_byte_and_no_staging_folder()
    {
        using var project = SmallProject();
        Assert.True(project.Build().Succeeded);
        var before = FolderSnapshot.Take(project.Site);
        Assert.Contains(SiteWriter.MarkerFile, before.Keys);

        project.Write("content/guide.md", "# Guide, edited\n");
        var thrown = Assert.Throws<InvalidOperationException>(() =>
            project.Build(r => r with { BeforeCommit = () => throw new InvalidOperationException("injected late failure") }));
        Assert.Equal("injected late failure", thrown.Message);

        FolderSnapshot.AssertEqual(before, FolderSnapshot.Take(project.Site));
        Assert.Empty(FolderSnapshot.Leftovers(project.Site));
    }

    [Fact]
    public void A_write_failure_is_reported_as_a_diagnostic_and_leaves_the_old_site()
    {
        using var project = SmallProject();
        Assert.True(project.Build().Succeeded);
        var before = FolderSnapshot.Take(project.Site);

        project.Write("content/guide.md", "# Guide, edited\n");
        var result = project.Build(r => r with { BeforeCommit = () => throw new IOException("No space left on device") });

        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(result.Diagnostics, d => d.Code == "output-write-failed");
        Assert.Contains("No space left on device", error.Message, StringComparison.Ordinal);
        FolderSnapshot.AssertEqual(before, FolderSnapshot.Take(project.Site));
        Assert.Empty(FolderSnapshot.Leftovers(project.Site));
    }

    [Fact]
    public void A_content_error_leaves_the_old_site_byte_for_byte()
    {
        using var project = SmallProject();
        Assert.True(project.Build().Succeeded);
        var before = FolderSnapshot.Take(project.Site);

        project.Write("content/guide.md", "---\ntitle: [unclosed\n---\n# Guide\n\n[gone](missing.md)\n");
        var result = project.Build();

        Assert.Equal(1, result.ExitCode);
        Assert.True(result.Errors > 0);
        FolderSnapshot.AssertEqual(before, FolderSnapshot.Take(project.Site));
        Assert.Empty(FolderSnapshot.Leftovers(project.Site));
    }

    [Fact]
    public void A_broken_link_found_by_the_check_leaves_the_old_site()
    {
        using var project = SmallProject();
        Assert.True(project.Build().Succeeded);
        var before = FolderSnapshot.Take(project.Site);

        project.Write("content/guide.md", "# Guide\n\n[gone](missing.md#nowhere)\n");
        var result = project.Build();

        Assert.Equal(1, result.ExitCode);
        FolderSnapshot.AssertEqual(before, FolderSnapshot.Take(project.Site));
        Assert.Empty(FolderSnapshot.Leftovers(project.Site));
    }

    [Fact]
    public void A_successful_rebuild_replaces_the_site_and_leaves_nothing_beside_it()
    {
        using var project = SmallProject();
        Assert.True(project.Build().Succeeded);
        project.Write("content/guide.md", "# Guide, edited\n");
        Assert.True(project.Build().Succeeded);
        Assert.Contains("Guide, edited", project.Read("guide.html"), StringComparison.Ordinal);
        Assert.Empty(FolderSnapshot.Leftovers(project.Site));
    }

    [Fact]
    public void A_failed_first_build_creates_no_output_folder()
    {
        using var project = SmallProject();
        project.Write("content/guide.md", "[gone](missing.md)\n");
        Assert.Equal(1, project.Build().ExitCode);
        Assert.False(Directory.Exists(project.Site));
        Assert.Empty(FolderSnapshot.Leftovers(project.Site));
    }

    public static TheoryData<string, bool> UnsafeOutputs => new()
    {
        { ".", false }, { ".", true },
        { "content", false }, { "content", true },
        { "content/site", true },
        { "templates", false }, { "templates", true },
        { "..", false }, { "..", true },
    };

    [Theory]
    [MemberData(nameof(UnsafeOutputs))]
    public void The_project_its_content_templates_and_ancestors_are_refused_even_with_force(string output, bool force)
    {
        using var project = SmallProject();
        project.Write("templates/partials/extra.html", "<p>override</p>");
        var files = FolderSnapshot.Take(project.Root);

        var result = project.Build(r => r with { Output = Path.Combine(project.Root, output), Force = force });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(result.Diagnostics, d => d.Code == "output-unsafe");
        FolderSnapshot.AssertEqual(files, FolderSnapshot.Take(project.Root));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(project.Root)!, ".*staging*"));
    }

    [Theory]
    [InlineData(".")]
    [InlineData("content")]
    [InlineData("templates")]
    public void The_cli_refuses_unsafe_outputs_with_exit_2_and_a_clear_message(string output)
    {
        using var project = SmallProject();
        project.Write("templates/partials/extra.html", "<p>override</p>");
        var files = FolderSnapshot.Take(project.Root);

        foreach (var args in new[] { new[] { "build", project.Root, "-o", Path.Combine(project.Root, output) }, ["build", project.Root, "-o", Path.Combine(project.Root, output), "--force"] })
        {
            var run = CliRun.Of(args);
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("output-unsafe", run.Error, StringComparison.Ordinal);
            Assert.Contains("refusing to build into", run.Error, StringComparison.Ordinal);
            Assert.False(run.PrintedStackTrace, run.Error);
        }

        FolderSnapshot.AssertEqual(files, FolderSnapshot.Take(project.Root));
    }

    [Fact]
    public void A_folder_with_foreign_files_is_refused_without_force_and_replaced_with_it()
    {
        using var project = SmallProject();
        var output = Path.Combine(project.Root, "public");
        project.Write("public/notes.txt", "my notes");
        var files = FolderSnapshot.Take(project.Root);

        var refused = CliRun.Of("build", project.Root, "-o", output);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("output-not-owned", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--force", refused.Error, StringComparison.Ordinal);
        Assert.False(refused.PrintedStackTrace, refused.Error);
        FolderSnapshot.AssertEqual(files, FolderSnapshot.Take(project.Root));

        var forced = CliRun.Of("build", project.Root, "-o", output, "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.False(File.Exists(Path.Combine(output, "notes.txt")));
        Assert.True(File.Exists(Path.Combine(output, SiteWriter.MarkerFile)));
        Assert.True(File.Exists(Path.Combine(output, "index.html")));

        // Now Handbook's: a rebuild needs no --force.
        Assert.Equal(0, CliRun.Of("build", project.Root, "-o", output).ExitCode);
        FolderSnapshot.AssertEqual(
            FolderSnapshot.Take(project.Root, p => !p.StartsWith("public/", StringComparison.Ordinal)),
            FolderSnapshot.Take(project.Root, p => !p.StartsWith("public/", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_folder_holding_only_a_hidden_foreign_file_is_not_owned_either()
    {
        using var project = SmallProject();
        project.Write("out/.git/config", "[core]\n");
        var result = project.Build(r => r with { Output = Path.Combine(project.Root, "out") });
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(result.Diagnostics, d => d.Code == "output-not-owned");
        Assert.True(File.Exists(Path.Combine(project.Root, "out/.git/config")));
    }

    [Fact]
    public void An_empty_folder_or_a_missing_one_is_fine()
    {
        using var project = SmallProject();
        Directory.CreateDirectory(Path.Combine(project.Root, "empty"));
        Assert.Equal(0, project.Build(r => r with { Output = Path.Combine(project.Root, "empty") }).ExitCode);
        Assert.Equal(0, project.Build(r => r with { Output = Path.Combine(project.Root, "deep/er/site") }).ExitCode);
        Assert.True(File.Exists(Path.Combine(project.Root, "deep/er/site/index.html")));
    }

    [Fact]
    public void An_output_that_is_a_file_is_refused_as_usage()
    {
        using var project = SmallProject();
        project.Write("site.txt", "x");
        var result = project.Build(r => r with { Output = Path.Combine(project.Root, "site.txt") });
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(result.Diagnostics, d => d.Code == "output-unsafe");
        Assert.Equal("x", File.ReadAllText(Path.Combine(project.Root, "site.txt")));
    }

    [Fact]
    public void An_output_below_a_file_is_a_clear_error_not_a_stack_trace()
    {
        using var project = SmallProject();
        project.Write("blocker", "x");
        var run = CliRun.Of("build", project.Root, "-o", Path.Combine(project.Root, "blocker", "site"));
        Assert.NotEqual(0, run.ExitCode);
        Assert.False(run.PrintedStackTrace, run.Error);
        Assert.Contains("blocker", run.Error, StringComparison.Ordinal);
        Assert.Equal("x", File.ReadAllText(Path.Combine(project.Root, "blocker")));
    }

    [Fact]
    public void Nothing_outside_the_output_folder_is_written_or_deleted()
    {
        using var project = SmallProject();
        project.Write("notes/todo.md", "keep me");
        var before = ProjectFiles(project);
        var siblings = Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(project.Root)!).Order(StringComparer.Ordinal).ToList();

        Assert.True(project.Build().Succeeded);
        project.Write("content/guide.md", "# Guide v2\n");
        before["content/guide.md"] = FolderSnapshot.Take(project.Root, p => p == "content/guide.md")["content/guide.md"];
        Assert.True(project.Build().Succeeded);
        Assert.Throws<InvalidOperationException>(() => project.Build(r => r with { BeforeCommit = () => throw new InvalidOperationException("late") }));

        FolderSnapshot.AssertEqual(before, ProjectFiles(project));
        Assert.Equal(["content", "handbook.yml", "notes", "site"], Directory.EnumerateFileSystemEntries(project.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // Beside the project only other tests' projects (GUID-named, created and deleted concurrently) may come and go.
        var added = Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(project.Root)!).Except(siblings);
        Assert.DoesNotContain(added, e => !Guid.TryParseExact(Path.GetFileName(e), "N", out _));
    }

    [Fact]
    public void The_cli_never_prints_a_stack_trace_for_a_missing_project()
    {
        var run = CliRun.Of("build", Path.Combine(Path.GetTempPath(), "handbook-tests", "does-not-exist-" + Guid.NewGuid().ToString("N")));
        Assert.Equal(2, run.ExitCode);
        Assert.False(run.PrintedStackTrace, run.Error);
        Assert.Contains("project-missing", run.Error, StringComparison.Ordinal);
    }

    // ---- Issue 13: leftovers of killed builds, an interrupted swap, Ctrl-C and SIGTERM, a read-only site. ----

    private static string Leftover(TempProject project, string name, bool marked, string? text = null)
    {
        var folder = Path.Combine(project.Root, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "index.html"), text ?? "stale");
        if (marked)
        {
            File.WriteAllText(Path.Combine(folder, SiteWriter.MarkerFile), "marker");
        }

        return folder;
    }

    [Fact]
    public void Every_build_removes_stale_staging_and_old_folders_of_its_output_and_only_those()
    {
        using var project = SmallProject();
        Assert.True(project.Build().Succeeded);
        Leftover(project, ".site.staging-0123456789abcdef0123456789abcdef", marked: true, "private story text");
        Leftover(project, ".site.old-0123456789abcdef0123456789abcdef", marked: true);
        var unmarked = Leftover(project, ".site.staging-notours", marked: false);
        var otherOutput = Leftover(project, ".public.staging-0123", marked: true);
        var elsewhere = Leftover(project, "elsewhere", marked: true);
        Directory.CreateSymbolicLink(Path.Combine(project.Root, ".site.old-link"), elsewhere);

        // A build still running (another process) holds its staging marker open: its folder is not touched.
        var running = Leftover(project, ".site.staging-running", marked: false);
        using (var held = new FileStream(Path.Combine(running, SiteWriter.MarkerFile), FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            // A failing build tidies too.
            project.Write("content/guide.md", "[gone](missing.md)\n");
            Assert.Equal(1, project.Build().ExitCode);
            Assert.Equal([".site.old-link", ".site.staging-notours", ".site.staging-running"], FolderSnapshot.Leftovers(project.Site));
        }

        project.Write("content/guide.md", "# Guide\n");
        Assert.True(project.Build().Succeeded);
        Assert.Equal([".site.old-link", ".site.staging-notours"], FolderSnapshot.Leftovers(project.Site));
        Assert.True(File.Exists(Path.Combine(unmarked, "index.html")));
        Assert.True(File.Exists(Path.Combine(otherOutput, "index.html")));
        Assert.True(File.Exists(Path.Combine(elsewhere, SiteWriter.MarkerFile)));
    }

    [Fact]
    public void A_build_killed_between_the_two_moves_of_the_swap_is_repaired_by_the_next_build_even_a_failing_one()
    {
        using var project = SmallProject();
        Assert.True(project.Build().Succeeded);
        var before = FolderSnapshot.Take(project.Site);

        project.Write("content/guide.md", "# Guide, edited\n");
        Assert.Throws<SimulatedKill>(() => project.Build(r => r with { BetweenRenames = () => throw new SimulatedKill() }));
        Assert.False(Directory.Exists(project.Site)); // what a kill at this point leaves: no site at the output path

        project.Write("content/guide.md", "[gone](missing.md)\n");
        Assert.Equal(1, project.Build().ExitCode);
        FolderSnapshot.AssertEqual(before, FolderSnapshot.Take(project.Site));
        Assert.Empty(FolderSnapshot.Leftovers(project.Site));
    }

    [Fact]
    public async Task Serve_repairs_an_interrupted_swap_too()
    {
        using var project = SmallProject();
        Assert.True(project.Build().Succeeded);
        var before = FolderSnapshot.Take(project.Site);
        project.Write("content/guide.md", "# Guide, edited\n");
        Assert.Throws<SimulatedKill>(() => project.Build(r => r with { BetweenRenames = () => throw new SimulatedKill() }));
        Assert.False(Directory.Exists(project.Site));

        await using (await PreviewServer.StartAsync(new PreviewOptions(project.Root) { Port = 0 }, new StringWriter()))
        {
            FolderSnapshot.AssertEqual(before, FolderSnapshot.Take(project.Site));
            Assert.Empty(FolderSnapshot.Leftovers(project.Site));
        }
    }

    [SkippableFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_read_only_output_folder_is_replaced_without_leaving_a_copy_of_it_behind()
    {
        Skip.If(OperatingSystem.IsWindows() || Environment.UserName == "root", "permissions do not bind root (or work this way on Windows)");
        using var project = SmallProject();
        Assert.True(project.Build().Succeeded);
        File.SetUnixFileMode(Path.Combine(project.Site, "img"), (UnixFileMode)0b101_101_101);
        File.SetUnixFileMode(project.Site, (UnixFileMode)0b101_101_101);

        Assert.True(project.Build().Succeeded);
        Assert.True(project.Build().Succeeded);
        Assert.Empty(FolderSnapshot.Leftovers(project.Site));
    }

    public static TheoryData<string, int> Signals => new() { { "INT", 130 }, { "TERM", 143 }, { "KILL", 137 } };

    /// <summary>
    /// A real <c>handbook build</c> child process, signalled while its staging folder exists (held there by the pipeline's
    /// <c>HANDBOOK_TEST_PAUSE_BEFORE_COMMIT_MS</c> hook): Ctrl-C and SIGTERM cancel it, remove the staging folder and leave the
    /// previous site; after SIGKILL, which nothing can catch, the next build removes what it left.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(Signals))]
    public void A_signalled_build_leaves_the_previous_site_and_no_staging_folder(string signal, int exitCode)
    {
        Skip.If(OperatingSystem.IsWindows(), "POSIX signals");
        using var project = SmallProject();
        Assert.True(project.Build().Succeeded);
        var before = FolderSnapshot.Take(project.Site);
        project.Write("content/guide.md", "# Guide, edited\n");

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["HANDBOOK_TEST_PAUSE_BEFORE_COMMIT_MS"] = "120000";
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "handbook.dll"), "build", project.Root })
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start)!;
        var stderr = child.StandardError.ReadToEndAsync();
        var stdout = child.StandardOutput.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        while (!FolderSnapshot.Leftovers(project.Site).Any(l => l.StartsWith(".site.staging-", StringComparison.Ordinal)))
        {
            if (child.HasExited)
            {
                Assert.Fail($"the build ended before it could be signalled: {stdout.Result}{stderr.Result}");
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "no staging folder appeared");
            Thread.Sleep(5);
        }

        using (var kill = Process.Start("kill", ["-" + signal, child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        Assert.True(child.WaitForExit(TimeSpan.FromSeconds(60)), "the build did not stop");
        Assert.Equal(exitCode, child.ExitCode);
        FolderSnapshot.AssertEqual(before, FolderSnapshot.Take(project.Site));
        if (signal == "KILL")
        {
            Assert.NotEmpty(FolderSnapshot.Leftovers(project.Site));
            project.Write("content/guide.md", "[gone](missing.md)\n");
            Assert.Equal(1, project.Build().ExitCode);
        }
        else
        {
            Assert.Equal("handbook: build cancelled; the previous site, if any, is unchanged\n", stderr.Result.ReplaceLineEndings("\n"));
        }

        Assert.Empty(FolderSnapshot.Leftovers(project.Site));
        FolderSnapshot.AssertEqual(before, FolderSnapshot.Take(project.Site));
    }

    /// <summary>A build killed after making its staging folder but before writing the marker leaves it empty: the next build removes it.</summary>
    [Fact]
    public void An_empty_staging_folder_of_a_build_killed_before_its_marker_is_removed_by_the_next_build()
    {
        using var project = SmallProject();
        Assert.True(project.Build().Succeeded);
        var empty = Path.Combine(project.Root, ".site.staging-" + Guid.NewGuid().ToString("N"));
        var notOurs = Path.Combine(project.Root, ".site.staging-notes");
        Directory.CreateDirectory(empty);
        Directory.CreateDirectory(notOurs);
        File.WriteAllText(Path.Combine(notOurs, "keep.txt"), "someone's file");

        Assert.True(project.Build().Succeeded);
        Assert.False(Directory.Exists(empty));
        Assert.True(File.Exists(Path.Combine(notOurs, "keep.txt")), "a staging-named folder with files but no marker is not Handbook's to delete");
    }

    private sealed class SimulatedKill : Exception;
}
