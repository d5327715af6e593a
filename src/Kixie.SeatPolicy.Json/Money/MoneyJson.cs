using System.Text.Json;

namespace Kixie.SeatPolicy.Json;

/// <summary>
/// <see cref="Money"/> as <c>{"amount":"14.52","currency":"USD"}</c>: the amount a string with exactly
/// the currency's minor digits (never a JSON number, so no digit is ever lost), and
/// <see cref="Currency"/> as its ISO code.
/// </summary>
internal static class MoneyJson
{
    private static readonly string[] Names = ["amount", "currency"];

    /// <summary>The code of <c>default(Currency)</c>, "no currency", which reads back as that default.</summary>
    private const string NoCurrency = "XXX";

    public static void Write(Utf8JsonWriter writer, Money value)
    {
        writer.WriteStartObject();
        writer.WriteString("amount", value.ToString());
        writer.WriteString("currency", value.Currency.Code);
        writer.WriteEndObject();
    }

    public static Money Read(Node node)
    {
        var money = node.Object("money", Names);
        var currency = ReadCurrency(money.Required("currency"));
        return ReadAmount(money.Required("amount"), currency);
    }

    /// <summary>An amount written as text with exactly the currency's minor digits, e.g. <c>"14.52"</c>.</summary>
    public static Money ReadAmount(Node amountNode, Currency currency)
    {
        var amount = amountNode.String();
        if (Money.TryParse(amount, currency, out var value))
        {
            return value;
        }

        // Money.TryParse cannot read the one amount whose magnitude exceeds long.MaxValue minor units.
        var smallest = Money.FromMinorUnits(long.MinValue, currency);
        return amount == smallest.ToString()
            ? smallest
            : throw amountNode.Fail($"'{amount}' is not an amount in {currency.Code} (expected exactly {currency.MinorDigits} minor digits, e.g. {Money.FromMinorUnits(1452, currency)})");
    }

    public static void WriteCurrency(Utf8JsonWriter writer, Currency value) => writer.WriteStringValue(value.Code);

    public static Currency ReadCurrency(Node node)
    {
        var code = node.String();
        if (Currency.TryFromCode(code, out var currency))
        {
            return currency;
        }

        return code == NoCurrency
            ? default
            : throw node.Fail($"'{code}' is not an active ISO 4217 currency code (e.g. USD, EUR, JPY)");
    }
}
