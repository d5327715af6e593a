using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using Kixie.SeatPolicy.Tests.Generators;

namespace Kixie.SeatPolicy.Tests.Advice;

/// <summary>The laws of turnover advice (rulebook §11).</summary>
public sealed class TurnoverAdvisorPropertyTests
{
    [SeatPolicyProperty]
    public Property Advice_never_changes_the_account() =>
        Prop.ForAll(AdviceGenerators.Cases, request =>
        {
            var before = request.Account.Version;
            var history = request.Account.History.ToList();
            _ = request.Advise();
            return request.Account.Version == before
                && request.Account.History.SequenceEqual(history)
                && request.Account.Equals(request.Account.AtOpening().Apply(history));
        });

    [SeatPolicyProperty]
    public Property The_recommendations_total_is_at_most_every_feasible_plans_and_it_is_the_first_feasible_plan() =>
        Prop.ForAll(AdviceGenerators.Cases, request =>
        {
            var advice = request.Advise();
            var feasible = advice.Plans.Where(plan => plan.IsFeasible).ToList();
            return advice.Recommended is { } recommended
                ? ReferenceEquals(recommended, feasible[0]) && feasible.All(plan => recommended.Total <= plan.Total)
                : feasible.Count == 0;
        });

    [SeatPolicyProperty]
    public Property Every_step_of_a_feasible_plan_was_accepted_and_an_infeasible_plan_names_what_stopped_it() =>
        Prop.ForAll(AdviceGenerators.Cases, request => request.Advise().Plans.All(plan =>
            plan.IsFeasible
                ? plan.Steps.All(step => step.IsAccepted) && plan.Total is not null && plan.Saving is { IsNegative: false }
                : plan.BlockedBy is not null && plan.Total is null && plan.Saving is null
                  && (plan.Steps.Length == 0 || plan.Steps[^1].IsAccepted
                      ? plan.BlockedBy.Kind == OutcomeKind.DeletionBlocked
                      : plan.Steps[^1].Outcome == plan.BlockedBy)));

    [SeatPolicyProperty]
    public Property Each_plans_total_equals_the_invoices_recomputed_by_applying_its_decisions() =>
        Prop.ForAll(AdviceGenerators.Cases, request =>
        {
            var advice = request.Advise();
            return advice.Plans.Where(plan => plan.IsFeasible).All(plan =>
            {
                var account = plan.Steps.Aggregate(request.Account, (current, step) => step.Decision.ApplyTo(current));
                var sum = account.Invoices(advice.From, advice.Until).Sum(invoice => invoice.Total.MinorUnits);
                return plan.Total!.Value.MinorUnits == sum;
            });
        });

    [SeatPolicyProperty]
    public Property With_no_bill_date_between_leaving_and_hiring_on_a_non_contract_account_holding_and_replacing_is_never_dearer() =>
        Prop.ForAll(AdviceGenerators.Cases, request =>
        {
            if (request.Hire is not { } hire || request.Account.Contract is not null)
            {
                return true;
            }

            var from = request.Account.LocalDateOf(request.Leaves);
            if (request.Account.Billing.NextBillDateAfter(from) < request.Account.LocalDateOf(hire))
            {
                return true;
            }

            var plans = request.Advise().Plans;
            var hold = plans.Single(plan => plan.Kind == AdvicePlanKind.HoldAndReplace);
            var delete = plans.Single(plan => plan.Kind == AdvicePlanKind.DeleteAndAdd);
            return !hold.IsFeasible || !delete.IsFeasible || hold.Total <= delete.Total;
        });
}
