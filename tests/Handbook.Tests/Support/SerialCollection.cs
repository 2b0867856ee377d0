namespace Handbook.Tests.Support;

/// <summary>Tests that must not share the process with others running at the same time (memory bounds).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "serial";
}
