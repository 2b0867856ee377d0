using BenchmarkDotNet.Running;

namespace Handbook.Benchmarks;

public static class Program
{
    /// <summary>
    /// <c>dotnet run -c Release -- corpus PAGES OUT</c> writes a corpus for the whole-process script;
    /// <c>-- hugo PROJECT OUT</c> writes the same Markdown as a Hugo site;
    /// <c>-- profile PROJECT</c> times each stage once; anything else runs BenchmarkDotNet (e.g. <c>-- --filter '*'</c>).
    /// </summary>
    public static int Main(string[] args)
    {
        if (args is ["corpus", var pages, var target])
        {
            Corpus.Generate(RepositoryRoot(), Path.GetFullPath(target), int.Parse(pages, System.Globalization.CultureInfo.InvariantCulture));
            return 0;
        }

        if (args is ["hugo", var source, var site])
        {
            Corpus.WriteHugoSite(Path.GetFullPath(source), Path.GetFullPath(site));
            return 0;
        }

        if (args is ["profile", var project])
        {
            StageProfile.Run(Path.GetFullPath(project));
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    public static string RepositoryRoot()
    {
        var folder = AppContext.BaseDirectory;
        while (folder is not null && !File.Exists(Path.Combine(folder, "Handbook.sln")))
        {
            folder = Path.GetDirectoryName(folder);
        }

        return folder ?? throw new InvalidOperationException("run from inside the repository");
    }
}
