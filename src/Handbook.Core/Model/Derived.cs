using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Handbook.Model;

/// <summary>
/// A value derived from one immutable object alone (a chapter's section tree, its links, a search entry's JSON). The preview
/// server hands each rebuild the same objects while their text is unchanged, so there the value is kept with its object, for as
/// long as the object lives (<see cref="KeepAcrossBuilds"/>). A one-shot build derives it when asked: keeping it would cost a
/// weak-table entry per object, and at 10,000 pages the hundreds of thousands of them doubled the time of every garbage
/// collection while pages render (render stage 6.8 → 12.7 s).
/// </summary>
public sealed class Derived<TKey, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TValue>(Func<TKey, TValue> derive)
    where TKey : class
    where TValue : class
{
    private readonly ConditionalWeakTable<TKey, TValue> _kept = new();

    public TValue Of(TKey key) => DerivedValues.KeepAcrossBuilds ? _kept.GetValue(key, k => derive(k)) : derive(key);
}

/// <summary>Whether <see cref="Derived{TKey, TValue}"/> values are kept: set by the preview server, the one caller that rebuilds.</summary>
public static class DerivedValues
{
    private static volatile bool _keep;

    public static bool KeepAcrossBuilds
    {
        get => _keep;
        set => _keep = value;
    }
}
