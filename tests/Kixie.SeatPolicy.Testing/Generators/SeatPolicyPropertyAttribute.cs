using System;
using System.Globalization;
using FsCheck.Xunit;

namespace Kixie.SeatPolicy.Tests.Generators;

/// <summary>
/// An FsCheck property that draws its inputs from <see cref="SeatPolicyArbitraries"/> (and the policy
/// engine's <see cref="EngineArbitraries"/>) and runs at least
/// 1,000 cases. Use it instead of <see cref="PropertyAttribute"/> everywhere in this project.
/// </summary>
/// <remarks>
/// Mutation testing runs the suite once per mutant; there, and only there, the environment variable
/// <c>KIXIE_PROPERTY_CASES_DIVISOR</c> (see docs/mutation-testing.md) divides every property's case
/// count, never below 100. Unset, every property runs its full count.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SeatPolicyPropertyAttribute : PropertyAttribute
{
    /// <summary>The number of cases every property runs.</summary>
    public const int Cases = 1_000;

    public SeatPolicyPropertyAttribute()
    {
        Arbitrary = [typeof(SeatPolicyArbitraries), typeof(EngineArbitraries)];
        MaxTest = Cases;
        QuietOnSuccess = true;
    }

    /// <summary>How many cases the property runs (divided only for mutation runs, see the remarks).</summary>
    public new int MaxTest
    {
        get => base.MaxTest;
        set => base.MaxTest = Scaled(value);
    }

    private static int Scaled(int cases) =>
        int.TryParse(Environment.GetEnvironmentVariable("KIXIE_PROPERTY_CASES_DIVISOR"), NumberStyles.None, CultureInfo.InvariantCulture, out var divisor) && divisor > 1
            ? Math.Max(100, cases / divisor)
            : cases;
}
