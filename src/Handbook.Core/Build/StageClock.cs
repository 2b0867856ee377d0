using System.Diagnostics;
using System.Globalization;

namespace Handbook.Build;

/// <summary>
/// With <c>HANDBOOK_TIMINGS=1</c>, a build prints the wall time of each stage to standard error when it ends: where a build's
/// time goes in the shipped (Native AOT) tool, which profilers made for the JIT cannot show. Off, it costs nothing.
/// </summary>
public sealed class StageClock
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<(string Stage, double Milliseconds)> _stages = [];

    public static StageClock? FromEnvironment() =>
        Environment.GetEnvironmentVariable("HANDBOOK_TIMINGS") is "1" or "true" ? new StageClock() : null;

    public void Mark(string stage)
    {
        _stages.Add((stage, _clock.Elapsed.TotalMilliseconds));
        _clock.Restart();
    }

    public void Print() => Console.Error.WriteLine("handbook: stages " + string.Join(", ",
        _stages.Select(s => s.Stage + " " + s.Milliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms")));
}
