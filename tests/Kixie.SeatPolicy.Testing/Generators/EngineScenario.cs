using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace Kixie.SeatPolicy.Tests.Generators;

/// <summary>A random account to open: zone, currency, price, calendar, proration, optional contract and 1–6 seats.</summary>
/// <param name="Zone">An IANA zone id.</param>
/// <param name="CurrencyCode">USD, JPY or KWD.</param>
/// <param name="PriceMinorUnits">The seat price in minor units, zero or more.</param>
/// <param name="Cycle">The billing cycle.</param>
/// <param name="Anchor">The billing anchor.</param>
/// <param name="Proration">How adds are prorated.</param>
/// <param name="Contract">The contract, or null.</param>
/// <param name="Seats">The initial seats.</param>
/// <param name="AddCharges">When add charges are invoiced.</param>
/// <param name="PriceChangeDays">
/// For an account on plans (rulebook §13): days after the anchor on which the dearest plan's price changes
/// (to its price × 1.5, then × 2); null for an account with one seat price (the plan <c>Standard</c>).
/// </param>
public sealed record AccountSpec(
    string Zone,
    string CurrencyCode,
    long PriceMinorUnits,
    BillingCycle Cycle,
    LocalDate Anchor,
    ProrationConvention Proration,
    ContractSpec? Contract,
    ImmutableArray<SeatSpec> Seats,
    AddChargeBilling AddCharges = AddChargeBilling.Immediately,
    ImmutableArray<int>? PriceChangeDays = null)
{
    /// <summary>The plans of an account on plans: Basic (the default, the seat price), Pro (dearer, with the price changes), Twin (Basic's price) and Lite (cheaper).</summary>
    public static ImmutableArray<string> PlanNames { get; } = ["Basic", "Pro", "Twin", "Lite"];

    /// <summary>Whether the account is on plans (rulebook §13).</summary>
    public bool OnPlans => PriceChangeDays is not null;

    /// <summary>The plans of an account on plans.</summary>
    /// <returns>The plans, <see cref="PlanNames"/> in order.</returns>
    public ImmutableArray<Plan> Plans()
    {
        var pro = (PriceMinorUnits * 3) + 100;
        var later = (PriceChangeDays ?? []).Select((days, i) => (Day: TimeEdgeGenerators.PlusDays(Anchor, days), Price: pro * (i + 3) / 2))
            .DistinctBy(change => change.Day)
            .OrderBy(change => change.Day)
            .Select(change => new PlanPrice(change.Day, Money.FromMinorUnits(change.Price, Currency)));
        return
        [
            new Plan("Basic", Price),
            new Plan("Pro", Money.FromMinorUnits(pro, Currency), later),
            new Plan("Twin", Price),
            new Plan("Lite", Money.FromMinorUnits(PriceMinorUnits / 2, Currency)),
        ];
    }

    /// <summary>The account's currency.</summary>
    public Currency Currency => Currency.FromCode(CurrencyCode);

    /// <summary>The seat price.</summary>
    public Money Price => Money.FromMinorUnits(PriceMinorUnits, Currency);

    /// <summary>The time zone.</summary>
    public DateTimeZone TimeZone => DateTimeZoneProviders.Tzdb[Zone];

    /// <summary>Opens the account at version 0.</summary>
    /// <returns>The account.</returns>
    public Account Open() => OnPlans
        ? Account.OpenOnPlans(
            "acct",
            TimeZone,
            Plans(),
            "Basic",
            new BillingCalendar(Cycle, Anchor),
            Seats.Select((seat, i) => seat.ToInitialSeat(PlanNames[i % PlanNames.Length])),
            Contract?.ToContractTerm(),
            Proration,
            AddCharges)
        : Account.Open(
            "acct",
            TimeZone,
            Price,
            new BillingCalendar(Cycle, Anchor),
            Seats.Select(seat => seat.ToInitialSeat()),
            Contract?.ToContractTerm(),
            Proration,
            AddCharges);

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Zone} {Price} {CurrencyCode} {Cycle} from {Iso(Anchor)}, ");
        text.Append(CultureInfo.InvariantCulture, $"{Proration.Granularity}/{Proration.DayCount}/{Proration.Rounding}, ");
        text.Append(Contract is null ? "no contract" : Contract.ToString());
        text.Append(CultureInfo.InvariantCulture, $", add charges {AddCharges}");
        if (PriceChangeDays is { } days)
        {
            text.Append(CultureInfo.InvariantCulture, $", on plans (Pro's price changes {string.Join(", ", days)} days after the anchor)");
        }
        foreach (var seat in Seats)
        {
            text.Append("; ").Append(seat);
        }

        return text.ToString();
    }

    internal static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);
}

/// <summary>A random contract: start, whole months (for renewal), an optional ragged end, lock-in days and renewal.</summary>
/// <param name="Start">The first day.</param>
/// <param name="End">The last day (inclusive).</param>
/// <param name="LockInDays">The window length.</param>
/// <param name="AutoRenew">Whether it renews (then the term is a whole number of months).</param>
/// <param name="Months">The whole months of the term when it renews; 0 otherwise.</param>
public sealed record ContractSpec(LocalDate Start, LocalDate End, int LockInDays, bool AutoRenew, int Months)
{
    /// <summary>The engine's contract.</summary>
    /// <returns>The term.</returns>
    public ContractTerm ToContractTerm() => new(Start, End, LockInDays, AutoRenew);

    /// <inheritdoc />
    public override string ToString() =>
        FormattableString.Invariant($"contract {AccountSpec.Iso(Start)}..{AccountSpec.Iso(End)} lock-in {LockInDays}{(AutoRenew ? $" renews every {Months} months" : string.Empty)}");
}

/// <summary>An initial seat: occupied by a person, or vacant with the role it last had.</summary>
/// <param name="Id">The seat id.</param>
/// <param name="Vacant">Whether it starts vacant.</param>
/// <param name="Name">The occupant's name (ignored when vacant).</param>
/// <param name="Email">The occupant's email (ignored when vacant).</param>
/// <param name="Role">The occupant's role, or the vacant seat's last role.</param>
/// <param name="Assets">The seat's assets.</param>
public sealed record SeatSpec(string Id, bool Vacant, string Name, string Email, Role Role, SeatAssets Assets)
{
    /// <summary>The engine's initial seat.</summary>
    /// <returns>The seat.</returns>
    /// <param name="plan">The plan it starts on; the default plan when null.</param>
    public InitialSeat ToInitialSeat(string? plan = null) =>
        Vacant
            ? InitialSeat.Vacant(new SeatId(Id), Role, Assets, plan)
            : InitialSeat.Occupied(new SeatId(Id), Name, Email, Role, Assets, plan);

    /// <inheritdoc />
    public override string ToString() => Vacant ? $"{Id} vacant (last {Role})" : $"{Id} {Email} {Role}";
}

/// <summary>Which command a step issues.</summary>
public enum StepKind
{
    /// <summary><see cref="AddAgent"/>.</summary>
    Add,

    /// <summary><see cref="ReplaceAgent"/>.</summary>
    Replace,

    /// <summary><see cref="DeactivateAgent"/>.</summary>
    Deactivate,

    /// <summary><see cref="UpdateAgent"/>.</summary>
    Update,

    /// <summary><see cref="DeleteAgent"/>.</summary>
    Delete,

    /// <summary><see cref="MalformedCommand"/>.</summary>
    Malformed,

    /// <summary>A <see cref="DeleteAgent"/> that takes effect later (<see cref="DeletionEffective.NextBill"/> or <see cref="DeletionEffective.TermEnd"/>).</summary>
    ScheduleDelete,

    /// <summary><see cref="CancelScheduledChange"/>.</summary>
    Cancel,

    /// <summary><see cref="ChangePlan"/> (rulebook §13): to one of the account's plans, now and then an unknown one.</summary>
    ChangePlan,
}

/// <summary>Who issues a step's command, resolved against the account at that moment.</summary>
public enum ActorPick
{
    /// <summary>A current Admin (else a Manager, else a stranger).</summary>
    Admin,

    /// <summary>A current Manager (else an Admin, else a stranger).</summary>
    Manager,

    /// <summary>A current Agent (a stranger when there is none).</summary>
    Agent,

    /// <summary>A current occupant of any role, email in upper case.</summary>
    OccupantShouting,

    /// <summary>Someone who left a seat (a stranger when nobody has).</summary>
    Former,

    /// <summary>Someone never in the account.</summary>
    Stranger,

    /// <summary><c>support</c>.</summary>
    Support,

    /// <summary><c>Support</c>, capitalised.</summary>
    SupportCapitalised,
}

/// <summary>Which seat a step names, resolved against the account at that moment.</summary>
public enum SeatPick
{
    /// <summary>No seat id (adds only: <c>seat-N</c>).</summary>
    None,

    /// <summary>An occupied seat.</summary>
    Occupied,

    /// <summary>A vacant seat.</summary>
    Vacant,

    /// <summary>A seat an Admin occupies.</summary>
    Admin,

    /// <summary>Any existing seat.</summary>
    Any,

    /// <summary>A deleted seat's id.</summary>
    Deleted,

    /// <summary>An id no seat ever had.</summary>
    Unknown,

    /// <summary>A blank id.</summary>
    Blank,

    /// <summary><c>seat-N</c> with N = seats ever created + 1 (the id an add without a seat would get).</summary>
    NextSeatN,

    /// <summary><c>seat-N</c> with N = seats ever created + 2.</summary>
    SeatNAfterNext,
}

/// <summary>The name a step gives.</summary>
public enum NamePick
{
    /// <summary>A new name.</summary>
    Fresh,

    /// <summary>The named seat's occupant's current name.</summary>
    Same,

    /// <summary>No name.</summary>
    Null,

    /// <summary>A blank name.</summary>
    Blank,
}

/// <summary>The email a step gives.</summary>
public enum EmailPick
{
    /// <summary>A new address.</summary>
    Fresh,

    /// <summary>The named seat's occupant's own address.</summary>
    Own,

    /// <summary>Another current occupant's address.</summary>
    OtherOccupant,

    /// <summary>The address of someone who left a seat.</summary>
    Former,

    /// <summary>A malformed address.</summary>
    Invalid,

    /// <summary>No address.</summary>
    Null,
}

/// <summary>The role a step gives.</summary>
public enum RolePick
{
    /// <summary>No role.</summary>
    Null,

    /// <summary><see cref="Role.Agent"/>.</summary>
    Agent,

    /// <summary><see cref="Role.Manager"/>.</summary>
    Manager,

    /// <summary><see cref="Role.Admin"/>.</summary>
    Admin,

    /// <summary>A value outside the enum.</summary>
    Unknown,
}

/// <summary>The expected version a step gives.</summary>
public enum VersionPick
{
    /// <summary>None: no check.</summary>
    Null,

    /// <summary>The account's version.</summary>
    Right,

    /// <summary>One off the account's version.</summary>
    Stale,

    /// <summary>A negative number.</summary>
    Negative,
}

/// <summary>The assets an add gives.</summary>
public enum AssetsPick
{
    /// <summary>None.</summary>
    Null,

    /// <summary>Well-formed assets.</summary>
    Valid,

    /// <summary>A phone number that is not E.164.</summary>
    InvalidPhone,

    /// <summary>A blank device name.</summary>
    BlankDevice,
}

/// <summary>The command id a step uses.</summary>
public enum IdPick
{
    /// <summary>A new id.</summary>
    Fresh,

    /// <summary>Send an earlier accepted command again, unchanged (a replay).</summary>
    ResendAccepted,

    /// <summary>Send any earlier command again, unchanged.</summary>
    ResendAny,

    /// <summary>New content under an earlier command's id.</summary>
    ReuseId,

    /// <summary>A blank id.</summary>
    Blank,
}

/// <summary>
/// One step of a random command sequence, abstract until resolved against the account it meets:
/// "a Manager deactivates an occupied seat" becomes a concrete <see cref="SeatCommand"/> by <see cref="Resolve"/>.
/// </summary>
/// <param name="Kind">The command type.</param>
/// <param name="Actor">Who acts.</param>
/// <param name="Seat">Which seat.</param>
/// <param name="Name">Which name.</param>
/// <param name="Email">Which email.</param>
/// <param name="Shout">Whether the email is written in upper case.</param>
/// <param name="Role">Which role.</param>
/// <param name="Version">Which expected version.</param>
/// <param name="Assets">Which assets (adds).</param>
/// <param name="Id">Which command id.</param>
/// <param name="Pick">A number choosing among several candidates.</param>
/// <param name="AdvanceSeconds">How far time moves on before this step.</param>
public sealed record EngineStep(
    StepKind Kind,
    ActorPick Actor,
    SeatPick Seat,
    NamePick Name,
    EmailPick Email,
    bool Shout,
    RolePick Role,
    VersionPick Version,
    AssetsPick Assets,
    IdPick Id,
    int Pick,
    long AdvanceSeconds)
{
    /// <summary>Emails that are not addresses, as a front end might pass them on.</summary>
    public static ImmutableArray<string> InvalidEmails { get; } =
        ["", "plainaddress", "a@b", "two@@at.test", "space in@acme.test", "dot.@acme.test", "@acme.test", "x@-acme.test", "x@acme..test"];

    /// <summary>Phone numbers that are not E.164.</summary>
    public static ImmutableArray<string> InvalidPhones { get; } = ["0800123456", "+0123456789", "+1415", "+1415555010012345", "+1-415-555"];

    /// <summary>
    /// The concrete command this step issues to <paramref name="account"/>: actors, seats and emails
    /// are picked among the account's current ones; ids among <paramref name="issued"/>.
    /// </summary>
    /// <param name="account">The account the command will meet.</param>
    /// <param name="issued">Every command issued so far, oldest first.</param>
    /// <param name="index">The step's position, which makes fresh ids, names and emails unique.</param>
    /// <param name="at">The command's instant.</param>
    /// <returns>The command.</returns>
    public SeatCommand Resolve(Account account, IReadOnlyList<SeatCommand> issued, int index, Instant at)
    {
        if (Id is IdPick.ResendAccepted or IdPick.ResendAny)
        {
            var candidates = Id == IdPick.ResendAccepted
                ? account.History.Select(change => change.Command).ToList()
                : issued;
            if (candidates.Count > 0)
            {
                return candidates[Pick % candidates.Count];
            }
        }

        var id = Id switch
        {
            IdPick.ReuseId when issued.Count > 0 => issued[Pick % issued.Count].Id,
            IdPick.Blank => Pick % 2 == 0 ? default : new CommandId(" "),
            _ => new CommandId(FormattableString.Invariant($"cmd-{index}")),
        };
        var seats = account.ListSeats();
        var actor = ResolveActor(account, seats);
        var seat = ResolveSeat(account, seats);
        // A cancel, or a second schedule, goes to a seat with a pending change half the time there is one
        // (a second schedule then by support, who may schedule, so that replacements happen).
        if (Kind is StepKind.Cancel or StepKind.ScheduleDelete && Pick % 2 == 0
            && seats.Where(candidate => account.PendingChangeOf(candidate.Id) is not null).ToList() is { Count: > 0 } pending)
        {
            seat = pending[(Pick / 2) % pending.Count].Id;
            actor = Kind == StepKind.ScheduleDelete ? SeatPolicy.Actor.Support : actor;
        }

        var occupant = account.FindSeat(seat)?.Occupant;
        var name = Name switch
        {
            NamePick.Fresh => FormattableString.Invariant($"Person {index}"),
            NamePick.Same => occupant?.Name ?? FormattableString.Invariant($"Person {index}"),
            NamePick.Blank => Pick % 2 == 0 ? string.Empty : "  ",
            _ => null,
        };
        var email = ResolveEmail(account, seats, occupant, index);
        if (Shout && email is not null)
        {
            email = email.ToUpperInvariant();
        }

        var role = Role switch
        {
            RolePick.Agent => SeatPolicy.Role.Agent,
            RolePick.Manager => SeatPolicy.Role.Manager,
            RolePick.Admin => SeatPolicy.Role.Admin,
            RolePick.Unknown => (Role)(3 + (Pick % 5)),
            _ => (Role?)null,
        };
        long? expected = Version switch
        {
            VersionPick.Right => account.Version,
            VersionPick.Stale => account.Version == 0 || Pick % 2 == 0 ? account.Version + 1 : account.Version - 1,
            VersionPick.Negative => -1 - (Pick % 3),
            _ => null,
        };

        return Kind switch
        {
            StepKind.Add => new AddAgent(id, at, actor, name, email, role, Seat == SeatPick.None ? null : seat, ResolveAssets(), expected, ResolvePlan(account, add: true)),
            StepKind.ChangePlan => new ChangePlan(id, at, actor, seat, ResolvePlan(account, add: false), expected),
            StepKind.Replace => new ReplaceAgent(id, at, actor, seat, name, email, role, expected),
            StepKind.Deactivate => new DeactivateAgent(id, at, actor, seat, expected),
            StepKind.Update => new UpdateAgent(id, at, actor, seat, name, email, role, expected),
            StepKind.Delete => new DeleteAgent(id, at, actor, seat, expected),
            StepKind.ScheduleDelete => new DeleteAgent(id, at, actor, seat, expected, Pick % 3 == 0 ? DeletionEffective.TermEnd : DeletionEffective.NextBill),
            StepKind.Cancel => new CancelScheduledChange(id, at, actor, seat, expected),
            _ => new MalformedCommand(id, at, actor, "role", "'Owner' is not a role", expected),
        };
    }

    /// <summary>
    /// A plan for an add (none on an account with one plan; on plans, the default half the time) or a plan change
    /// (one of the account's plans, now and then an unknown one).
    /// </summary>
    private string? ResolvePlan(Account account, bool add)
    {
        if (account.Plans.Length == 1)
        {
            return add ? null : (Pick % 10 == 0 ? "Gold" : account.Plans[0].Name);
        }

        var choice = (Pick / 7) % (account.Plans.Length + 2);
        return choice < account.Plans.Length ? account.Plans[choice].Name : add && choice == account.Plans.Length ? null : Pick % 3 == 0 ? "Gold" : account.Plans[Pick % account.Plans.Length].Name;
    }

    /// <inheritdoc />
    public override string ToString() =>
        FormattableString.Invariant(
            $"+{AdvanceSeconds}s {Kind} by {Actor} seat {Seat} name {Name} email {Email}{(Shout ? " SHOUT" : string.Empty)} role {Role} version {Version} assets {Assets} id {Id} pick {Pick}");

    private Actor ResolveActor(Account account, ImmutableArray<Seat> seats)
    {
        Actor? Occupant(Role role)
        {
            var holders = seats.Where(seat => seat.Occupant?.Role == role).ToList();
            return holders.Count == 0 ? null : new Actor(holders[Pick % holders.Count].Occupant!.Email);
        }

        var stranger = new Actor(FormattableString.Invariant($"stranger{Pick % 3}@elsewhere.test"));
        return Actor switch
        {
            ActorPick.Admin => Occupant(SeatPolicy.Role.Admin) ?? Occupant(SeatPolicy.Role.Manager) ?? stranger,
            ActorPick.Manager => Occupant(SeatPolicy.Role.Manager) ?? Occupant(SeatPolicy.Role.Admin) ?? stranger,
            ActorPick.Agent => Occupant(SeatPolicy.Role.Agent) ?? stranger,
            ActorPick.OccupantShouting => seats.Where(seat => seat.IsOccupied).ToList() is { Count: > 0 } occupied
                ? new Actor(occupied[Pick % occupied.Count].Occupant!.Email.ToUpperInvariant())
                : stranger,
            ActorPick.Former => account.FormerOccupants().Select(former => new Actor(former.Agent.Email)).ToList() is { Count: > 0 } formers ? formers[Pick % formers.Count] : stranger,
            ActorPick.Support => SeatPolicy.Actor.Support,
            ActorPick.SupportCapitalised => new Actor("Support"),
            _ => stranger,
        };
    }

    private SeatId ResolveSeat(Account account, ImmutableArray<Seat> seats)
    {
        SeatId? Among(Func<Seat, bool> which)
        {
            var matching = seats.Where(which).ToList();
            return matching.Count == 0 ? null : matching[(Pick / 7) % matching.Count].Id;
        }

        var unknown = new SeatId(FormattableString.Invariant($"ghost-{Pick % 4}"));
        var deleted = account.History.OfType<Deleted>().Select(change => change.Seat).ToList();
        return Seat switch
        {
            SeatPick.Occupied => Among(seat => seat.IsOccupied) ?? unknown,
            SeatPick.Vacant => Among(seat => seat.IsVacant) ?? unknown,
            SeatPick.Admin => Among(seat => seat.HoldsAdmin) ?? unknown,
            SeatPick.Any => Among(_ => true) ?? unknown,
            SeatPick.Deleted => deleted.Count == 0 ? unknown : deleted[(Pick / 7) % deleted.Count],
            SeatPick.Blank => Pick % 2 == 0 ? default : new SeatId(" "),
            SeatPick.NextSeatN => new SeatId(FormattableString.Invariant($"seat-{account.SeatsEverCreated + 1}")),
            SeatPick.SeatNAfterNext => new SeatId(FormattableString.Invariant($"seat-{account.SeatsEverCreated + 2}")),
            SeatPick.Unknown => unknown,
            _ => default,
        };
    }

    private string? ResolveEmail(Account account, ImmutableArray<Seat> seats, Agent? occupant, int index)
    {
        var fresh = FormattableString.Invariant($"person{index}@team{Pick % 3}.test");
        var others = seats.Where(seat => seat.IsOccupied && !ReferenceEquals(seat.Occupant, occupant)).ToList();
        return Email switch
        {
            EmailPick.Fresh => fresh,
            EmailPick.Own => occupant?.Email ?? fresh,
            EmailPick.OtherOccupant => others.Count == 0 ? fresh : others[(Pick / 3) % others.Count].Occupant!.Email,
            EmailPick.Former => account.FormerOccupants().Select(former => former.Agent.Email).ToList() is { Count: > 0 } formers ? formers[(Pick / 3) % formers.Count] : fresh,
            EmailPick.Invalid => InvalidEmails[Pick % InvalidEmails.Length],
            _ => null,
        };
    }

    private SeatAssets? ResolveAssets() => Assets switch
    {
        AssetsPick.Valid => new SeatAssets
        {
            DirectNumber = FormattableString.Invariant($"+1415555{Pick % 10000:D4}"),
            CallerId = Pick % 2 == 0 ? null : "+14155550000",
            RingGroups = Pick % 3 == 0 ? [] : ["sales"],
            Devices = ["desk"],
        },
        AssetsPick.InvalidPhone => new SeatAssets { DirectNumber = InvalidPhones[Pick % InvalidPhones.Length] },
        AssetsPick.BlankDevice => new SeatAssets { Devices = ["desk", " "] },
        _ => null,
    };
}

/// <summary>A random account, a policy option, a start instant and 1–50 steps: one run of the model-based test.</summary>
/// <param name="Account">The account to open.</param>
/// <param name="SelfServeDeletion">Whether the policy lets Admins and Managers delete where deletion is allowed.</param>
/// <param name="Start">The instant before the first step.</param>
/// <param name="Steps">The steps.</param>
public sealed record EngineScenario(AccountSpec Account, bool SelfServeDeletion, Instant Start, ImmutableArray<EngineStep> Steps)
{
    /// <summary>The policy the scenario runs under.</summary>
    public TurnoverPolicy Policy => SelfServeDeletion ? new TurnoverPolicy(new PolicyOptions { SelfServeDeletion = true }) : TurnoverPolicy.Default;

    /// <summary>Smaller scenarios: the same account with fewer steps (halves, then single steps removed).</summary>
    /// <returns>Candidates, smallest first.</returns>
    public IEnumerable<EngineScenario> Shrink()
    {
        var count = Steps.Length;
        if (count <= 1)
        {
            yield break;
        }

        yield return this with { Steps = Steps[..(count / 2)] };
        yield return this with { Steps = Steps[(count / 2)..] };
        for (var i = count - 1; i >= 0; i--)
        {
            yield return this with { Steps = Steps.RemoveAt(i) };
        }
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Account}{(SelfServeDeletion ? " (self-serve deletion)" : string.Empty)}, from {InstantPattern.General.Format(Start)}");
        for (var i = 0; i < Steps.Length; i++)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"  {i}: {Steps[i]}");
        }

        return text.ToString();
    }
}
