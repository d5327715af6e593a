using System;
using System.Collections.Generic;
using System.Linq;
using Kixie.SeatPolicy.Tests.Generators;
using NodaTime;

namespace Kixie.SeatPolicy.Tests.Policy;

/// <summary>A person in the model.</summary>
/// <param name="Name">The name.</param>
/// <param name="Email">The email.</param>
/// <param name="Role">The role.</param>
internal sealed record ModelAgent(string Name, string Email, Role Role);

/// <summary>A seat in the model.</summary>
internal sealed class ModelSeat(string id, ModelAgent? occupant, Role lastRole)
{
    public string Id { get; } = id;

    public ModelAgent? Occupant { get; set; } = occupant;

    public Role LastRole { get; set; } = lastRole;

    public bool HoldsAdmin => Occupant?.Role == Role.Admin;
}

/// <summary>What the model expects of one command.</summary>
/// <param name="Kind">The outcome kind.</param>
/// <param name="IsReplay">Whether the command is a replay of an accepted one.</param>
/// <param name="Original">For a replay, the outcome the command first had.</param>
/// <param name="Seat">For an accepted command, the seat it changes.</param>
/// <param name="ChargeMinorUnits">For an add, the prorated charge.</param>
/// <param name="Role">For an add or a replacement, the new person's role.</param>
/// <param name="Date">For a deletion, the first bill date without the seat; for a blocked one, the day deletion opens.</param>
internal sealed record Expectation(
    OutcomeKind Kind,
    bool IsReplay = false,
    OutcomeCase? Original = null,
    string? Seat = null,
    long ChargeMinorUnits = 0,
    Role? Role = null,
    LocalDate? Date = null)
{
    public bool IsAccepted => Kind <= OutcomeKind.Deleted;
}

/// <summary>
/// The rulebook (spec §6 and docs/rules.md) as plain dictionaries and lists, sharing no code with the
/// engine: who occupies which seat, which ids were ever used, the accepted command ids, and the
/// expected outcome of a command by the rulebook's precedence. Billing periods, contract terms and
/// proration are recomputed from day numbers and integer arithmetic.
/// </summary>
internal sealed class TurnoverModel
{
    private readonly AccountSpec _spec;
    private readonly bool _selfServeDeletion;
    private readonly DateTimeZone _zone;
    private readonly Dictionary<string, ModelSeat> _seats = new(StringComparer.Ordinal);
    private readonly HashSet<string> _everIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (SeatCommand Command, OutcomeCase Outcome)> _accepted = new(StringComparer.Ordinal);

    public TurnoverModel(AccountSpec spec, bool selfServeDeletion)
    {
        _spec = spec;
        _selfServeDeletion = selfServeDeletion;
        _zone = spec.TimeZone;
        foreach (var seat in spec.Seats)
        {
            _seats.Add(seat.Id, new ModelSeat(seat.Id, seat.Vacant ? null : new ModelAgent(seat.Name, seat.Email, seat.Role), seat.Role));
            _everIds.Add(seat.Id);
        }

        SeatsEverCreated = spec.Seats.Length;
        (SupportedFrom, SupportedThrough) = SupportedDates();
    }

    /// <summary>The first local date the account bills: its first bill date on or after -9998-01-02.</summary>
    public LocalDate SupportedFrom { get; }

    /// <summary>The last local date the account bills: the day before its last bill date on or before 9999-12-31.</summary>
    public LocalDate SupportedThrough { get; }

    public long Version { get; private set; }

    public long SeatsEverCreated { get; private set; }

    public long TotalChargedMinorUnits { get; private set; }

    public int FormerOccupantCount { get; private set; }

    public int SeatCount => _seats.Count;

    public int OccupiedAdminCount => _seats.Values.Count(seat => seat.HoldsAdmin);

    public IReadOnlyCollection<ModelSeat> Seats => _seats.Values;

    /// <summary>The outcome the rulebook gives <paramref name="command"/>, precedence first match wins.</summary>
    public Expectation Expect(SeatCommand command)
    {
        var id = command.Id.Value;
        if (id is not null && _accepted.TryGetValue(id, out var earlier) && earlier.Command.Equals(command))
        {
            return new Expectation(earlier.Outcome.Kind, IsReplay: true, Original: earlier.Outcome);
        }

        var isSupport = string.Equals(command.Actor.Name, "support", StringComparison.OrdinalIgnoreCase);
        var actorRole = isSupport ? null : HolderOf(command.Actor.Name)?.Occupant?.Role;
        if (!isSupport && actorRole is null or Role.Agent)
        {
            return new Expectation(OutcomeKind.Unauthorized);
        }

        if ((id is not null && _accepted.ContainsKey(id)) || IsInvalid(command))
        {
            return new Expectation(OutcomeKind.InvalidCommand);
        }

        if (command.ExpectedVersion is { } expected && expected != Version)
        {
            return new Expectation(OutcomeKind.VersionConflict);
        }

        var manager = actorRole == Role.Manager;
        return command switch
        {
            AddAgent add => ExpectAdd(add, manager),
            ReplaceAgent replace => ExpectReplace(replace, manager),
            DeactivateAgent deactivate => ExpectDeactivate(deactivate, manager),
            UpdateAgent update => ExpectUpdate(update, manager),
            DeleteAgent delete => ExpectDelete(delete, manager, isSupport),
            _ => new Expectation(OutcomeKind.InvalidCommand),
        };
    }

    /// <summary>Carries out an accepted command.</summary>
    public void Commit(SeatCommand command, Expectation expectation, OutcomeCase outcome)
    {
        var seat = expectation.Seat!;
        switch (command)
        {
            case AddAgent add:
                _seats.Add(seat, new ModelSeat(seat, new ModelAgent(add.Name!, add.Email!, add.Role!.Value), add.Role!.Value));
                _everIds.Add(seat);
                SeatsEverCreated++;
                TotalChargedMinorUnits += expectation.ChargeMinorUnits;
                break;
            case ReplaceAgent replace:
                FormerOccupantCount += _seats[seat].Occupant is null ? 0 : 1;
                _seats[seat].Occupant = new ModelAgent(replace.Name!, replace.Email!, expectation.Role!.Value);
                _seats[seat].LastRole = expectation.Role!.Value;
                break;
            case DeactivateAgent:
                FormerOccupantCount++;
                _seats[seat].Occupant = null;
                break;
            case UpdateAgent update:
                var current = _seats[seat].Occupant!;
                var after = new ModelAgent(update.Name ?? current.Name, update.Email ?? current.Email, update.Role ?? current.Role);
                _seats[seat].Occupant = after;
                _seats[seat].LastRole = after.Role;
                break;
            case DeleteAgent:
                FormerOccupantCount += _seats[seat].Occupant is null ? 0 : 1;
                _seats.Remove(seat);
                break;
        }

        Version++;
        _accepted[command.Id.Value] = (command, outcome);
    }

    /// <summary>The local date of an instant in the account's zone.</summary>
    public LocalDate LocalDateOf(Instant at) => at.InZone(_zone).Date;

    /// <summary>
    /// Whether a command at <paramref name="at"/> can be decided: its local date exists (an instant within a
    /// day of NodaTime's ends may have none in the zone) and lies in <see cref="SupportedFrom"/>..<see cref="SupportedThrough"/>.
    /// </summary>
    public bool CanBillAt(Instant at)
    {
        LocalDate date;
        try
        {
            date = at.InZone(_zone).Date;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }

        return date >= SupportedFrom && date <= SupportedThrough;
    }

    /// <summary>The first bill date strictly after <paramref name="date"/>.</summary>
    public LocalDate NextBillDateAfter(LocalDate date) => PeriodOf(date).End;

    /// <summary>Whether the next bill after <paramref name="date"/> has a period that ends within NodaTime's years.</summary>
    public bool HasNextBill(LocalDate date)
    {
        var index = PeriodIndexOf(date) + 1;
        return BillDate(index + 1) is not null;
    }

    /// <summary>Whether the contract lets a seat be deleted on <paramref name="date"/>, and if not, from when.</summary>
    public bool ContractAllowsDeletion(LocalDate date, out LocalDate allowedFrom)
    {
        allowedFrom = default;
        if (_spec.Contract is not { } contract)
        {
            return true;
        }

        var (termStart, termEnd) = (contract.Start, contract.End);
        if (date > termEnd)
        {
            if (!contract.AutoRenew)
            {
                return true;
            }

            // Term k runs from Start + k·n months to the day before Start + (k+1)·n months; one past
            // 9999-12-31 ends on that day.
            var k = FloorDiv(MonthIndex(date) - MonthIndex(contract.Start), contract.Months);
            while (AddMonthsClamped(contract.Start, k * contract.Months) is not { } s || s > date)
            {
                k--;
            }

            while (AddMonthsClamped(contract.Start, (k + 1) * contract.Months) is { } next && next <= date)
            {
                k++;
            }

            termStart = AddMonthsClamped(contract.Start, k * contract.Months)!.Value;
            termEnd = AddMonthsClamped(contract.Start, (k + 1) * contract.Months)?.PlusDays(-1) ?? LocalDate.MaxIsoValue;
        }

        // The window is the term's last LockInDays days, or the whole term when it is shorter; before the
        // first term starts the first term's window applies.
        allowedFrom = termEnd.PlusDays(1 - contract.LockInDays);
        allowedFrom = allowedFrom < termStart ? termStart : allowedFrom;
        return date >= allowedFrom && date >= contract.Start;
    }

    /// <summary>The prorated charge of an add at <paramref name="at"/>, in minor units, from integers only.</summary>
    public long ExpectedCharge(Instant at)
    {
        var date = LocalDateOf(at);
        var (start, end) = PeriodOf(date);
        long remaining, total;
        if (_spec.Proration.Granularity == ProrationGranularity.Second)
        {
            var startSeconds = _zone.AtStartOfDay(start).ToInstant().ToUnixTimeTicks() / NodaConstants.TicksPerSecond;
            var endSeconds = _zone.AtStartOfDay(end).ToInstant().ToUnixTimeTicks() / NodaConstants.TicksPerSecond;
            var nowSeconds = at.ToUnixTimeTicks() / NodaConstants.TicksPerSecond;
            (remaining, total) = (endSeconds - nowSeconds, endSeconds - startSeconds);
        }
        else if (_spec.Proration.DayCount == DayCount.Thirty360)
        {
            (remaining, total) = (Days30E360(date, end), Days30E360(start, end));
        }
        else
        {
            (remaining, total) = (DayNumber(end) - DayNumber(date), DayNumber(end) - DayNumber(start));
        }

        var product = (Int128)_spec.PriceMinorUnits * remaining;
        var quotient = (long)(product / total);
        var twiceRemainder = 2 * (product % total);
        var roundUp = _spec.Proration.Rounding == RoundingMode.HalfToEven
            ? twiceRemainder > total || (twiceRemainder == total && quotient % 2 != 0)
            : twiceRemainder >= total;
        return quotient + (roundUp ? 1 : 0);
    }

    /// <summary>Days since 1970-01-01 in the proleptic Gregorian calendar, negative years too (H. Hinnant's days_from_civil).</summary>
    private static long DayNumber(LocalDate date)
    {
        long y = date.Month <= 2 ? date.Year - 1 : date.Year;
        var era = FloorDiv(y, 400);
        var yearOfEra = y - (era * 400);
        var dayOfYear = ((153 * (date.Month > 2 ? date.Month - 3 : date.Month + 9)) + 2) / 5 + date.Day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146_097) + dayOfEra - 719_468;
    }

    private static long Days30E360(LocalDate from, LocalDate to) =>
        (360L * (to.Year - from.Year)) + (30L * (to.Month - from.Month)) + (Math.Min(to.Day, 30) - Math.Min(from.Day, 30));

    private static long FloorDiv(long a, long b) => (a / b) - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0);

    private static long MonthIndex(LocalDate date) => (date.Year * 12L) + date.Month - 1;

    private static int DaysInMonth(long year, int month) => month switch
    {
        2 => (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    /// <summary><paramref name="date"/> plus <paramref name="months"/>, the day clamped to the month's end; null outside the years -9998 to 9999.</summary>
    private static LocalDate? AddMonthsClamped(LocalDate date, long months)
    {
        var index = MonthIndex(date) + months;
        var year = FloorDiv(index, 12);
        if (year is < -9998 or > 9999)
        {
            return null;
        }

        var month = (int)(index - (year * 12)) + 1;
        return new LocalDate((int)year, month, Math.Min(date.Day, DaysInMonth(year, month)));
    }

    private LocalDate? BillDate(long index) => AddMonthsClamped(_spec.Anchor, index * (int)_spec.Cycle);

    /// <summary>The index k of the bill date on or before <paramref name="date"/>: bill date k ≤ date &lt; bill date k + 1.</summary>
    private long PeriodIndexOf(LocalDate date)
    {
        var k = FloorDiv(MonthIndex(date) - MonthIndex(_spec.Anchor), (int)_spec.Cycle);
        while (BillDate(k) is not { } start || start > date)
        {
            k--;
            if (date < SupportedFrom && BillDate(k) is null)
            {
                throw new InvalidOperationException($"{date} is before the first bill date the model knows");
            }
        }

        while (BillDate(k + 1) is { } next && next <= date)
        {
            k++;
        }

        return k;
    }

    private (LocalDate Start, LocalDate End) PeriodOf(LocalDate date)
    {
        var k = PeriodIndexOf(date);
        return (BillDate(k)!.Value, BillDate(k + 1)!.Value);
    }

    /// <summary>The first bill date on or after -9998-01-02, and the day before the last bill date on or before 9999-12-31.</summary>
    private (LocalDate From, LocalDate Through) SupportedDates()
    {
        var (earliest, latest) = (new LocalDate(-9998, 1, 2), LocalDate.MaxIsoValue);
        var cycle = (int)_spec.Cycle;
        var first = FloorDiv(MonthIndex(earliest) - MonthIndex(_spec.Anchor), cycle) - 1;
        while (BillDate(first) is not { } from || from < earliest)
        {
            first++;
        }

        var last = FloorDiv(MonthIndex(latest) - MonthIndex(_spec.Anchor), cycle) + 1;
        while (BillDate(last) is null)
        {
            last--;
        }

        return (BillDate(first)!.Value, BillDate(last)!.Value.PlusDays(-1));
    }

    private ModelSeat? HolderOf(string? email) =>
        email is null ? null : _seats.Values.FirstOrDefault(seat => string.Equals(seat.Occupant?.Email, email, StringComparison.OrdinalIgnoreCase));

    private ModelSeat? Find(SeatId seat) => seat.Value is not null && _seats.TryGetValue(seat.Value, out var found) ? found : null;

    private bool LeavesNoAdmin(ModelSeat seat, Role? remainingRole) => seat.HoldsAdmin && remainingRole != Role.Admin && OccupiedAdminCount == 1;

    private bool IsInvalid(SeatCommand command)
    {
        if (string.IsNullOrWhiteSpace(command.Id.Value) || command.ExpectedVersion < 0 || !CanBillAt(command.At))
        {
            return true;
        }

        // Under OnNextBill an add's charge goes on the next bill, which must have a period that ends in time.
        if (command is AddAgent && _spec.AddCharges == AddChargeBilling.OnNextBill && !HasNextBill(LocalDateOf(command.At)))
        {
            return true;
        }

        static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);
        static bool BadEmail(string? email) => email is null || EngineStep.InvalidEmails.Contains(email, StringComparer.OrdinalIgnoreCase);
        static bool BadRole(Role? role) => role is { } given && given is not (Role.Agent or Role.Manager or Role.Admin);
        static bool BadPhone(string? phone) => phone is not null && EngineStep.InvalidPhones.Contains(phone, StringComparer.Ordinal);

        return command switch
        {
            AddAgent add => Blank(add.Name) || BadEmail(add.Email) || add.Role is null || BadRole(add.Role)
                || (add.Seat is { } seat && (Blank(seat.Value) || _everIds.Contains(seat.Value)))
                || (add.Assets is { } assets && (BadPhone(assets.DirectNumber) || BadPhone(assets.CallerId)
                    || assets.RingGroups.Any(Blank) || assets.Devices.Any(Blank))),
            ReplaceAgent replace => Blank(replace.Seat.Value) || Blank(replace.Name) || BadEmail(replace.Email) || BadRole(replace.Role),
            UpdateAgent update => Blank(update.Seat.Value)
                || (update.Name is null && update.Email is null && update.Role is null)
                || (update.Name is not null && Blank(update.Name))
                || (update.Email is not null && BadEmail(update.Email))
                || BadRole(update.Role),
            DeactivateAgent deactivate => Blank(deactivate.Seat.Value),
            DeleteAgent delete => Blank(delete.Seat.Value),
            _ => true,
        };
    }

    private Expectation ExpectAdd(AddAgent add, bool manager)
    {
        if (manager && add.Role == Role.Admin)
        {
            return new Expectation(OutcomeKind.Unauthorized);
        }

        if (HolderOf(add.Email) is not null)
        {
            return new Expectation(OutcomeKind.EmailInUse);
        }

        var seat = add.Seat?.Value;
        for (var n = SeatsEverCreated + 1; seat is null; n++)
        {
            var candidate = FormattableString.Invariant($"seat-{n}");
            seat = _everIds.Contains(candidate) ? null : candidate;
        }

        return new Expectation(OutcomeKind.Added, Seat: seat, ChargeMinorUnits: ExpectedCharge(add.At), Role: add.Role);
    }

    private Expectation ExpectReplace(ReplaceAgent replace, bool manager)
    {
        if (Find(replace.Seat) is not { } seat)
        {
            return new Expectation(OutcomeKind.SeatNotFound);
        }

        var role = replace.Role ?? seat.LastRole;
        if (manager && (seat.HoldsAdmin || role == Role.Admin))
        {
            return new Expectation(OutcomeKind.Unauthorized);
        }

        if (HolderOf(replace.Email) is not null)
        {
            return new Expectation(OutcomeKind.EmailInUse);
        }

        return LeavesNoAdmin(seat, role)
            ? new Expectation(OutcomeKind.LastAdminProtected)
            : new Expectation(OutcomeKind.Replaced, Seat: seat.Id, Role: role);
    }

    private Expectation ExpectDeactivate(DeactivateAgent deactivate, bool manager)
    {
        if (Find(deactivate.Seat) is not { } seat)
        {
            return new Expectation(OutcomeKind.SeatNotFound);
        }

        if (manager && seat.HoldsAdmin)
        {
            return new Expectation(OutcomeKind.Unauthorized);
        }

        if (seat.Occupant is null)
        {
            return new Expectation(OutcomeKind.SeatAlreadyVacant);
        }

        return LeavesNoAdmin(seat, null)
            ? new Expectation(OutcomeKind.LastAdminProtected)
            : new Expectation(OutcomeKind.Deactivated, Seat: seat.Id);
    }

    private Expectation ExpectUpdate(UpdateAgent update, bool manager)
    {
        if (Find(update.Seat) is not { } seat)
        {
            return new Expectation(OutcomeKind.SeatNotFound);
        }

        if (manager && (seat.HoldsAdmin || update.Role == Role.Admin))
        {
            return new Expectation(OutcomeKind.Unauthorized);
        }

        if (seat.Occupant is not { } current)
        {
            return new Expectation(OutcomeKind.SeatAlreadyVacant);
        }

        if (update.Email is not null && HolderOf(update.Email) is { } holder && holder != seat)
        {
            return new Expectation(OutcomeKind.EmailInUse);
        }

        var renames = update.Name is not null && !string.Equals(update.Name, current.Name, StringComparison.Ordinal);
        var changesEmail = update.Email is not null && !string.Equals(update.Email, current.Email, StringComparison.OrdinalIgnoreCase);
        if (renames && changesEmail)
        {
            return new Expectation(OutcomeKind.EditLooksLikeReplacement);
        }

        return LeavesNoAdmin(seat, update.Role ?? current.Role)
            ? new Expectation(OutcomeKind.LastAdminProtected)
            : new Expectation(OutcomeKind.Updated, Seat: seat.Id);
    }

    private Expectation ExpectDelete(DeleteAgent delete, bool manager, bool isSupport)
    {
        if (Find(delete.Seat) is not { } seat)
        {
            return new Expectation(OutcomeKind.SeatNotFound);
        }

        if (manager && seat.HoldsAdmin)
        {
            return new Expectation(OutcomeKind.Unauthorized);
        }

        if (LeavesNoAdmin(seat, null))
        {
            return new Expectation(OutcomeKind.LastAdminProtected);
        }

        var date = LocalDateOf(delete.At);
        if (!ContractAllowsDeletion(date, out var allowedFrom))
        {
            return new Expectation(OutcomeKind.DeletionBlocked, Date: allowedFrom);
        }

        if (!isSupport && !_selfServeDeletion)
        {
            return new Expectation(OutcomeKind.DeletionRequiresSupport);
        }

        return new Expectation(OutcomeKind.Deleted, Seat: seat.Id, Date: NextBillDateAfter(date));
    }
}
