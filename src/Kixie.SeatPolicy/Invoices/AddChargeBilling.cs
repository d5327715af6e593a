namespace Kixie.SeatPolicy;

/// <summary>
/// When an account's add charges (the prorated charge of every accepted <see cref="AddAgent"/>) are
/// invoiced: an account term, set when the account is opened (<see cref="Account.Open"/>), like its
/// calendar. The charge itself is the same either way; only the invoice that carries it differs.
/// </summary>
public enum AddChargeBilling
{
    /// <summary>
    /// Invoiced at once, as the article says: every accepted add gets an <see cref="InvoiceKind.Add"/>
    /// invoice of its own, dated the add's local date, with its one add line. The default.
    /// </summary>
    Immediately = 0,

    /// <summary>
    /// Collected on the next bill, as Stripe's default proration behaviour does: the
    /// <see cref="InvoiceKind.Bill"/> invoice of bill date <c>D</c> carries, after its seat lines, one
    /// add line for every add whose local date lies in <c>[previous bill date, D)</c>.
    /// </summary>
    OnNextBill = 1,
}
