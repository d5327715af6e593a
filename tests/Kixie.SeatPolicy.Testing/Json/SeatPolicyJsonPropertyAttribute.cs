using System;
using FsCheck.Xunit;

namespace Kixie.SeatPolicy.Json.Tests.Generators;

/// <summary>
/// An FsCheck property that draws its inputs from <see cref="JsonArbitraries"/> and runs
/// <see cref="Cases"/> cases. Use it instead of <see cref="PropertyAttribute"/> everywhere in this project.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SeatPolicyJsonPropertyAttribute : PropertyAttribute
{
    /// <summary>The number of cases every property runs.</summary>
    public const int Cases = 300;

    public SeatPolicyJsonPropertyAttribute()
    {
        Arbitrary = [typeof(JsonArbitraries)];
        MaxTest = Cases;
        QuietOnSuccess = true;
    }
}
