using System;
using System.Collections.Immutable;
using Ardalis.GuardClauses;
using NodaTime;

namespace Kixie.SeatPolicy;

/// <summary>
/// The turnover rulebook as a pure function: an <see cref="Account"/> and a <see cref="SeatCommand"/>
/// in, a <see cref="Decision"/> (the outcome and its events) out. No clock, no I/O, no state: the
/// same input always gives the same decision, and no command makes it throw.
/// </summary>
/// <remarks>
/// <para>Guards run in the rulebook's order, first match wins: a replayed command id; an actor who
/// is not a current Admin, Manager or support; an invalid command; a version conflict; an unknown
/// seat; a Manager acting on an Admin's seat or granting Admin; a vacant seat; an email in use; an
/// edit that is a replacement; the last Admin; the contract lock-in; deletion through support; nothing
/// scheduled to cancel. Every command is decided on the account as of its local date (<see cref="Account.AsOf"/>):
/// a scheduled deletion whose last day has passed is in effect.</para>
/// <para>Thread-safe: one instance can serve every account.</para>
/// </remarks>
public sealed partial class TurnoverPolicy
{
    private static readonly ImmutableArray<TurnoverAlternative> ReplaceOrDeactivate =
        [TurnoverAlternative.Replace, TurnoverAlternative.Deactivate];

    /// <summary>A policy with the given options.</summary>
    /// <param name="options">The provider's choices; <see cref="PolicyOptions.Default"/> when null.</param>
    public TurnoverPolicy(PolicyOptions? options = null)
    {
        Options = options ?? PolicyOptions.Default;
    }

    /// <summary>A policy with the rulebook's defaults.</summary>
    public static TurnoverPolicy Default { get; } = new();

    /// <summary>The provider's choices this policy applies.</summary>
    public PolicyOptions Options { get; }

    /// <summary>
    /// Decides what <paramref name="command"/> does to <paramref name="account"/>. Business refusals
    /// are outcomes, never exceptions; apply the decision's events to get the new account.
    /// </summary>
    /// <param name="account">The account as it is now.</param>
    /// <param name="command">The command, as given (it is checked here).</param>
    /// <returns>The outcome and its events.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="account"/> or <paramref name="command"/> is null.</exception>
    public Decision Decide(Account account, SeatCommand command)
    {
        Guard.Against.Null(account);
        Guard.Against.Null(command);

        var earlier = account.FindAccepted(command.Id);
        if (earlier is not null && earlier.Command.Equals(command))
        {
            return new Decision(TurnoverOutcome.Of(earlier), isReplay: true);
        }

        // A scheduled change in effect on the command's day has taken effect (rulebook §12 and §13).
        // An instant past NodaTime's last local date is after every last day.
        if (account.Pending.AnyDueAt(command.At))
        {
            account = account.AsOf(account.TryLocalDateOf(command.At, out var day) ? day : LocalDate.MaxIsoValue);
        }

        if (Authenticate(account, command.Actor) is { } stranger)
        {
            return Reject(stranger);
        }

        var invalid = earlier is not null
            ? new InvalidCommand("id", $"command id '{command.Id}' was already used for a different command")
            : Validate(account, command);
        if (invalid is not null)
        {
            return Reject(invalid);
        }

        if (command.ExpectedVersion is { } expected && expected != account.Version)
        {
            return Reject(new VersionConflict(expected, account.Version));
        }

        var actor = new ActingAs(account.FindSeatOf(command.Actor.Name)?.Occupant?.Role);
        return command switch
        {
            AddAgent add => DecideAdd(account, add, actor),
            ReplaceAgent replace => DecideReplace(account, replace, actor),
            DeactivateAgent deactivate => DecideDeactivate(account, deactivate, actor),
            UpdateAgent update => DecideUpdate(account, update, actor),
            DeleteAgent delete => DecideDelete(account, delete, actor),
            CancelScheduledChange cancel => DecideCancel(account, cancel, actor),
            ChangePlan change => DecideChangePlan(account, change, actor),
            _ => Reject(new InvalidCommand("type", $"unknown command type {command.GetType().Name}")),
        };
    }

    private static Decision Reject(TurnoverOutcome outcome) => new(outcome, isReplay: false);

    private static Decision Accept(TurnoverOutcome change) => new(change, isReplay: false);

    /// <summary>The first guard: only support and current Admins and Managers act. Strangers learn nothing more.</summary>
    private static Unauthorized? Authenticate(Account account, Actor actor)
    {
        if (actor.IsSupport)
        {
            return null;
        }

        var seat = account.FindSeatOf(actor.Name);
        if (seat?.Occupant is null)
        {
            return new Unauthorized(actor, $"'{actor}' is not a current occupant of this account or support");
        }

        return seat.Occupant.Role == Role.Agent
            ? new Unauthorized(actor, $"'{actor}' is an Agent; only Admins, Managers and support manage agents")
            : null;
    }

    /// <summary>Who is acting, once authenticated: support (no role) or an occupant's role.</summary>
    private readonly record struct ActingAs(Role? OccupantRole)
    {
        public bool IsManager => OccupantRole == Role.Manager;
    }
}
