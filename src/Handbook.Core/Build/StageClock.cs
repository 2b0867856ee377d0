using System.Diagnostics;
using System.Globalization;

namespace Handbook.Build;

/// <summary>
/// With <c>HANDBOOK_TIMINGS=1</c>, a build prints the wall time of each stage to standard error when it ends: where a build's
/// time goes in the shipped (Native AOT) tool, which profilers made for the JIT cannot show. Off, it costs nothing.
/// <c>HANDBOOK_TIMINGS=heap</c> also prints the live heap after each stage, found by a full collection (which costs time of its
/// own): what each stage keeps for the ones after it.
/// </summary>
public sealed class StageClock
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<(string Stage, double Milliseconds, long? LiveBytes)> _stages = [];
    private readonly bool _heap;

    private StageClock(bool heap) => _heap = heap;

    public static StageClock? FromEnvironment() => Environment.GetEnvironmentVariable("HANDBOOK_TIMINGS") switch
    {
        "1" or "true" => new StageClock(heap: false),
        "heap" => new StageClock(heap: true),
        _ => null,
    };

    public void Mark(string stage)
    {
        var elapsed = _clock.Elapsed.TotalMilliseconds;
        _stages.Add((stage, elapsed, _heap ? GC.GetTotalMemory(forceFullCollection: false) : null));
        if (_heap)
        {
            var info = GC.GetGCMemoryInfo();
            Console.Error.WriteLine($"{stage}: heap {info.HeapSizeBytes >> 20} MB, committed {info.TotalCommittedBytes >> 20} MB, fragmented {info.FragmentedBytes >> 20} MB, working set {Environment.WorkingSet >> 20} MB, peak {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 >> 20} MB, gen2 count {GC.CollectionCount(2)}");
        }
        _clock.Restart();
    }

    public void Print() => Console.Error.WriteLine("handbook: stages " + string.Join(", ",
        _stages.Select(s => s.Stage + " " + s.Milliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms"
            + (s.LiveBytes is { } live ? " (live " + (live >> 20).ToString(CultureInfo.InvariantCulture) + " MB)" : ""))));
}
