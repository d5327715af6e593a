using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using Kixie.SeatPolicy.Tests.Generators;
using NodaTime;

namespace Kixie.SeatPolicy.Json.Tests.Generators;

/// <summary>
/// One step of a random command sequence, abstract until it meets an account: each pick is a number
/// that <see cref="Resolve"/> turns into an actor, a seat, a name, an email, … among the account's own.
/// </summary>
/// <param name="Kind">The command type.</param>
/// <param name="Sloppy">Whether the picks below may give invalid input; a careful step sends a fresh id, a fresh valid
/// name and email, a real role and no or the right version, as support or an Admin, so that most commands are accepted.</param>
/// <param name="ActorPick">Who acts: support, an occupant of some role, or a stranger.</param>
/// <param name="SeatPick">Which seat: an existing one, an unknown or blank id, or (adds) none.</param>
/// <param name="NamePick">A fresh name (often non-ASCII), the occupant's own, none or blank.</param>
/// <param name="EmailPick">A fresh address, another occupant's, an invalid one, or none.</param>
/// <param name="RolePick">No role, one of the three, or (sloppy adds, replaces and updates) a role that is no role, sent as
/// the <see cref="MalformedCommand"/> lenient reading makes of it.</param>
/// <param name="VersionPick">No expected version, the right one, a stale one or a negative one.</param>
/// <param name="AssetsPick">No assets, well-formed ones, none at all, or a malformed phone number.</param>
/// <param name="IdPick">A fresh id, a blank or whitespace one, a reused one, or an earlier command sent again.</param>
/// <param name="AdvanceSeconds">How far time moves on before the step.</param>
public sealed record StepPlan(StepKind Kind, bool Sloppy, int ActorPick, int SeatPick, int NamePick, int EmailPick, int RolePick, int VersionPick, int AssetsPick, int IdPick, long AdvanceSeconds)
{
    /// <summary>Names that exercise escaping: accents, CJK, quotes, angle brackets, emoji, control characters.</summary>
    public static ImmutableArray<string> Names { get; } =
        ["Ada Park", "Zoë Ångström", "李小龍", "O'Brien \"Bo\"", "Jean-Luc <Picard> & Co", "Ελένη", "🙂 Smiley", "Back\\slash", "Tab\tand\nnewline"];

    /// <summary>The concrete command this step sends to <paramref name="account"/>.</summary>
    /// <param name="account">The account the command meets.</param>
    /// <param name="issued">Every command sent so far.</param>
    /// <param name="index">The step's position, which makes fresh ids, names and emails unique.</param>
    /// <param name="at">The command's instant.</param>
    /// <returns>The command.</returns>
    public SeatCommand Resolve(Account account, IReadOnlyList<SeatCommand> issued, int index, Instant at)
    {
        if (Sloppy && IdPick % 10 == 0 && issued.Count > 0)
        {
            return issued[SeatPick % issued.Count];
        }

        // Never default(CommandId): it is written as "id": null, which reading refuses (a command with no id
        // cannot be read, docs/json.md), so it could not round-trip. A whitespace id is readable and still
        // gets the policy's "the command has no id".
        var id = (IdPick % 10) switch
        {
            1 => new CommandId(" "),
            2 => new CommandId(string.Empty),
            3 when issued.Count > 0 => issued[^1].Id,
            _ => new CommandId(Invariant($"cmd-{index}")),
        };
        var seats = account.ListSeats();
        var occupied = seats.Where(seat => seat.IsOccupied).ToList();
        var actor = (ActorPick % 8) switch
        {
            0 or 1 => Actor.Support,
            2 or 3 or 4 => Occupant(occupied, Role.Admin),
            5 => Occupant(occupied, Role.Manager),
            6 => Occupant(occupied, Role.Agent),
            _ => new Actor("eve@elsewhere.test"),
        };
        var seat = (SeatPick % 10) switch
        {
            < 7 when seats.Length > 0 => seats[(SeatPick / 10) % seats.Length].Id,
            7 => new SeatId("nope"),
            8 => new SeatId(string.Empty),
            _ => default,
        };
        var occupant = account.FindSeat(seat)?.Occupant;
        var name = (NamePick % 6) switch
        {
            < 3 => Names[(index + NamePick) % Names.Length] + Invariant($" {index}"),
            3 => occupant?.Name ?? "Same Name",
            4 => null,
            _ => "  ",
        };
        var email = (EmailPick % 7) switch
        {
            < 4 => Invariant($"p{index}@acme.test"),
            4 when occupied.Count > 0 => occupied[(EmailPick / 7) % occupied.Count].Occupant!.Email.ToUpperInvariant(),
            5 => "not-an-email",
            _ => null,
        };
        // Never an undefined Role such as (Role)7: it is written as a number, which reading refuses (enums are
        // read by their exact names only), so it could not round-trip. A request with a role that is no role
        // reaches the policy as the MalformedCommand that lenient reading makes of it; see noRole below.
        var role = (RolePick % 6) switch
        {
            2 => Role.Agent,
            3 => Role.Manager,
            4 => Role.Admin,
            _ => (Role?)null,
        };
        var noRole = RolePick % 6 == 5 && (Kind is StepKind.Add or StepKind.Replace or StepKind.Update);
        long? expected = (VersionPick % 6) switch
        {
            3 => account.Version,
            4 => account.Version + 1,
            5 => -1,
            _ => null,
        };

        if (!Sloppy)
        {
            id = new CommandId(Invariant($"cmd-{index}"));
            actor = ActorPick % 2 == 0 ? Actor.Support : Occupant(occupied, Role.Admin);
            name = Names[(index + NamePick) % Names.Length] + Invariant($" {index}");
            email = Invariant($"p{index}@acme.test");
            role = (RolePick % 3) switch { 0 => Role.Admin, 1 => Role.Manager, _ => Role.Agent };
            seat = seats.Length > 0 ? seats[(SeatPick / 10) % seats.Length].Id : seat;
            expected = VersionPick % 2 == 0 ? null : account.Version;
        }

        // A cancel, or a second schedule, goes to a seat with a pending change half the time there is one.
        if (Kind is StepKind.Cancel or StepKind.ScheduleDelete && SeatPick % 2 == 0
            && seats.Where(candidate => account.PendingChangeOf(candidate.Id) is not null).ToList() is { Count: > 0 } pending)
        {
            seat = pending[(SeatPick / 2) % pending.Count].Id;
        }

        if (Sloppy && noRole)
        {
            return new MalformedCommand(
                id, at, actor, "role", Invariant($"unknown Role 'Boss {index}' (expected Agent, Manager, Admin)"), expected, Kind == StepKind.Add ? null : Named(seat));
        }

        return Kind switch
        {
            StepKind.Add => new AddAgent(id, at, actor, name, email, role, AddSeat(seats, index), AddAssets(index), expected),
            StepKind.Replace => new ReplaceAgent(id, at, actor, seat, name, email, role, expected),
            StepKind.Deactivate => new DeactivateAgent(id, at, actor, seat, expected),
            StepKind.Update => new UpdateAgent(id, at, actor, seat, NamePick % 2 == 0 ? name : null, EmailPick % 2 == 0 ? email : null, role, expected),
            StepKind.Delete => new DeleteAgent(id, at, actor, seat, expected),
            StepKind.ScheduleDelete => new DeleteAgent(id, at, actor, seat, expected, SeatPick % 3 == 0 ? DeletionEffective.TermEnd : DeletionEffective.NextBill),
            StepKind.Cancel => new CancelScheduledChange(id, at, actor, seat, expected),
            _ => new MalformedCommand(id, at, actor, "role", Invariant($"'Boss {index}' is not a role"), expected, SeatPick % 2 == 0 ? Named(seat) : null),
        };
    }

    /// <summary>A seat id for an add. Never a null id inside the nullable: JSON reads that back as "no seat" (see docs/json.md).</summary>
    private SeatId? AddSeat(ImmutableArray<Seat> seats, int index) => (SeatPick % 5) switch
    {
        < 3 => null,
        3 => new SeatId(Invariant($"x{index}")),
        _ when seats.Length > 0 => seats[(SeatPick / 5) % seats.Length].Id,
        _ => new SeatId(string.Empty),
    };

    /// <summary>
    /// A seat for a nullable member: a null id inside the nullable is written as <c>"seat": null</c>, which
    /// reads back as no seat at all (see docs/json.md), so it is given as none.
    /// </summary>
    private static SeatId? Named(SeatId seat) => seat == default ? null : seat;

    private SeatAssets? AddAssets(int index) => (AssetsPick % 5) switch
    {
        2 => new SeatAssets
        {
            DirectNumber = Invariant($"+1415555{index % 10_000:0000}"),
            CallerId = AssetsPick % 2 == 0 ? Invariant($"+1415555{index % 10_000:0000}") : null,
            RingGroups = ["sales", Invariant($"group-{index}")],
            Devices = [Invariant($"desk-{index}")],
        },
        3 => SeatAssets.None,
        4 => new SeatAssets { DirectNumber = "123" },
        _ => null,
    };

    private Actor Occupant(List<Seat> occupied, Role role)
    {
        var candidates = occupied.Where(seat => seat.Occupant!.Role == role).ToList();
        return candidates.Count == 0
            ? new Actor("nobody@acme.test")
            : new Actor(candidates[(ActorPick / 8) % candidates.Count].Occupant!.Email);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// An account with a history: opened from a plan, then every step decided by a policy and its
/// events applied. Keeps every command sent and every decision, accepted or not.
/// </summary>
public sealed class AccountRun
{
    private AccountRun(AccountSpec plan, bool selfServe, Account opened, Account final, ImmutableArray<SeatCommand> commands, ImmutableArray<Decision> decisions)
    {
        Plan = plan;
        SelfServe = selfServe;
        Opened = opened;
        Final = final;
        Commands = commands;
        Decisions = decisions;
    }

    /// <summary>The account's plan.</summary>
    public AccountSpec Plan { get; }

    /// <summary>Whether the policy let Admins and Managers delete seats themselves.</summary>
    public bool SelfServe { get; }

    /// <summary>The account at version 0.</summary>
    public Account Opened { get; }

    /// <summary>The account after every step.</summary>
    public Account Final { get; }

    /// <summary>Every command sent, in order.</summary>
    public ImmutableArray<SeatCommand> Commands { get; }

    /// <summary>The decision on each command, in order.</summary>
    public ImmutableArray<Decision> Decisions { get; }

    /// <summary>Opens the account and plays every step.</summary>
    /// <param name="plan">The account.</param>
    /// <param name="selfServe">Whether deletion is self-serve.</param>
    /// <param name="start">When the first step happens.</param>
    /// <param name="steps">The steps.</param>
    /// <returns>The run.</returns>
    public static AccountRun Play(AccountSpec plan, bool selfServe, Instant start, ImmutableArray<StepPlan> steps)
    {
        var policy = selfServe ? new TurnoverPolicy(new PolicyOptions { SelfServeDeletion = true }) : TurnoverPolicy.Default;
        var opened = plan.Open();
        var account = opened;
        var commands = new List<SeatCommand>();
        var decisions = ImmutableArray.CreateBuilder<Decision>();
        var at = start;
        for (var index = 0; index < steps.Length; index++)
        {
            at += Duration.FromSeconds(steps[index].AdvanceSeconds);
            var command = steps[index].Resolve(account, commands, index, at);
            var decision = policy.Decide(account, command);
            account = decision.ApplyTo(account);
            commands.Add(command);
            decisions.Add(decision);
        }

        return new AccountRun(plan, selfServe, opened, account, [.. commands], decisions.ToImmutable());
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Plan).Append(SelfServe ? ", self-serve deletion" : string.Empty);
        for (var index = 0; index < Commands.Length; index++)
        {
            text.AppendLine().Append("  ").Append(Commands[index]).Append(" -> ").Append(Decisions[index]);
        }

        return text.ToString();
    }
}
