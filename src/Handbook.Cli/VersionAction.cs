using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace Handbook.Cli;

/// <summary>
/// <c>handbook --version</c> prints the tool's own version (without the commit hash), whoever the entry assembly is:
/// System.CommandLine's default reads the entry assembly, which is the test host when tests call <see cref="HandbookCommand"/>.
/// </summary>
public sealed class VersionAction(TextWriter output) : SynchronousCommandLineAction
{
    public static string Version
    {
        get
        {
            var version = typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            var plus = version.IndexOf('+');
            return plus < 0 ? version : version[..plus];
        }
    }

    public override int Invoke(ParseResult parseResult)
    {
        output.WriteLine(Version);
        return 0;
    }
}
