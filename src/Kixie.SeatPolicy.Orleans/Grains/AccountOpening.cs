using Orleans;

namespace Kixie.SeatPolicy.Orleans;

/// <summary>What became of <see cref="IAccountGrain.OpenAsync"/>. The default is <see cref="Opened"/>.</summary>
[Alias("kixie.seat-policy.AccountOpening")]
public enum AccountOpening
{
    /// <summary>The account was opened: its terms and initial seats are stored as version 0.</summary>
    Opened = 0,

    /// <summary>An account with this id was already open: nothing was written, and its terms were kept as they were.</summary>
    AlreadyOpen = 1,
}
