using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Hosting;
using Orleans.Serialization;

namespace Kixie.SeatPolicy.Orleans;

/// <summary>Adds the seat policy's account grains to a silo, and its values' serialization to a silo or a client.</summary>
public static class SeatPolicyHosting
{
    /// <summary>
    /// Hosts <see cref="IAccountGrain"/> in this silo with <paramref name="store"/> as the accounts' event
    /// store, and teaches the silo's serializer the engine's values. Every silo of a cluster must use
    /// the same store (the same database), or accounts fork.
    /// </summary>
    /// <remarks>
    /// A scheduled deletion's effect is recorded in the store (<see cref="IAccountEventStore.RecordEffectAsync"/>)
    /// by the account's Orleans reminder or by its next command, whichever comes first; give the silo a
    /// reminder service (<c>UseInMemoryReminderService()</c> in one process, a database-backed one in a
    /// cluster). Without one, the grain logs a warning and the next command records it. The clock is the
    /// <see cref="TimeProvider"/> of the silo's services (<see cref="TimeProvider.System"/> unless the host adds one).
    /// </remarks>
    /// <param name="builder">The silo.</param>
    /// <param name="store">The event store: a <see cref="PostgresAccountEventStore"/> in production, an <see cref="InMemoryAccountEventStore"/> shared by the silos of one process in tests.</param>
    /// <param name="policy">The policy that decides commands; <see cref="TurnoverPolicy.Default"/> when null. Every silo must use the same.</param>
    /// <returns><paramref name="builder"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="store"/> is null.</exception>
    public static ISiloBuilder AddSeatPolicy(this ISiloBuilder builder, IAccountEventStore store, TurnoverPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(store);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(policy ?? TurnoverPolicy.Default);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSerializer(EngineValues.Add);
        return builder;
    }

    /// <summary>Teaches a cluster client's serializer the engine's values, so it can call <see cref="IAccountGrain"/>.</summary>
    /// <param name="builder">The client.</param>
    /// <returns><paramref name="builder"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IClientBuilder AddSeatPolicy(this IClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSerializer(EngineValues.Add);
        return builder;
    }
}
