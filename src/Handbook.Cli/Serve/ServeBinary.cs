using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace Handbook.Cli.Serve;

/// <summary>
/// Where <c>handbook serve</c> runs. Kestrel and the web host are a quarter of the native tool (20.4 MB with them, 15.5
/// without), and a Native AOT binary pays at every start for all the code it holds (<c>handbook --version</c>: 26 ms with
/// Kestrel in, 19 ms without, while the runtime still inflated the type data at start; on Linux it no longer does, see
/// Handbook.Cli.csproj). So the native tool package holds two binaries built from this one project: <c>handbook</c>, compiled with
/// <see cref="InProcess"/> false so that the compiler drops the preview server and Kestrel from it, and <c>handbook-serve</c>
/// beside it, the whole tool, which <c>handbook serve</c> hands its command line to (as <c>git</c> runs <c>git-NAME</c>).
/// Everywhere else (<c>dotnet run</c>, the tests, the framework-dependent package) the preview runs in process.
/// </summary>
internal static partial class ServeBinary
{
    private const string InProcessSwitch = "Handbook.Cli.ServeInProcess";

    /// <summary>The name of the binary that serves, beside <c>handbook</c> in the native package.</summary>
    public static string FileName { get; } = OperatingSystem.IsWindows() ? "handbook-serve.exe" : "handbook-serve";

    /// <summary>
    /// True unless the binary was compiled with the switch off (the csproj passes it to the Native AOT compiler for the
    /// <c>handbook</c> binary only): then this is the constant false, and the in-process branch is not compiled at all.
    /// </summary>
    [FeatureSwitchDefinition(InProcessSwitch)]
    public static bool InProcess => !AppContext.TryGetSwitch(InProcessSwitch, out var inProcess) || inProcess;

    /// <summary>
    /// Runs <c>handbook-serve</c> from <paramref name="folder"/> with this command line, <paramref name="args"/> as given (so it
    /// parses exactly what was typed). On Linux and macOS it replaces this process (<c>execv</c>): signals, the terminal and the
    /// exit code are the server's own. On Windows it runs as a child that shares the console, and Ctrl+C is left to it.
    /// Returns only when it could not be started, or (Windows) with its exit code.
    /// </summary>
    public static int Run(string folder, IReadOnlyList<string> args, TextWriter error)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            error.WriteLine($"handbook: 'serve' needs {FileName} beside handbook (in {folder}); reinstall the tool ('dotnet tool update Handbook.Tool')");
            return 1;
        }

        Console.Out.Flush();
        Console.Error.Flush();
        if (OperatingSystem.IsWindows())
        {
            return RunChild(path, args);
        }

        var message = Exec(path, args);
        error.WriteLine($"handbook: cannot start {path}: {message}");
        return 1;
    }

    private static int RunChild(string path, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(path) { UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Ctrl+C reaches every process on the console: the server stops itself, and this one waits for it to finish.
        Console.CancelKeyPress += (_, e) => e.Cancel = true;
        using var child = Process.Start(start)!;
        child.WaitForExit();
        return child.ExitCode;
    }

    /// <summary>Replaces this process with <paramref name="path"/>; returns (the system's reason) only if that failed.</summary>
    private static string Exec(string path, IReadOnlyList<string> args)
    {
        var argv = new nint[args.Count + 2];
        try
        {
            argv[0] = Marshal.StringToCoTaskMemUTF8(path);
            for (var i = 0; i < args.Count; i++)
            {
                argv[i + 1] = Marshal.StringToCoTaskMemUTF8(args[i]);
            }

            _ = Execv(argv[0], argv);
            return Marshal.GetLastPInvokeErrorMessage();
        }
        finally
        {
            foreach (var arg in argv)
            {
                Marshal.FreeCoTaskMem(arg);
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "execv", SetLastError = true)]
    private static partial int Execv(nint path, nint[] argv);
}
