using System;
using System.Diagnostics.CodeAnalysis;

namespace Kixie.SeatPolicy;

/// <summary>
/// A seat: the billable unit. It has a stable <see cref="Id"/>, owns its telephony
/// <see cref="Assets"/>, and is either occupied by one <see cref="Agent"/> or vacant. A vacant seat is
/// still billed and keeps its assets for the next person (<see cref="ReplaceAgent"/> fills it).
/// </summary>
/// <remarks>Immutable; the account makes a new seat value for every change.</remarks>
public sealed class Seat : IEquatable<Seat>
{
    internal Seat(SeatId id, long ordinal, SeatAssets assets, Agent? occupant, Role lastRole, string plan)
    {
        Plan = plan;
        Id = id;
        Ordinal = ordinal;
        Assets = assets;
        Occupant = occupant;
        LastRole = lastRole;
    }

    /// <summary>The seat's stable id.</summary>
    public SeatId Id { get; }

    /// <summary>The direct number, caller ID, ring groups and devices the seat owns.</summary>
    public SeatAssets Assets { get; }

    /// <summary>The person in the seat, or null when the seat is vacant.</summary>
    public Agent? Occupant { get; }

    /// <summary>The occupant's role, or for a vacant seat the role it last had (<see cref="Role.Agent"/> if never occupied).</summary>
    public Role LastRole { get; }

    /// <summary>The name of the plan the seat is on (rulebook §13); it stays with the seat when its occupant is replaced.</summary>
    public string Plan { get; }

    /// <summary>Whether a person occupies the seat.</summary>
    [MemberNotNullWhen(true, nameof(Occupant))]
    public bool IsOccupied => Occupant is not null;

    /// <summary>Whether the seat is vacant (deactivated, held for a replacement).</summary>
    [MemberNotNullWhen(false, nameof(Occupant))]
    public bool IsVacant => Occupant is null;

    /// <summary>Whether an Admin occupies the seat.</summary>
    public bool HoldsAdmin => Occupant is { Role: Role.Admin };

    /// <summary>The order the seat was created in: 1 for the first seat of the account.</summary>
    internal long Ordinal { get; }

    internal Seat Occupy(Agent agent) => new(Id, Ordinal, Assets, agent, agent.Role, Plan);

    internal Seat Vacate() => new(Id, Ordinal, Assets, null, LastRole, Plan);

    internal Seat OnPlan(string plan) => new(Id, Ordinal, Assets, Occupant, LastRole, plan);

    /// <inheritdoc />
    public bool Equals(Seat? other) =>
        other is not null
        && Id == other.Id
        && Ordinal == other.Ordinal
        && Assets.Equals(other.Assets)
        && Equals(Occupant, other.Occupant)
        && LastRole == other.LastRole
        && Plan == other.Plan;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Seat);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Ordinal, Occupant, LastRole);

    /// <summary>The seat as <c>s1 (Ada Park, Admin)</c> or <c>s2 (vacant)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        Occupant is null ? $"{Id} (vacant)" : $"{Id} ({Occupant.Name}, {Occupant.Role})";
}
