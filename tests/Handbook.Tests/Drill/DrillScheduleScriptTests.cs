using System.Diagnostics;
using Handbook.Tests.Browser;
using Handbook.Tests.Support;

namespace Handbook.Tests.Drill;

/// <summary>
/// The drill's scheduler runs in the browser, so its unit tests are JavaScript (<c>tests/js/*.test.js</c>, Node's built-in
/// runner). This runs them as part of <c>dotnet test</c>, so CI fails when they do. Without Node the test skips locally and
/// fails in CI, like the browser tests.
/// </summary>
public sealed class DrillScheduleScriptTests
{
    [SkippableFact]
    public void The_scheduler_unit_tests_pass_under_node_test()
    {
        var node = FindNode();
        var missing = node is null ? "node not found on PATH: install Node.js 20 or later to run the drill scheduler's unit tests" : null;
        if (missing is not null && BrowserEnvironment.IsCi)
        {
            Assert.Fail("CI=true: " + missing);
        }

        Skip.If(missing is not null, missing);
        var root = TempProject.RepositoryRoot();
        var start = new ProcessStartInfo(node!)
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("--test");
        start.ArgumentList.Add("--test-reporter=tap");
        start.ArgumentList.Add(Path.Combine("tests", "js", "drill-schedule.test.js"));
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"node --test failed (exit {process.ExitCode}):\n{stdout}\n{stderr.Result}");
        Assert.Contains("# pass ", stdout, StringComparison.Ordinal);
        Assert.Contains("# fail 0", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("# pass 0", stdout, StringComparison.Ordinal);
    }

    private static string? FindNode()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, OperatingSystem.IsWindows() ? "node.exe" : "node");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
