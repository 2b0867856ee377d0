using System.Text;
using Handbook.Cli.Serve;
using Handbook.Tests.Support;

namespace Handbook.Tests.Serve;

/// <summary>What a request gets while the preview is rebuilding: the new page as soon as it is written, never the one from before the edit.</summary>
public sealed class RunningBuildTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task A_request_waits_for_its_page_and_gets_it_the_moment_it_is_written()
    {
        var running = new RunningBuild();
        var sink = running.Begin();
        var request = running.PageAsync("a.html", CancellationToken.None);
        Assert.False(request.IsCompleted);

        sink.Write("b.html", Bytes("other page"));
        Assert.False(request.IsCompleted);

        sink.Write("a.html", Bytes("new a"));
        Assert.Equal("new a", Encoding.UTF8.GetString((await request.WaitAsync(Bound))!));

        // Written already: answered at once.
        Assert.Equal("other page", Encoding.UTF8.GetString((await running.PageAsync("b.html", CancellationToken.None).WaitAsync(Bound))!));
    }

    [Fact]
    public async Task A_page_the_build_does_not_write_and_any_other_file_are_answered_from_the_state_once_it_ends()
    {
        var running = new RunningBuild();
        running.Begin();
        var page = running.PageAsync("gone.html", CancellationToken.None);
        var script = running.PageAsync("search-index.js", CancellationToken.None);
        Assert.False(page.IsCompleted);
        Assert.False(script.IsCompleted);

        running.Finish();
        Assert.Null(await page.WaitAsync(Bound));
        Assert.Null(await script.WaitAsync(Bound));
    }

    [Fact]
    public async Task A_page_written_by_a_superseded_build_does_not_answer_a_request_the_next_build_will()
    {
        var running = new RunningBuild();
        var superseded = running.Begin();
        var request = running.PageAsync("a.html", CancellationToken.None);
        var next = running.Begin();

        // The cancelled build finishes the page it was rendering, from the inputs before the newer edit.
        superseded.Write("a.html", Bytes("a before the newer edit"));
        await Task.Delay(50);
        Assert.False(request.IsCompleted);

        next.Write("a.html", Bytes("a after the newer edit"));
        Assert.Equal("a after the newer edit", Encoding.UTF8.GetString((await request.WaitAsync(Bound))!));
    }

    [Fact]
    public async Task A_burst_of_saves_is_one_batch()
    {
        using var project = new TempProject(new Dictionary<string, string> { ["content/index.md"] = "# Home\n" });
        // A generous quiet window, so the test does not depend on how fast this machine writes five files.
        using var watcher = new ProjectWatcher(project.Root, quiet: TimeSpan.FromSeconds(1));
        for (var i = 0; i < 5; i++)
        {
            project.Write("content/index.md", $"# Home\n\nSave {i}.\n");
            project.Write("content/.index.md.swp", "editor state");
        }

        project.Write("content/other.md", "# Other\n");
        var batch = await watcher.NextAsync(CancellationToken.None).WaitAsync(Bound);
        Assert.Equal(["content/index.md", "content/other.md"], batch);

        // Nothing is left over for a second build.
        using var none = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watcher.NextAsync(none.Token));
    }
}
