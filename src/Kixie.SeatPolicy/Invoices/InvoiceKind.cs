namespace Kixie.SeatPolicy;

/// <summary>What an <see cref="Invoice"/> bills.</summary>
public enum InvoiceKind
{
    /// <summary>
    /// The invoice of a bill date: one seat line per seat that exists at the end of the day before,
    /// and, with <see cref="AddChargeBilling.OnNextBill"/>, the add lines it collects. The default.
    /// </summary>
    Bill = 0,

    /// <summary>The invoice of one accepted add, dated its local date (only with <see cref="AddChargeBilling.Immediately"/>).</summary>
    Add = 1,
}

/// <summary>What an <see cref="InvoiceLine"/> charges for.</summary>
public enum InvoiceLineKind
{
    /// <summary>A seat for one whole billing period, at the full seat price. The default.</summary>
    Seat = 0,

    /// <summary>The prorated charge of an add, for the rest of the period it was added in.</summary>
    Add = 1,

    /// <summary>The prorated charge of an upgrade (rulebook §13): the price difference for the rest of the period it was made in.</summary>
    Upgrade = 2,
}
