using System;
using System.Text.Json;

namespace Kixie.SeatPolicy.Json;

/// <summary>
/// <see cref="ContractTerm"/> as <c>{"start":"2026-01-01","end":"2026-12-31","lockInDays":30,"autoRenew":false}</c>;
/// <c>lockInDays</c> (30) and <c>autoRenew</c> (false) may be left out.
/// </summary>
internal static class ContractTermJson
{
    private static readonly string[] Names = ["start", "end", "lockInDays", "autoRenew"];

    public static void Write(Utf8JsonWriter writer, ContractTerm value)
    {
        writer.WriteStartObject();
        writer.WriteDate("start", value.Start);
        writer.WriteDate("end", value.End);
        writer.WriteNumber("lockInDays", value.LockInDays);
        writer.WriteBoolean("autoRenew", value.AutoRenew);
        writer.WriteEndObject();
    }

    public static ContractTerm Read(Node node)
    {
        var term = node.Object("a contract term", Names);
        var start = term.Required("start").LocalDate();
        var end = term.Required("end").LocalDate();
        var lockInDays = term.Optional("lockInDays")?.Int32() ?? ContractTerm.DefaultLockInDays;
        var autoRenew = term.Optional("autoRenew")?.Boolean() ?? false;
        try
        {
            return new ContractTerm(start, end, lockInDays, autoRenew);
        }
        catch (ValueRefusedException refused)
        {
            throw term.FailAt(refused.Member, refused.Reason, refused);
        }
        catch (OverflowException exception)
        {
            // The term's length is found from the day after its end, which NodaTime cannot give for its last date.
            throw term.Fail(exception.Message, exception);
        }
    }
}
