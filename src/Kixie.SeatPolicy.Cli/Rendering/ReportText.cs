using System;
using System.Globalization;
using System.IO;
using NodaTime;
using NodaTime.Text;

namespace Kixie.SeatPolicy.Cli.Rendering;

/// <summary>The words every format shows the same way: dates, a seat's status and role, an account's terms, a verdict.</summary>
internal static class ReportText
{
    /// <summary>Marks a replayed command's outcome.</summary>
    public const string Replay = " (replay)";

    /// <summary>A local date as <c>yyyy-MM-dd</c>.</summary>
    public static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    /// <summary>An instant as ISO 8601 in UTC.</summary>
    public static string Iso(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    /// <summary><c>Occupied</c> or <c>Vacant</c>.</summary>
    public static string Status(Seat seat) => seat.IsOccupied ? "Occupied" : "Vacant";

    /// <summary>The occupant's role, or the last role of a vacant seat.</summary>
    public static string SeatRole(Seat seat) => (seat.Occupant?.Role ?? seat.LastRole).ToString();

    /// <summary>The outcome's kind, marked when replayed.</summary>
    public static string Outcome(CommandResult result) => result.Outcome.Kind + (result.Replayed ? Replay : string.Empty);

    /// <summary>A count and its noun, plural unless one: <c>3 seats</c>.</summary>
    public static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");

    /// <summary>The account's terms: <c>Account acme: UTC, 30.00 USD per seat, billed …, no contract</c>.</summary>
    public static string Terms(Account account) =>
        $"Account {account.Id}: {account.TimeZone.Id}, {account.SeatPrice} {account.Currency.Code} per seat, billed {account.Billing}, "
        + (account.Contract is { } contract ? $"contract {contract}" : "no contract");

    /// <summary>A text file embedded in the tool (<c>Demo/*.txt</c>, <c>Rendering/*.css</c>), without its final line break.</summary>
    /// <exception cref="InvalidOperationException">The file is not embedded (a build error).</exception>
    public static string Embedded(string name)
    {
        using var stream = typeof(ReportText).Assembly.GetManifestResourceStream("Kixie.SeatPolicy.Cli." + name)
            ?? throw new InvalidOperationException($"{name} is not embedded in the tool.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n").TrimEnd('\n');
    }
}
