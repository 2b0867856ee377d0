using Handbook.Cli.Serve;
using Handbook.Tests.Support;

namespace Handbook.Tests.Cli;

/// <summary>
/// The native package's <c>handbook</c> hands <c>serve</c> to the <c>handbook-serve</c> binary beside it; .ci/run installs that
/// package and serves a page through it. Here, in the JIT-compiled tool, the preview runs in process.
/// </summary>
public sealed class ServeBinaryTests
{
    [Fact]
    public void Without_the_native_switch_the_preview_runs_in_process()
    {
        Assert.True(ServeBinary.InProcess);
    }

    [Fact]
    public void A_missing_serve_binary_is_one_line_naming_it_and_the_fix()
    {
        using var folder = new TempProject(new Dictionary<string, string>());
        var error = new StringWriter();

        var exit = ServeBinary.Run(folder.Root, ["serve", "--port", "0"], error);

        Assert.Equal(1, exit);
        var message = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(ServeBinary.FileName, message, StringComparison.Ordinal);
        Assert.Contains(folder.Root, message, StringComparison.Ordinal);
        Assert.Contains("dotnet tool update Handbook.Tool", message, StringComparison.Ordinal);
    }
}
