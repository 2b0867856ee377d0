using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;

namespace Handbook.Cli;

/// <summary>
/// Examples belong to a command's own <c>--help</c>, after its options (as in git and cargo), not in its description:
/// System.CommandLine prints descriptions in the parent's command list too, where a block of examples (and the
/// argument's default after the last one) is noise.
/// </summary>
public static class CommandExamples
{
    private static readonly ConditionalWeakTable<Command, string[]> Examples = new();

    public static TCommand WithExamples<TCommand>(this TCommand command, params string[] examples)
        where TCommand : Command
    {
        Examples.AddOrUpdate(command, examples);
        return command;
    }

    /// <summary>Wraps the help option's action so every command's help ends with its examples.</summary>
    public static void Install(RootCommand root)
    {
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            if (help.Action is HelpAction standard)
            {
                help.Action = new HelpWithExamplesAction(standard);
            }
        }
    }

    /// <summary>Whether the parse asks for help, which wins over its errors (<c>handbook new story --help</c> lacks --archetype).</summary>
    public static bool IsHelp(ParseResult parse) => parse.Action is HelpWithExamplesAction or HelpAction;

    public static IReadOnlyList<string> For(Command command) => Examples.TryGetValue(command, out var examples) ? examples : [];

    private sealed class HelpWithExamplesAction(HelpAction standard) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var result = standard.Invoke(parseResult);
            var examples = For(parseResult.CommandResult.Command);
            if (examples.Count > 0)
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine("Examples:");
                foreach (var example in examples)
                {
                    output.WriteLine("  " + example);
                }

                output.WriteLine();
            }

            return result;
        }
    }
}
