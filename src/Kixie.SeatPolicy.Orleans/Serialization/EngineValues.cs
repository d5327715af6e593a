using System;
using Kixie.SeatPolicy.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;

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

    /// <summary>Adds the codec and the copier to an Orleans serializer.</summary>
    public static void Add(ISerializerBuilder builder)
    {
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
