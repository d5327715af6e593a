namespace Kixie.SeatPolicy;

/// <summary>
/// A seat an account starts with when it is opened (<see cref="Account.Open"/>): occupied by a person
/// or vacant, with its assets. Checked when the account is opened.
/// </summary>
public sealed record InitialSeat
{
    private InitialSeat(SeatId seat, string? name, string? email, Role role, SeatAssets? assets, bool vacant, string? plan)
    {
        Plan = plan;
        Seat = seat;
        Name = name;
        Email = email;
        Role = role;
        Assets = assets ?? SeatAssets.None;
        IsVacant = vacant;
    }

    /// <summary>The seat's id.</summary>
    public SeatId Seat { get; }

    /// <summary>The occupant's name; null for a vacant seat.</summary>
    public string? Name { get; }

    /// <summary>The occupant's email; null for a vacant seat.</summary>
    public string? Email { get; }

    /// <summary>The occupant's role, or the role a vacant seat last had.</summary>
    public Role Role { get; }

    /// <summary>The seat's telephony assets.</summary>
    public SeatAssets Assets { get; }

    /// <summary>Whether the seat starts vacant.</summary>
    public bool IsVacant { get; }

    /// <summary>The name of the plan the seat starts on (rulebook §13); null for the account's default plan.</summary>
    public string? Plan { get; }

    /// <summary>A seat occupied by a person.</summary>
    /// <param name="seat">The seat's id.</param>
    /// <param name="name">The person's name; not blank.</param>
    /// <param name="email">The person's email; valid and unique in the account.</param>
    /// <param name="role">The person's role.</param>
    /// <param name="assets">The seat's assets; none when null.</param>
    /// <param name="plan">The plan the seat starts on; the account's default plan when null.</param>
    /// <returns>The initial seat.</returns>
    public static InitialSeat Occupied(SeatId seat, string name, string email, Role role, SeatAssets? assets = null, string? plan = null) =>
        new(seat, name, email, role, assets, vacant: false, plan);

    /// <summary>A vacant seat, held for a later replacement.</summary>
    /// <param name="seat">The seat's id.</param>
    /// <param name="lastRole">The role the seat last had; a replacement gets it unless told otherwise.</param>
    /// <param name="assets">The seat's assets; none when null.</param>
    /// <param name="plan">The plan the seat starts on; the account's default plan when null.</param>
    /// <returns>The initial seat.</returns>
    public static InitialSeat Vacant(SeatId seat, Role lastRole = Role.Agent, SeatAssets? assets = null, string? plan = null) =>
        new(seat, null, null, lastRole, assets, vacant: true, plan);
}
