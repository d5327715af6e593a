namespace Kixie.SeatPolicy.Tests.Collections;

/// <summary>
/// A value that carries its own key, as the values of a <see cref="PersistentMap{TKey, TValue, TKeyOf}"/>
/// do. A record: two entries are equal when their keys are equal by the key type's default comparer
/// (ordinal for strings, whatever comparer the map uses) and their values are equal, which is the
/// equality <see cref="PersistentMap{TKey, TValue, TKeyOf}.SetItem"/> reads to decide that nothing changed.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <param name="Key">The key the entry is stored under.</param>
/// <param name="Value">A payload, so that a key can be given another value.</param>
internal sealed record Entry<TKey>(TKey Key, int Value);

/// <summary>Reads an <see cref="Entry{TKey}"/>'s key.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
internal readonly struct EntryKey<TKey> : IKeyOf<TKey, Entry<TKey>>
{
    /// <inheritdoc />
    public static TKey KeyOf(Entry<TKey> value) => value.Key;
}
