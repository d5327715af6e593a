using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Kixie.SeatPolicy.Json;
using Xunit;

namespace Kixie.SeatPolicy.Tests;

/// <summary>
/// The house rules of the public surface, checked over every exported type of the core and the Json
/// package (as NodaTime's ConsistencyTest and MutabilityTest do): a new type that breaks one fails here.
/// </summary>
public sealed class HouseRulesTests
{
    private static readonly Assembly[] Packages = [typeof(Account).Assembly, typeof(SeatPolicyJson).Assembly];

    /// <summary>
    /// The record classes that are values but neither a command nor an outcome case: each is a fact a
    /// caller reads (a charge, a timeline, a former occupant) or the policy's options.
    /// </summary>
    private static readonly HashSet<string> ValueRecords =
    [
        nameof(ChargeIncurred),
        nameof(FormerOccupant),
        nameof(SeatTimeline),
        nameof(PolicyOptions),
        nameof(SeatAssets),
        nameof(CommandResult),
        nameof(Agent),
        nameof(InitialSeat),
        nameof(NextBill),
        nameof(PendingChange),
        nameof(PlanPrice),
    ];

    public static TheoryData<Type> PublicTypes => [.. Packages.SelectMany(assembly => assembly.GetExportedTypes()).OrderBy(type => type.FullName, StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(PublicTypes))]
    public void PublicType_IsSealedStaticOrAbstract(Type type)
    {
        var closed = type.IsSealed || type.IsAbstract || type.IsInterface || type.IsEnum || type.IsValueType;

        Assert.True(closed, $"{type.FullName} is public and can be derived from: make it sealed, static or abstract");
    }

    [Theory]
    [MemberData(nameof(PublicTypes))]
    public void PublicType_HasNoPublicSetter_OnlyInitOnlyOnes(Type type)
    {
        var setters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(property => property.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter))
            .Select(property => property.Name)
            .ToList();

        Assert.True(setters.Count == 0, $"{type.FullName} has public setters: {string.Join(", ", setters)}");
    }

    [Theory]
    [MemberData(nameof(PublicTypes))]
    public void RecordClass_IsACommandAnOutcomeCaseOrANamedValue(Type type)
    {
        if (!IsRecordClass(type))
        {
            return;
        }

        var meant = typeof(SeatCommand).IsAssignableFrom(type)
            || typeof(OutcomeCase).IsAssignableFrom(type)
            || ValueRecords.Contains(type.Name);

        Assert.True(meant, $"{type.FullName} is a record class: records are for commands, outcome cases and values (validated types are not records, since with and default skip validation)");
    }

    [Fact]
    public void ValueRecords_AreAllStillRecords()
    {
        var records = Packages.SelectMany(assembly => assembly.GetExportedTypes()).Where(IsRecordClass).Select(type => type.Name).ToHashSet();

        Assert.Empty(ValueRecords.Except(records));
    }

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    private static bool IsRecordClass(Type type) =>
        type.IsClass && type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is not null;
}
