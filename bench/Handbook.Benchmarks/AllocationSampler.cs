using System.Diagnostics.Tracing;

namespace Handbook.Benchmarks;

/// <summary>
/// What a stretch of code allocates, by type: the runtime's allocation tick (an event about every 100 KB allocated, naming the
/// type of the object that crossed the mark), summed while the sampler lives. A sample, not a count: good for the largest types.
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;

    // Created lazily: the base constructor already reports the runtime's event source, before this class's fields are set.
    private Dictionary<string, long>? _bytes;
    private volatile bool _stopped;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (_stopped || e.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.PayloadNames is null || e.Payload is null)
        {
            return;
        }

        var type = e.Payload[e.PayloadNames.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
        lock (this)
        {
            _bytes ??= new Dictionary<string, long>(StringComparer.Ordinal);
            _bytes[type] = _bytes.GetValueOrDefault(type) + amount;
        }
    }

    /// <summary>Stops sampling and prints the <paramref name="top"/> types by bytes.</summary>
    public void Print(int top)
    {
        _stopped = true;
        lock (this)
        {
            foreach (var (type, bytes) in (_bytes ?? []).OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).Take(top))
            {
                Console.WriteLine($"    {bytes / 1024,8} KiB {type}");
            }
        }
    }
}
