using System;

namespace Kixie.SeatPolicy;

/// <summary>
/// One person occupying a seat: a fresh <see cref="AgentId"/>, a name, an email (unique among
/// current occupants, case-insensitively) and a <see cref="Role"/>.
/// </summary>
/// <param name="Id">This person's id; a replacement gets a new one.</param>
/// <param name="Name">The person's name as entered.</param>
/// <param name="Email">The person's email as entered; it is also how they act as an <see cref="Actor"/>.</param>
/// <param name="Role">What the person may do.</param>
/// <remarks>Agents are created by the account when a command is accepted; immutable.</remarks>
public sealed record Agent(AgentId Id, string Name, string Email, Role Role)
{
    internal Agent With(string? name, string? email, Role? role) =>
        new(Id, name ?? Name, email ?? Email, role ?? Role);

    internal bool HasEmail(string email) => string.Equals(Email, email, StringComparison.OrdinalIgnoreCase);
}
