namespace Kixie.SeatPolicy;

/// <summary>
/// The choices a provider makes about its turnover policy, with the rulebook's defaults. The
/// lock-in window's length belongs to each <see cref="ContractTerm"/> (default 30 days) and the
/// proration convention to each <see cref="Account"/> (default whole actual days, half away from zero).
/// </summary>
public sealed record PolicyOptions
{
    /// <summary>The rulebook's defaults: deletion only through support.</summary>
    public static PolicyOptions Default { get; } = new();

    /// <summary>
    /// Whether Admins and Managers may delete seats themselves where deletion is allowed (a
    /// contract's exit window, or out of contract). Off by default: they get
    /// <see cref="DeletionRequiresSupport"/> and only support deletes.
    /// </summary>
    public bool SelfServeDeletion { get; init; }

    /// <summary>How an admin reaches support, as a <see cref="DeletionRequiresSupport"/> outcome tells them.</summary>
    public string SupportContact { get; init; } =
        "ask your account manager or the support team (live chat, or email support@kixie.com)";
}
