using System.Diagnostics;
using System.Globalization;

namespace Handbook.Build;

/// <summary>
/// With <c>HANDBOOK_TIMINGS=1</c>, a build prints the wall time of each stage to standard error when it ends: where a build's
/// time goes in the shipped (Native AOT) tool, which profilers made for the JIT cannot show. Off, it costs nothing.
/// <c>HANDBOOK_TIMINGS=heap</c> also prints, after each stage, the garbage-collected heap and the process's working set with its
/// peak so far, and the collections so far with the time they stopped every thread: where the build's peak of memory comes from
/// (without forcing a collection, which would change it), and what the collector costs it.
/// </summary>
public sealed class StageClock
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<(string Stage, double Milliseconds, string? Memory)> _stages = [];
    private readonly bool _memory;

    private StageClock(bool memory) => _memory = memory;

    public static StageClock? FromEnvironment() => Environment.GetEnvironmentVariable("HANDBOOK_TIMINGS") switch
    {
        "1" or "true" => new StageClock(memory: false),
        "heap" => new StageClock(memory: true),
        _ => null,
    };

    public void Mark(string stage)
    {
        var elapsed = _clock.Elapsed.TotalMilliseconds;
        _stages.Add((stage, elapsed, _memory ? Memory() : null));
        _clock.Restart();
    }

    private static string Memory()
    {
        using var process = Process.GetCurrentProcess();
        return string.Create(CultureInfo.InvariantCulture,
            $"heap {GC.GetGCMemoryInfo().HeapSizeBytes >> 20} MB, working set {process.WorkingSet64 >> 20} MB, peak {process.PeakWorkingSet64 >> 20} MB, {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} collections (gen 0/1/2) pausing {GC.GetTotalPauseDuration().TotalMilliseconds:0.0} ms, {GC.GetTotalAllocatedBytes() >> 20} MB allocated");
    }

    public void Print() => Console.Error.WriteLine("handbook: stages " + string.Join(", ",
        _stages.Select(s => s.Stage + " " + s.Milliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms" + (s.Memory is { } m ? " (" + m + ")" : ""))));
}
