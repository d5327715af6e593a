using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Kixie.SeatPolicy.Json;

/// <summary>
/// A scenario: an account and the commands to run on it in order, with an optional title and
/// description. It is what a scenario file of the <c>seatpolicy</c> tool holds, in the package's one
/// dialect: the account as this package reads an <see cref="Account"/>, each command as it reads a
/// <see cref="SeatCommand"/> leniently (<see cref="SeatPolicyJson.LenientOptions"/>).
/// </summary>
/// <remarks>
/// <see cref="Read"/> reads the document's top level with System.Text.Json's reflection-based resolver,
/// like <see cref="SeatPolicyJson.Options"/>, so it is not meant for trimmed or native AOT applications.
/// </remarks>
public sealed class Scenario
{
    private Scenario(Account account, ImmutableArray<SeatCommand> commands, string? title, string? description) =>
        (Account, Commands, Title, Description) = (account, commands, title, description);

    /// <summary>The account the commands run on: version 0 unless the document gives a history.</summary>
    public Account Account { get; }

    /// <summary>The commands, in the order the document gives them.</summary>
    public ImmutableArray<SeatCommand> Commands { get; }

    /// <summary>The document's <c>title</c>, if any: what the scenario is called.</summary>
    public string? Title { get; }

    /// <summary>The document's <c>description</c>, if any: what the scenario shows.</summary>
    public string? Description { get; }

    /// <summary>
    /// Reads a scenario document: <c>{"account": …, "commands": […], "title"?, "description"?}</c>, UTF-8
    /// with or without a byte-order mark. Other top-level properties are ignored; a property given twice
    /// is refused at any depth. A command with one unreadable member is read as a
    /// <see cref="MalformedCommand"/>, which the policy answers with <see cref="InvalidCommand"/>.
    /// </summary>
    /// <param name="utf8">The document.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="SeatPolicyJsonException">
    /// The document is not a usable scenario. <see cref="SeatPolicyJsonException.FullPath"/> is where in the
    /// document the fault is (<c>$.account.seats[1].email</c>) and <see cref="SeatPolicyJsonException.Problem"/>
    /// what is wrong. Text that is not JSON is refused at System.Text.Json's path with its message (which
    /// names the line); its <see cref="JsonException"/>, with <c>LineNumber</c> and <c>BytePositionInLine</c>,
    /// is the inner exception.
    /// </exception>
    public static Scenario Read(ReadOnlySpan<byte> utf8)
    {
        utf8 = utf8.StartsWith("\uFEFF"u8) ? utf8[3..] : utf8;
        if (RepeatedTopLevelProperty(utf8) is { } repeated)
        {
            throw Node.RepeatedProperty("$", repeated);
        }

        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(utf8, SeatPolicyJson.LenientOptions);
        }
        catch (JsonException unreadable) when (unreadable is not SeatPolicyJsonException)
        {
            // System.Text.Json's own: not JSON, cut short, or a value of the wrong kind where it reads the document's shape.
            throw new SeatPolicyJsonException(unreadable.Path ?? "$", unreadable.Message.ReplaceLineEndings(" "), unreadable);
        }

        if (document is null)
        {
            throw new SeatPolicyJsonException("$", "expected an object with \"account\" and \"commands\", got null");
        }

        if (document.Account is null || document.Commands is null)
        {
            throw new SeatPolicyJsonException(document.Account is null ? "$.account" : "$.commands", "the required property is missing");
        }

        if (document.Commands.IndexOf(null) is var index and >= 0)
        {
            throw new SeatPolicyJsonException(string.Create(CultureInfo.InvariantCulture, $"$.commands[{index}]"), "expected a command object, got null");
        }

        return new Scenario(document.Account, [.. document.Commands!], document.Title, document.Description);
    }

    /// <summary>The first top-level property name given twice, or null; null too for text that is not JSON, which the deserializer then refuses with its own path.</summary>
    private static string? RepeatedTopLevelProperty(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                if (!seen.Add(name))
                {
                    return name;
                }

                reader.Read();
                reader.Skip();
            }
        }
        catch (Exception notJson) when (notJson is JsonException or InvalidOperationException)
        {
            // Not JSON, or a name that is not text (a lone surrogate): the deserializer refuses it with its path.
        }

        return null;
    }

    /// <summary>The document as System.Text.Json reads it; the account and every command through this package's converters.</summary>
    private sealed record Document(Account? Account, List<SeatCommand?>? Commands, string? Title, string? Description);
}
