using System;
using NodaTime;
using Xunit;

namespace Kixie.SeatPolicy.Tests;

public sealed class ContractTermTests
{
    private static LocalDate D(int year, int month, int day) => new(year, month, day);

    private static ContractTerm Year2026(int lockInDays = ContractTerm.DefaultLockInDays, bool autoRenew = false) =>
        new(D(2026, 1, 1), D(2026, 12, 31), lockInDays, autoRenew);

    [Fact]
    public void Constructor_DefaultLockIn_Is30DaysWithoutRenewal()
    {
        var term = new ContractTerm(D(2026, 1, 1), D(2026, 12, 31));

        Assert.Equal(30, term.LockInDays);
        Assert.False(term.AutoRenew);
        Assert.Equal(12, term.Months);
        Assert.Equal("2026-01-01..2026-12-31 (lock-in 30 days)", term.ToString());
    }

    [Fact]
    public void StandingOn_TermEndingDec31_OpensTheWindowOnDec2()
    {
        // Spec §6: term ending 2026-12-31, last 30 days: end − 29 ≤ d ≤ end, from 2026-12-02.
        var term = Year2026();

        var before = term.StandingOn(D(2026, 12, 1));
        var first = term.StandingOn(D(2026, 12, 2));
        var last = term.StandingOn(D(2026, 12, 31));

        Assert.Equal(ContractPhase.LockedIn, before.Phase);
        Assert.Equal(ContractPhase.ExitWindow, first.Phase);
        Assert.Equal(ContractPhase.ExitWindow, last.Phase);
        Assert.Equal(D(2026, 12, 2), first.WindowOpens);
        Assert.Equal(new ContractStanding(ContractPhase.ExitWindow, D(2026, 1, 1), D(2026, 12, 31), D(2026, 12, 2)), first);
        Assert.False(term.AllowsDeletionOn(D(2026, 12, 1)));
        Assert.True(term.AllowsDeletionOn(D(2026, 12, 2)));
    }

    [Fact]
    public void StandingOn_FirstDayOfTerm_IsLockedIn()
    {
        var standing = Year2026().StandingOn(D(2026, 1, 1));

        Assert.Equal(ContractPhase.LockedIn, standing.Phase);
        Assert.False(Year2026().AllowsDeletionOn(D(2026, 1, 1)));
    }

    [Fact]
    public void StandingOn_BeforeTheStart_IsNotStartedAndBlocksDeletion()
    {
        var standing = Year2026().StandingOn(D(2025, 12, 31));

        Assert.Equal(ContractPhase.NotStarted, standing.Phase);
        Assert.Equal(D(2026, 1, 1), standing.TermStart);
        Assert.False(Year2026().AllowsDeletionOn(D(2025, 12, 31)));
    }

    [Theory]
    [InlineData(60, 2026, 11, 2)]
    [InlineData(1, 2026, 12, 31)]
    [InlineData(31, 2026, 12, 1)]
    public void StandingOn_CustomLockInDays_OpensTheWindowThatManyDaysBeforeTheEnd(int lockInDays, int year, int month, int day)
    {
        var term = Year2026(lockInDays);
        var opens = D(year, month, day);

        Assert.Equal(ContractPhase.LockedIn, term.StandingOn(opens.PlusDays(-1)).Phase);
        Assert.Equal(ContractPhase.ExitWindow, term.StandingOn(opens).Phase);
        Assert.Equal(opens, term.StandingOn(opens).WindowOpens);
    }

    [Fact]
    public void StandingOn_ZeroLockInDays_NeverOpensAWindow()
    {
        var term = Year2026(lockInDays: 0);

        Assert.Equal(ContractPhase.LockedIn, term.StandingOn(D(2026, 12, 31)).Phase);
        Assert.Equal(D(2027, 1, 1), term.StandingOn(D(2026, 12, 31)).WindowOpens);
    }

    [Fact]
    public void StandingOn_LockInLongerThanTheTerm_IsAnExitWindowThroughout()
    {
        var term = new ContractTerm(D(2026, 1, 1), D(2026, 1, 10), lockInDays: 30);

        Assert.Equal(ContractPhase.ExitWindow, term.StandingOn(D(2026, 1, 1)).Phase);
        Assert.Null(term.Months);
    }

    [Fact]
    public void StandingOn_AfterAnAutoRenewingTerm_StartsTheNext12MonthTermAndLocksInAgain()
    {
        var term = Year2026(autoRenew: true);

        var renewed = term.StandingOn(D(2027, 1, 1));

        Assert.Equal(ContractPhase.LockedIn, renewed.Phase);
        Assert.Equal(D(2027, 1, 1), renewed.TermStart);
        Assert.Equal(D(2027, 12, 31), renewed.TermEnd);
        Assert.Equal(D(2027, 12, 2), renewed.WindowOpens);
        Assert.False(term.AllowsDeletionOn(D(2027, 1, 1)));
        Assert.Equal(ContractPhase.LockedIn, term.StandingOn(D(2027, 12, 1)).Phase);
        Assert.Equal(ContractPhase.ExitWindow, term.StandingOn(D(2027, 12, 2)).Phase);
        Assert.Equal(ContractPhase.ExitWindow, term.StandingOn(D(2027, 12, 31)).Phase);
        Assert.Equal(D(2028, 1, 1), term.StandingOn(D(2028, 1, 1)).TermStart);
        Assert.Equal("2026-01-01..2026-12-31 (lock-in 30 days, renews)", term.ToString());
    }

    [Fact]
    public void StandingOn_RenewalsOfAMonthlyTermFromThe31st_DeriveFromTheStart()
    {
        // 2026-01-31..2026-02-27 is one month; renewals run from Feb 28, Mar 31, Apr 30, … (never drifting to the 28th).
        var term = new ContractTerm(D(2026, 1, 31), D(2026, 2, 27), lockInDays: 5, autoRenew: true);

        Assert.Equal(1, term.Months);
        Assert.Equal((D(2026, 2, 28), D(2026, 3, 30)), Span(term.StandingOn(D(2026, 3, 15))));
        Assert.Equal((D(2026, 3, 31), D(2026, 4, 29)), Span(term.StandingOn(D(2026, 4, 1))));
        Assert.Equal((D(2026, 4, 30), D(2026, 5, 30)), Span(term.StandingOn(D(2026, 5, 30))));

        static (LocalDate Start, LocalDate End) Span(ContractStanding standing) => (standing.TermStart, standing.TermEnd);
    }

    [Fact]
    public void StandingOn_AfterAnUnrenewedEnd_IsEndedAndAllowsDeletion()
    {
        var term = Year2026();

        var standing = term.StandingOn(D(2027, 1, 1));

        Assert.Equal(ContractPhase.Ended, standing.Phase);
        Assert.Equal(D(2026, 12, 31), standing.TermEnd);
        Assert.True(term.AllowsDeletionOn(D(2027, 1, 1)));
        Assert.Equal(ContractPhase.Ended, term.StandingOn(D(2030, 6, 1)).Phase);
    }

    [Fact]
    public void Equality_SameTerms_IsEqual()
    {
        Assert.Equal(Year2026(), Year2026());
        Assert.Equal(Year2026().GetHashCode(), Year2026().GetHashCode());
        Assert.NotEqual(Year2026(), Year2026(lockInDays: 31));
        Assert.NotEqual(Year2026(), Year2026(autoRenew: true));
        Assert.False(Year2026().Equals(null));
    }

    [Fact]
    public void Constructor_AutoRenewWithPartialMonth_ThrowsValueRefusedExceptionNamingAutoRenew()
    {
        var exception = Assert.Throws<ValueRefusedException>(() => new ContractTerm(D(2026, 1, 1), D(2026, 12, 30), autoRenew: true));

        Assert.Equal(("autoRenew", "autoRenew", (object?)true), (exception.ParamName, exception.Member, exception.Value));
    }

    [Fact]
    public void Constructor_PartialMonthWithoutRenewal_IsAllowed()
    {
        var term = new ContractTerm(D(2026, 1, 1), D(2026, 12, 30));

        Assert.Null(term.Months);
    }

    [Fact]
    public void Constructor_EndBeforeStart_ThrowsValueRefusedExceptionNamingEnd()
    {
        var exception = Assert.Throws<ValueRefusedException>(() => new ContractTerm(D(2026, 1, 1), D(2025, 12, 31)));

        Assert.Equal(("end", "end", (object?)D(2025, 12, 31)), (exception.ParamName, exception.Member, exception.Value));
        Assert.Equal("the contract ends (2025-12-31) before it starts (2026-01-01)", exception.Reason);
    }

    [Fact]
    public void Constructor_OneDayTerm_IsAllowed()
    {
        var term = new ContractTerm(D(2026, 1, 1), D(2026, 1, 1), lockInDays: 1);

        Assert.Equal(ContractPhase.ExitWindow, term.StandingOn(D(2026, 1, 1)).Phase);
    }

    [Fact]
    public void Constructor_NegativeLockInDays_ThrowsArgumentExceptionNamingLockInDays()
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => Year2026(lockInDays: -1));

        Assert.Equal("lockInDays", exception.ParamName);
    }

    [Fact]
    public void Constructor_NegativeLockInDays_ThrowsValueRefusedExceptionNamingLockInDays()
    {
        var exception = Assert.Throws<ValueRefusedException>(() => Year2026(lockInDays: -1));

        Assert.Equal(("lockInDays", (object?)(-1)), (exception.Member, exception.Value));
    }

    [Fact]
    public void StandingOn_HugeLockInDays_IsAnExitWindowWithoutThrowing()
    {
        var term = Year2026(lockInDays: 10_000_000);

        Assert.Equal(ContractPhase.ExitWindow, term.StandingOn(D(2026, 6, 1)).Phase);
    }
}
