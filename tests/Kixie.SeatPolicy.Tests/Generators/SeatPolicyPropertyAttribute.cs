using System;
using FsCheck.Xunit;

namespace Kixie.SeatPolicy.Tests.Generators;

/// <summary>
/// An FsCheck property that draws its inputs from <see cref="SeatPolicyArbitraries"/> (and the policy
/// engine's <see cref="EngineArbitraries"/>) and runs at least
/// 1,000 cases. Use it instead of <see cref="PropertyAttribute"/> everywhere in this project.
/// </summary>
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
}
