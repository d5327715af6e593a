using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Kixie.SeatPolicy.Tests.Generators;
using NodaTime;
using NodaTime.Text;

namespace Kixie.SeatPolicy.Tests.Policy;

/// <summary>
/// The model-based test: random accounts meet random command sequences from every kind of actor,
/// and after every step the engine must agree with <see cref="TurnoverModel"/> and keep the
/// rulebook's invariants (§9).
/// </summary>
public sealed class TurnoverPolicyPropertyTests
{
    [SeatPolicyProperty(MaxTest = 2000)]
    public void Every_command_sequence_agrees_with_the_rulebook_model_and_keeps_the_invariants(EngineScenario scenario) =>
        ModelRun.Check(scenario);

    [SeatPolicyProperty]
    public Property Sending_every_accepted_command_again_changes_nothing(EngineScenario scenario)
    {
        var (account, _) = ModelRun.Play(scenario);
        var policy = scenario.Policy;
        var replays = account.History.Select(change => policy.Decide(account, change.Command)).ToList();

        return replays.All(decision => decision.IsReplay && decision.Events.IsEmpty && ReferenceEquals(decision.ApplyTo(account), account))
            .Label("every accepted command is a replay that changes nothing")
            .Classify(account.History.Count == 0, "nothing accepted");
    }
}

/// <summary>Runs a scenario against the engine and the model side by side, step by step.</summary>
internal sealed class ModelRun
{
    private readonly EngineScenario _scenario;
    private readonly TurnoverPolicy _policy;
    private readonly TurnoverModel _model;
    private readonly Account _initial;
    private readonly List<SeatCommand> _issued = [];
    private readonly StringBuilder _trace = new();
    private Account _account;
    private LocalDate? _today;

    private ModelRun(EngineScenario scenario)
    {
        _scenario = scenario;
        _policy = scenario.Policy;
        _model = new TurnoverModel(scenario.Account, scenario.SelfServeDeletion);
        _initial = scenario.Account.Open();
        _account = _initial;
    }

    /// <summary>Runs the scenario, checking everything; throws with the trace at the first disagreement.</summary>
    public static void Check(EngineScenario scenario) => new ModelRun(scenario).Run(check: true);

    /// <summary>Runs the scenario without checks.</summary>
    public static (Account Account, IReadOnlyList<SeatCommand> Issued) Play(EngineScenario scenario)
    {
        var run = new ModelRun(scenario);
        run.Run(check: false);
        return (run._account, run._issued);
    }

    private void Run(bool check)
    {
        var at = _scenario.Start;
        for (var i = 0; i < _scenario.Steps.Length; i++)
        {
            var step = _scenario.Steps[i];
            at = TimeEdgeGenerators.Plus(at, step.AdvanceSeconds);
            var command = step.Resolve(_account, _issued, i, at);
            _issued.Add(command);
            _trace.AppendLine(FormattableString.Invariant($"  {i} @{InstantPattern.General.Format(at)} {command}"));
            if (check)
            {
                Step(command);
            }
            else
            {
                _account = _policy.Decide(_account, command).ApplyTo(_account);
            }
        }

        if (check)
        {
            Require(_initial.Apply(_account.History).Equals(_account), "replaying History onto the initial account gives the current account");
            Require(_account.AtOpening().Equals(_initial), "the account remembers its initial state");
            var replayed = _account.AtOpening().Apply(_account.History);
            Require(replayed.Equals(_account), "AtOpening() plus History is the whole account");
            Require(
                _account.ListSeats().Where(seat => seat.IsOccupied).All(seat => replayed.FindSeatOf(seat.Occupant!.Email)?.Id == seat.Id),
                "a replayed account finds every occupant by email");
            RequireSameSeats();
            var people = _account.AtOpening().ListSeats().Where(seat => seat.IsOccupied).Select(seat => seat.Occupant!.Id)
                .Concat(_account.History.OfType<Added>().Select(added => added.Agent.Id))
                .Concat(_account.History.OfType<Replaced>().Select(replaced => replaced.NewAgent.Id))
                .ToList();
            Require(people.Distinct().Count() == people.Count && people.Count == _account.AgentsEverCreated, "every new person gets a new AgentId");
        }
    }

    private void Step(SeatCommand command)
    {
        var expected = _model.Expect(command);
        var before = _account;
        var adminsBefore = _model.OccupiedAdminCount;
        var chargedBefore = ChargedInHistory(before);
        Decision decision;
        Account after;
        try
        {
            decision = _policy.Decide(before, command);
            after = decision.ApplyTo(before);
        }
        catch (Exception e) when (e is not ModelDisagreement)
        {
            throw Fail($"the engine threw {e.GetType().Name}: {e.Message}");
        }

        var outcome = decision.Outcome;
        _trace.AppendLine(FormattableString.Invariant($"     -> {outcome}{(decision.IsReplay ? " (replay)" : string.Empty)}"));
        Require(outcome.Kind == expected.Kind, $"outcome {outcome.Kind}, model expects {expected.Kind}");
        Require(decision.IsReplay == expected.IsReplay, $"IsReplay {decision.IsReplay}, model expects {expected.IsReplay}");

        if (decision.IsReplay)
        {
            Require(Equals(outcome.Case, expected.Original), "a replay returns the original outcome");
            Require(decision.Events.IsEmpty && ReferenceEquals(after, before) && after.Equals(before), "a replay changes nothing");
        }
        else if (expected.IsAccepted)
        {
            Require(decision.Events.Length == 1 && decision.Events[0].Version == before.Version + 1, "an accepted command yields one event for the next version");
            Require(decision.Events[0].Seat.Value == expected.Seat, $"the event is about seat {decision.Events[0].Seat}, model expects {expected.Seat}");
            CheckAccepted(outcome, expected, command);
            _model.Commit(command, expected, outcome.Case);
        }
        else
        {
            Require(decision.Events.IsEmpty && ReferenceEquals(after, before), "a rejected command leaves no trace");
            if (outcome.Value is DeletionBlocked blocked)
            {
                Require(blocked.AllowedFrom == expected.Date, $"deletion allowed from {blocked.AllowedFrom}, model expects {expected.Date}");
                Require(
                    blocked.AllowedFrom > _model.LocalDateOf(command.At)
                    && (_model.ContractAllowsDeletion(blocked.AllowedFrom, out _) || _scenario.Account.Contract is { LockInDays: 0, AutoRenew: true }),
                    "a blocked deletion names a later day on which deletion is allowed (except the known lock-in 0 renewal case)");
            }
        }

        _account = after;
        var billable = _model.CanBillAt(command.At);
        Require(billable || outcome.Kind is OutcomeKind.InvalidCommand or OutcomeKind.Unauthorized, "a command at an instant the account cannot bill is refused (after the actor's check)");
        var charged = outcome.ChargedAmount(after.Currency);
        Require(charged.IsZero || (command is AddAgent && outcome.Value is Added), "only AddAgent charges");
        Require(ChargedInHistory(after) == _model.TotalChargedMinorUnits, "the charges in History are the model's total");
        Require(!decision.IsReplay || ChargedInHistory(after) == chargedBefore, "a replay charges nothing new");
        Require(ChargedInHistory(after) >= chargedBefore, "no outcome carries a refund: the history's charges never fall");
        Require(outcome.Value is not Deleted || _model.ContractAllowsDeletion(_model.LocalDateOf(command.At), out _), "no deletion inside a lock-in");
        Require(after.Version == _model.Version && after.History.Count == after.Version, $"version {after.Version}, model expects {_model.Version}");
        Require(after.SeatCount >= 0 && after.SeatCount == _model.SeatCount, $"{after.SeatCount} seats, model expects {_model.SeatCount}");
        // The next bill as of today (the latest billable local date so far: a replayed command carries its
        // old instant): every event is dated before it, so its seats are the model's seats now (rulebook §8).
        // In the last period NodaTime can represent, the next bill's period would end past time: no bill.
        if (billable)
        {
            var date = _model.LocalDateOf(command.At);
            _today = _today is { } seen && seen > date ? seen : date;
        }

        if (_today is { } today && !_model.HasNextBill(today))
        {
            Require(!after.TryPreviewNextInvoice(today, out _), $"no next bill as of {today}: its period would end past 9999-12-31");
        }
        else if (_today is { } asOf)
        {
            var bill = after.PreviewNextBill(asOf);
            var nextBillDate = _model.NextBillDateAfter(asOf);
            var collected = after.AddCharges == AddChargeBilling.OnNextBill
                ? after.History.OfType<Added>()
                    .Where(added => _model.NextBillDateAfter(_model.LocalDateOf(added.At)) == nextBillDate)
                    .Sum(added => added.Charge.Amount.MinorUnits)
                : 0;
            Require(
                bill.Total.MinorUnits == (_model.SeatCount * _scenario.Account.PriceMinorUnits) + collected && bill.Seats == _model.SeatCount,
                $"next bill {bill.Total} for {bill.Seats} seats, model expects {_model.SeatCount} x {_scenario.Account.Price} + {collected} minor units of add charges");
            Require(bill.Date == nextBillDate && bill.Date > asOf, $"next bill date {bill.Date}, model expects {nextBillDate}");
        }

        var admins = after.ListSeats().Count(seat => seat.HoldsAdmin);
        Require(admins == _model.OccupiedAdminCount && admins == after.OccupiedAdminCount, $"{admins} occupied admins, model expects {_model.OccupiedAdminCount}");
        Require(adminsBefore == 0 || admins >= 1, "an occupied Admin remains whenever there was one");
        Require(after.FormerOccupants().Count() == _model.FormerOccupantCount, "history keeps every former occupant");
    }

    private void CheckAccepted(TurnoverOutcome outcome, Expectation expected, SeatCommand command)
    {
        switch (outcome.Value)
        {
            case Added added:
                Require(added.Seat.Value == expected.Seat, $"added seat {added.Seat}, model expects {expected.Seat}");
                Require(added.Charge.Amount.MinorUnits == expected.ChargeMinorUnits, $"charge {added.Charge.Amount}, model expects {expected.ChargeMinorUnits} minor units");
                Require(added.Charge.Amount.Currency == _account.Currency, "the charge is in the account's currency");
                break;
            case Replaced replaced:
                Require(replaced.NewAgent.Role == expected.Role, $"new role {replaced.NewAgent.Role}, model expects {expected.Role}");
                Require(replaced.Inherited.Equals(_account.FindSeat(replaced.Seat)?.Assets), "the new agent inherits the seat's assets");
                Require(string.Equals(replaced.SetupGuideSentTo, ((ReplaceAgent)command).Email, StringComparison.Ordinal), "the setup guide goes to the new agent");
                break;
            case Deleted deleted:
                Require(deleted.OffBillFrom == expected.Date, $"off the bill from {deleted.OffBillFrom}, model expects {expected.Date}");
                break;
        }
    }

    private void RequireSameSeats()
    {
        var engine = _account.ListSeats().ToDictionary(
            seat => seat.Id.Value,
            seat => (seat.Occupant?.Name, seat.Occupant?.Email, seat.Occupant?.Role, seat.LastRole),
            StringComparer.Ordinal);
        var model = _model.Seats.ToDictionary(
            seat => seat.Id,
            seat => (seat.Occupant?.Name, seat.Occupant?.Email, seat.Occupant?.Role, seat.LastRole),
            StringComparer.Ordinal);
        Require(
            engine.Count == model.Count && engine.All(pair => model.TryGetValue(pair.Key, out var theirs) && theirs == pair.Value),
            "the seats are the model's");
    }

    private static long ChargedInHistory(Account account) =>
        account.History.OfType<Added>().Sum(added => added.Charge.Amount.MinorUnits);

    private void Require(bool condition, string law)
    {
        if (!condition)
        {
            throw Fail(law);
        }
    }

    private ModelDisagreement Fail(string law) =>
        new($"{law}\naccount: {_scenario.Account}{(_scenario.SelfServeDeletion ? " (self-serve deletion)" : string.Empty)}\ncommands:\n{_trace}");
}

/// <summary>The engine and the model disagree, or an invariant broke.</summary>
internal sealed class ModelDisagreement(string message) : Exception(message);
