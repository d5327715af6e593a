namespace Kixie.SeatPolicy;

/// <summary>How often an account is billed. The value of each member is its length in months.</summary>
public enum BillingCycle
{
    /// <summary>Billed every month. The default.</summary>
    Monthly = 1,

    /// <summary>Billed every three months.</summary>
    Quarterly = 3,

    /// <summary>Billed every twelve months.</summary>
    Annual = 12,
}
