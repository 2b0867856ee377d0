using Handbook.Tests.Support;

namespace Handbook.Tests.Browser;

/// <summary>
/// Where the browser tests find their tools: Debian's Chromium (never a downloaded browser) and the Node packages of
/// <c>tests/tooling</c>. Locally a missing tool skips the test with a message saying how to get it; in CI (<c>CI=true</c>)
/// it fails, so a green CI run always means the browser tests ran.
/// </summary>
public static class BrowserEnvironment
{
    public const string ChromiumVariable = "HANDBOOK_CHROMIUM";

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string ToolingFolder => Path.Combine(TempProject.RepositoryRoot(), "tests", "tooling");

    public static string NodeModules => Path.Combine(ToolingFolder, "node_modules");

    public static string HtmlValidate => Path.Combine(NodeModules, ".bin", "html-validate");

    public static string AxeScript => Path.Combine(NodeModules, "axe-core", "axe.min.js");

    public static string? MissingChromium() => File.Exists(ChromiumPath)
        ? null
        : $"Chromium not found at {ChromiumPath}. Install it with `apt-get install -y chromium` (or set {ChromiumVariable} to a Chromium binary) to run the browser tests.";

    public static string? MissingTooling() => File.Exists(HtmlValidate) && File.Exists(AxeScript)
        ? null
        : $"Node tooling not installed in {ToolingFolder}. Run `npm ci` there to run the html-validate and axe-core tests.";

    /// <summary>Skips (locally) or fails (in CI) when Chromium is missing.</summary>
    public static void RequireChromium() => Require(MissingChromium());

    /// <summary>Skips (locally) or fails (in CI) when the Node tooling is missing.</summary>
    public static void RequireTooling() => Require(MissingTooling());

    private static void Require(string? missing)
    {
        if (missing is not null && IsCi)
        {
            Assert.Fail("CI=true: " + missing);
        }

        Skip.If(missing is not null, missing);
    }
}
