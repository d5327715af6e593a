namespace Kixie.SeatPolicy;

/// <summary>
/// What an agent may do in the dashboard. Admins and Managers manage agents (a Manager cannot
/// touch an Admin's seat or make anyone Admin); Agents manage nobody.
/// </summary>
/// <remarks>
/// The default value is <see cref="Agent"/>, the least privilege. A value outside the three named
/// members is an unknown role: a command carrying one is an <see cref="InvalidCommand"/>.
/// </remarks>
public enum Role
{
    /// <summary>A person who makes calls and manages nobody. The default.</summary>
    Agent = 0,

    /// <summary>Manages agents, except Admins' seats and the Admin role.</summary>
    Manager = 1,

    /// <summary>Manages everything in the account; at least one occupied Admin seat is always kept.</summary>
    Admin = 2,
}
