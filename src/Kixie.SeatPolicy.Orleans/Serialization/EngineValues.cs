using System;
using System.Collections.Generic;
using Kixie.SeatPolicy.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;
using Orleans.Serialization.Configuration;

namespace Kixie.SeatPolicy.Orleans;

/// <summary>
/// How the engine's values cross grain boundaries without the core knowing Orleans: on the wire they
/// are the one JSON dialect of <see cref="SeatPolicyJson.Options"/> (Orleans' System.Text.Json codec),
/// and within a silo they are shared, not copied, because every one of them is immutable.
/// </summary>
internal static class EngineValues
{
    /// <summary>Whether <paramref name="type"/> is one of the engine's values (or a NodaTime value it is made of) that this codec carries.</summary>
    public static bool Carries(Type type) =>
        (type.Assembly == typeof(Account).Assembly && !typeof(Exception).IsAssignableFrom(type))
        || type == typeof(LocalDate)
        || type == typeof(Instant);

    /// <summary>
    /// The wire names of the engine's types that cross a grain boundary as themselves (a grain method's
    /// argument or result, or an element of one), so that Orleans names them by these words and never by
    /// their CLR names: a renamed C# type keeps its name here, and silos of two versions still talk.
    /// The values inside them travel as JSON, named by the dialect's own discriminators.
    /// </summary>
    public static IReadOnlyDictionary<string, Type> Aliases { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["kixie.seat-policy.Account"] = typeof(Account),
        ["kixie.seat-policy.AddAgent"] = typeof(AddAgent),
        ["kixie.seat-policy.ReplaceAgent"] = typeof(ReplaceAgent),
        ["kixie.seat-policy.DeactivateAgent"] = typeof(DeactivateAgent),
        ["kixie.seat-policy.UpdateAgent"] = typeof(UpdateAgent),
        ["kixie.seat-policy.DeleteAgent"] = typeof(DeleteAgent),
        ["kixie.seat-policy.MalformedCommand"] = typeof(MalformedCommand),
        ["kixie.seat-policy.CancelScheduledChange"] = typeof(CancelScheduledChange),
        ["kixie.seat-policy.ChangePlan"] = typeof(ChangePlan),
        ["kixie.seat-policy.SeatAdded"] = typeof(Added),
        ["kixie.seat-policy.AgentReplaced"] = typeof(Replaced),
        ["kixie.seat-policy.AgentDeactivated"] = typeof(Deactivated),
        ["kixie.seat-policy.AgentUpdated"] = typeof(Updated),
        ["kixie.seat-policy.SeatDeleted"] = typeof(Deleted),
        ["kixie.seat-policy.DeletionScheduled"] = typeof(DeletionScheduled),
        ["kixie.seat-policy.ScheduleCancelled"] = typeof(ScheduleCancelled),
        ["kixie.seat-policy.PlanUpgraded"] = typeof(PlanUpgraded),
        ["kixie.seat-policy.PlanChanged"] = typeof(PlanChanged),
        ["kixie.seat-policy.DowngradeScheduled"] = typeof(DowngradeScheduled),
        ["kixie.seat-policy.TurnoverOutcome"] = typeof(TurnoverOutcome),
        ["kixie.seat-policy.Invoice"] = typeof(Invoice),
        ["kixie.seat-policy.NextBill"] = typeof(NextBill),
    };

    /// <summary>Adds the codec, the copier and the engine types' wire names to an Orleans serializer.</summary>
    public static void Add(ISerializerBuilder builder)
    {
        builder.Services.Configure<TypeManifestOptions>(static options =>
        {
            foreach (var (alias, type) in Aliases)
            {
                options.WellKnownTypeAliases[alias] = type;
            }
        });
        builder.AddJsonSerializer(
            isSerializable: Carries,
            isCopyable: static _ => false,
            configureOptions: static options => options.Configure(static codec => codec.SerializerOptions = SeatPolicyJson.Options));
        builder.Services.AddSingleton<IGeneralizedCopier, SharingCopier>();
    }

    /// <summary>The copier of immutable values: a copy is the value itself.</summary>
    private sealed class SharingCopier : IGeneralizedCopier
    {
        public object? DeepCopy(object? input, CopyContext context) => input;

        public bool IsSupportedType(Type type) => Carries(type);
    }
}
