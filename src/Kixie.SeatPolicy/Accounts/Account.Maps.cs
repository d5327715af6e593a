global using CommandIndex = Kixie.SeatPolicy.PersistentMap<Kixie.SeatPolicy.CommandId, Kixie.SeatPolicy.SeatEvent, Kixie.SeatPolicy.Account.CommandKey>;
global using EmailIndex = Kixie.SeatPolicy.PersistentMap<string, Kixie.SeatPolicy.Seat, Kixie.SeatPolicy.Account.OccupantEmailKey>;
global using SeatMap = Kixie.SeatPolicy.PersistentMap<Kixie.SeatPolicy.SeatId, Kixie.SeatPolicy.Seat, Kixie.SeatPolicy.Account.SeatKey>;

namespace Kixie.SeatPolicy;

// How the account's persistent maps read the key of what they store: each value carries its key, so
// a map entry costs no object of its own.
public sealed partial class Account
{
    /// <summary>Seats are stored under their id.</summary>
    internal readonly struct SeatKey : IKeyOf<SeatId, Seat>
    {
        /// <inheritdoc />
        public static SeatId KeyOf(Seat value) => value.Id;
    }

    /// <summary>Accepted events are stored under their command's id.</summary>
    internal readonly struct CommandKey : IKeyOf<CommandId, SeatEvent>
    {
        /// <inheritdoc />
        public static CommandId KeyOf(SeatEvent value) => value.Command.Id;
    }

    /// <summary>
    /// The email index stores an occupied seat under its occupant's email: the seat as it was when the
    /// email was indexed (a later edit that keeps the address, or a replacement by someone with the same
    /// address, keeps that entry). Only the seat's id is read back: the current seat is looked up by it.
    /// </summary>
    internal readonly struct OccupantEmailKey : IKeyOf<string, Seat>
    {
        /// <inheritdoc />
        public static string KeyOf(Seat value) => value.Occupant?.Email!;
    }
}
