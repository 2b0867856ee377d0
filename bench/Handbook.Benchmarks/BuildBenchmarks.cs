using BenchmarkDotNet.Attributes;
using Handbook.Build;

namespace Handbook.Benchmarks;

/// <summary>The whole pipeline in process (load → … → check), without writing, at several sizes.</summary>
[MemoryDiagnoser]
public class BuildBenchmarks
{
    private string _project = "";

    [Params(15, 200)]
    public int Pages { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _project = Corpus.Generate(Program.RepositoryRoot(), Path.Combine(Path.GetTempPath(), $"handbook-bench-{Pages}"), Pages);
    }

    [Benchmark]
    public int CheckOnly() => BuildPipeline.Run(new BuildRequest(_project) { WriteOutput = false }).PagesRendered;

    [Benchmark]
    public int BuildAndWrite() => BuildPipeline.Run(new BuildRequest(_project) { Output = Path.Combine(_project, "site") }).FilesWritten;
}
