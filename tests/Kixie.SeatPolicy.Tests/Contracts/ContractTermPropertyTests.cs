using FsCheck;
using FsCheck.Fluent;
using Kixie.SeatPolicy.Tests.Generators;
using Xunit;

namespace Kixie.SeatPolicy.Tests;

public sealed class ContractTermPropertyTests
{
    [SeatPolicyProperty]
    public Property The_exit_window_is_exactly_the_last_lock_in_days_of_the_term() =>
        Prop.ForAll(SeatPolicyArbitraries.DayInFirstTermGen.ToArbitrary(), ExitWindowIsTheLastLockInDays);

    [SeatPolicyProperty]
    public Property Every_renewed_term_runs_the_same_months_from_the_start_and_locks_in_again() =>
        Prop.ForAll(SeatPolicyArbitraries.DayInRenewalGen.ToArbitrary(), RenewedTermRunsFromTheStart);

    private static void ExitWindowIsTheLastLockInDays(ContractDay day)
    {
        var (term, date) = (day.Term, day.Date);
        Assert.InRange(date, term.Start, term.End);

        var standing = term.StandingOn(date);
        var windowOpens = WindowOpens(term.Start, term.End, term.LockInDays);
        var inWindow = windowOpens <= date && date <= term.End;

        Assert.Equal(inWindow ? ContractPhase.ExitWindow : ContractPhase.LockedIn, standing.Phase);
        Assert.Equal(new ContractStanding(standing.Phase, term.Start, term.End, windowOpens), standing);
        Assert.Equal(inWindow, term.AllowsDeletionOn(date));
    }

    /// <summary>The last <paramref name="lockInDays"/> days of the term; a window longer than the term opens on its first day.</summary>
    private static NodaTime.LocalDate WindowOpens(NodaTime.LocalDate start, NodaTime.LocalDate end, int lockInDays)
    {
        var opens = TimeEdgeGenerators.PlusDays(end, 1 - lockInDays);
        return opens < start ? start : opens;
    }

    private static void RenewedTermRunsFromTheStart(ContractDay day)
    {
        var (term, date) = (day.Term, day.Date);
        Assert.True(term.AutoRenew);
        Assert.True(date >= term.Start);

        var months = term.Months!.Value;
        var standing = term.StandingOn(date);

        // The term in force is [Start + k·months, Start + (k+1)·months − 1] for the k that contains the date;
        // one that would end past 9999-12-31 ends on it.
        var k = 0;
        while (TimeEdgeGenerators.PlusMonths(term.Start, (k + 1) * months) is { } next && next <= date)
        {
            k++;
        }

        var termStart = term.Start.PlusMonths(k * months);
        var termEnd = TimeEdgeGenerators.PlusMonths(term.Start, (k + 1) * months)?.PlusDays(-1) ?? NodaTime.LocalDate.MaxIsoValue;
        var windowOpens = WindowOpens(termStart, termEnd, term.LockInDays);
        Assert.Equal(termStart, standing.TermStart);
        Assert.Equal(termEnd, standing.TermEnd);
        Assert.Equal(windowOpens, standing.WindowOpens);
        Assert.Equal(date >= windowOpens ? ContractPhase.ExitWindow : ContractPhase.LockedIn, standing.Phase);
    }

    [SeatPolicyProperty]
    public void Outside_its_term_a_contract_is_not_started_before_and_ended_after_unless_it_renews(ContractDay day)
    {
        var (term, date) = (day.Term, day.Date);
        var phase = term.StandingOn(date).Phase;

        if (date < term.Start)
        {
            Assert.Equal(ContractPhase.NotStarted, phase);
            Assert.False(term.AllowsDeletionOn(date));
        }
        else if (date > term.End && !term.AutoRenew)
        {
            Assert.Equal(ContractPhase.Ended, phase);
            Assert.True(term.AllowsDeletionOn(date));
        }
        else
        {
            Assert.True(phase is ContractPhase.LockedIn or ContractPhase.ExitWindow, $"{phase} inside a term");
        }
    }
}
