using System;
using System.Collections.Immutable;
using System.CommandLine;
using System.Linq;
using Kixie.SeatPolicy.Cli.Rendering;
using NodaTime;

namespace Kixie.SeatPolicy.Cli;

/// <summary><c>seatpolicy prorate</c>: one add charged under every convention side by side.</summary>
internal static partial class Program
{
    private static readonly Option<string> Price = new("--price") { Description = "the seat price for one period, e.g. 31.00", Required = true };

    private static readonly Option<string> CurrencyCode = new("--currency") { Description = "an ISO 4217 code, e.g. USD", Required = true };

    private static readonly Option<BillingCycle> Cycle = new("--cycle")
    {
        Description = "Monthly, Quarterly or Annual",
        Required = true,
        CustomParser = static result => Enum.TryParse<BillingCycle>(result.Tokens[0].Value, ignoreCase: false, out var cycle)
            && Enum.IsDefined(cycle) && !char.IsAsciiDigit(result.Tokens[0].Value[0])
            ? cycle
            : Refuse<BillingCycle>(result, $"--cycle: unknown billing cycle '{result.Tokens[0].Value}' (Monthly, Quarterly or Annual)"),
    };

    private static readonly Option<LocalDate> Anchor = new("--anchor") { Required = true, HelpName = "YYYY-MM-DD", Description = "the bill date every other is derived from", CustomParser = static result => ParseDate(result, "--anchor: ") };

    private static readonly Option<string> Zone = new("--zone") { Description = "the account's tzdb time zone", DefaultValueFactory = static _ => "UTC" };

    private static readonly Option<Instant> At = new("--at") { Required = true, Description = "the add's instant, ISO 8601 with Z or an offset", CustomParser = static result => ParseInstant(result, "--at: ") };

    private static Command ProrateCommand()
    {
        var prorate = new Command("prorate", "one add charged under every convention side by side: standard by day, 30E/360, by the second, Kill Bill, Lago")
        {
            Price, CurrencyCode, Cycle, Anchor, Zone, At, Format,
        };
        prorate.SetAction(parsed => Prorate(
            parsed.GetValue(Price)!, parsed.GetValue(CurrencyCode)!, parsed.GetValue(Cycle), parsed.GetValue(Anchor), parsed.GetValue(Zone)!, parsed.GetValue(At), parsed.GetValue(Format)));
        return prorate;
    }

    private static int Prorate(string priceText, string code, BillingCycle cycle, LocalDate anchor, string zoneId, Instant at, OutputFormat format)
    {
        if (!Currency.TryFromCode(code, out var currency))
        {
            return Usage($"--currency: '{code}' is not an active ISO 4217 code");
        }

        if (!Money.TryParse(priceText, currency, out var price) || price.IsNegative)
        {
            return Usage($"--price: '{priceText}' is not an amount of zero or more in {currency.Code} (exactly {currency.MinorDigits} minor digits)");
        }

        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) is not { } zone)
        {
            return Usage($"--zone: unknown time zone '{zoneId}'");
        }

        var calendar = new BillingCalendar(cycle, anchor);
        ImmutableArray<ProratedCharge> charges;
        try
        {
            charges = [.. ProrateReport.Conventions.Select(convention => Proration.Prorate(price, calendar, at, zone, convention))];
        }
        catch (ValueRefusedException refused) when (refused.Member == "at")
        {
            return Usage($"--at: {refused.Reason}");
        }

        return Emit(format, output: null, stream => ProrateReport.WriteJson(charges, stream), (writer, _) => ProrateReport.WriteTable(charges, writer));
    }
}
