using System;
using System.Collections.Immutable;

namespace Kixie.SeatPolicy;

/// <summary>The field checks shared by account set-up and commands.</summary>
internal static class Validation
{
    private const string LocalPartSymbols = "!#$%&'*+/=?^_`{|}~-.";

    public static bool IsBlank(string? text) => string.IsNullOrWhiteSpace(text);

    public static bool IsRole(Role role) => role is Role.Agent or Role.Manager or Role.Admin;

    /// <summary>A plain address <c>local@domain.tld</c>: ASCII, no spaces, a dotted domain of letters, digits and hyphens.</summary>
    public static bool IsEmail(string? email)
    {
        if (email is null || email.Length > 254)
        {
            return false;
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at > 64 || at != email.LastIndexOf('@'))
        {
            return false;
        }

        var local = email.AsSpan(0, at);
        var domain = email.AsSpan(at + 1);
        return IsLocalPart(local) && IsDomain(domain);
    }

    /// <summary>E.164: <c>+</c>, a first digit 1–9, 7 to 15 digits in all.</summary>
    public static bool IsE164(string? number)
    {
        if (number is null || number.Length < 8 || number.Length > 16 || number[0] != '+' || number[1] is < '1' or > '9')
        {
            return false;
        }

        foreach (var c in number.AsSpan(1))
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Why <paramref name="assets"/> is malformed, or null when it is fine.</summary>
    public static (string Field, string? Value, string Reason)? AssetsProblem(SeatAssets? assets)
    {
        if (assets is null)
        {
            return null;
        }

        if (assets.DirectNumber is not null && !IsE164(assets.DirectNumber))
        {
            return ("directNumber", assets.DirectNumber, $"'{assets.DirectNumber}' is not an E.164 phone number (+, a digit 1-9, 7 to 15 digits)");
        }

        if (assets.CallerId is not null && !IsE164(assets.CallerId))
        {
            return ("callerId", assets.CallerId, $"'{assets.CallerId}' is not an E.164 phone number (+, a digit 1-9, 7 to 15 digits)");
        }

        if (HasBlank(assets.RingGroups))
        {
            return ("ringGroups", null, "a ring group name is blank");
        }

        return HasBlank(assets.Devices) ? ("devices", null, "a device name is blank") : null;
    }

    private static bool HasBlank(ImmutableArray<string> items)
    {
        if (items.IsDefault)
        {
            return false;
        }

        foreach (var item in items)
        {
            if (IsBlank(item))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLocalPart(ReadOnlySpan<char> local)
    {
        if (local.IsEmpty || local[0] == '.' || local[^1] == '.' || local.IndexOf("..", StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        foreach (var c in local)
        {
            if (!char.IsAsciiLetterOrDigit(c) && LocalPartSymbols.IndexOf(c, StringComparison.Ordinal) < 0)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDomain(ReadOnlySpan<char> domain)
    {
        if (domain.Length > 253 || domain.IndexOf('.') < 0)
        {
            return false;
        }

        while (!domain.IsEmpty)
        {
            var dot = domain.IndexOf('.');
            var label = dot < 0 ? domain : domain[..dot];
            if (!IsDomainLabel(label) || dot == domain.Length - 1)
            {
                return false;
            }

            domain = dot < 0 ? [] : domain[(dot + 1)..];
        }

        return true;
    }

    private static bool IsDomainLabel(ReadOnlySpan<char> label)
    {
        if (label.IsEmpty || label.Length > 63 || label[0] == '-' || label[^1] == '-')
        {
            return false;
        }

        foreach (var c in label)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }
}
