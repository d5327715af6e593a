using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Kixie.SeatPolicy.Cli.Scenarios;

/// <summary>
/// Where each value of a JSON text starts: a map from JSON path (<c>$.commands[3].type</c>) to its
/// 1-based line, so that a problem found later in the parsed document can name its line. Built by
/// one pass of <see cref="Utf8JsonReader"/>, which also finds syntax errors and where they are.
/// </summary>
internal sealed class JsonLineMap
{
    private readonly Dictionary<string, long> _lines;

    private JsonLineMap(Dictionary<string, long> lines)
    {
        _lines = lines;
    }

    /// <summary>
    /// Scans <paramref name="utf8"/>. Returns the map, or the syntax problem (not JSON, truncated,
    /// invalid UTF-8) with the path of the value being read and its line.
    /// </summary>
    /// <param name="utf8">The file's bytes, without a byte-order mark.</param>
    /// <param name="map">The map when the text is JSON.</param>
    /// <returns>Null when the text is JSON; otherwise the problem.</returns>
    public static ScenarioProblem? TryBuild(ReadOnlySpan<byte> utf8, out JsonLineMap map)
    {
        var lines = new Dictionary<string, long>(StringComparer.Ordinal);
        map = new JsonLineMap(lines);
        var frames = new List<Frame>();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        var lineCounter = new LineCounter(utf8);
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        frames[^1] = frames[^1] with { Name = reader.GetString(), AwaitingValue = true };
                        break;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        lines[StartValue(frames)] = lineCounter.LineAt(reader.TokenStartIndex);
                        frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray, -1, null, AwaitingValue: false));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        EndValue(frames);
                        break;
                    case JsonTokenType.String:
                        lines[StartValue(frames)] = lineCounter.LineAt(reader.TokenStartIndex);
                        _ = reader.GetString(); // validates the UTF-8 and escapes
                        EndValue(frames);
                        break;
                    default:
                        lines[StartValue(frames)] = lineCounter.LineAt(reader.TokenStartIndex);
                        EndValue(frames);
                        break;
                }
            }
        }
        catch (JsonException exception)
        {
            var line = exception.LineNumber is { } zeroBased ? zeroBased + 1 : (long?)null;
            var what = utf8.Trim(" \t\r\n"u8).IsEmpty
                ? "not JSON: the file is empty"
                : IsEndOfInput(exception)
                    ? "not JSON: the text ends before the JSON does (truncated)"
                    : "not JSON: " + Describe(exception);
            return new ScenarioProblem(PathOf(frames), what, line);
        }
        catch (InvalidOperationException)
        {
            // GetString on text that is not valid UTF-8.
            return new ScenarioProblem(PathOf(frames), "not JSON: the text is not valid UTF-8", lineCounter.LineAt(reader.TokenStartIndex));
        }

        return null;
    }

    /// <summary>The line of the value at <paramref name="path"/>, or of its nearest enclosing value the file has.</summary>
    /// <param name="path">A JSON path as the reader builds them.</param>
    /// <returns>The 1-based line, or null when not even the root is known.</returns>
    public long? LineOf(string path)
    {
        var current = path;
        while (true)
        {
            if (_lines.TryGetValue(current, out var line))
            {
                return line;
            }

            var cut = Math.Max(current.LastIndexOf('.'), current.LastIndexOf('['));
            if (cut <= 0)
            {
                return _lines.TryGetValue("$", out var root) ? root : null;
            }

            current = current[..cut];
        }
    }

    /// <summary>A path segment for a member: <c>.name</c>, or <c>['odd name']</c> when the name is not an identifier.</summary>
    /// <param name="name">The member's name.</param>
    /// <returns>The segment.</returns>
    public static string Member(string? name)
    {
        if (!string.IsNullOrEmpty(name) && (char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            var plain = true;
            foreach (var c in name)
            {
                plain &= char.IsAsciiLetterOrDigit(c) || c == '_';
            }

            if (plain)
            {
                return "." + name;
            }
        }

        return "['" + (name ?? string.Empty).Replace("'", "\\'", StringComparison.Ordinal) + "']";
    }

    /// <summary>A path segment for an array item: <c>[3]</c>.</summary>
    /// <param name="index">The 0-based index.</param>
    /// <returns>The segment.</returns>
    public static string Item(int index) => "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    private static bool IsEndOfInput(JsonException exception) =>
        exception.Message.Contains("end of the JSON payload", StringComparison.Ordinal)
        || exception.Message.Contains("end of data", StringComparison.Ordinal);

    /// <summary>The reader's message without its position suffix, which the caller prints as <c>(line N)</c>.</summary>
    private static string Describe(JsonException exception)
    {
        var message = exception.Message;
        var position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (position >= 0)
        {
            message = message[..position];
        }

        return message.ReplaceLineEndings(" ").Trim().TrimEnd('.');
    }

    private static string StartValue(List<Frame> frames)
    {
        if (frames.Count > 0 && frames[^1].IsArray)
        {
            frames[^1] = frames[^1] with { Index = frames[^1].Index + 1 };
        }

        return PathOf(frames);
    }

    /// <summary>After a value has ended, its member no longer belongs in the path of what is read next.</summary>
    private static void EndValue(List<Frame> frames)
    {
        if (frames.Count > 0)
        {
            frames[^1] = frames[^1] with { AwaitingValue = false };
        }
    }

    /// <summary>The path of the value being read: a member's name counts only until its value has started.</summary>
    private static string PathOf(List<Frame> frames)
    {
        var path = new StringBuilder("$");
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames[i];
            if (frame.IsArray)
            {
                if (frame.Index >= 0)
                {
                    path.Append(Item(frame.Index));
                }
            }
            else if (frame.Name is not null && frame.AwaitingValue)
            {
                path.Append(Member(frame.Name));
            }
        }

        return path.ToString();
    }

    /// <summary>One open object or array: for an array the index of its current item, for an object the member being read.</summary>
    private readonly record struct Frame(bool IsArray, int Index, string? Name, bool AwaitingValue);

    /// <summary>Counts line feeds up to a byte offset, moving forward only (tokens come in order).</summary>
    private ref struct LineCounter
    {
        private readonly ReadOnlySpan<byte> _text;
        private long _offset;
        private long _line;

        public LineCounter(ReadOnlySpan<byte> text)
        {
            _text = text;
            _offset = 0;
            _line = 1;
        }

        public long LineAt(long offset)
        {
            if (offset < _offset)
            {
                _offset = 0;
                _line = 1;
            }

            var end = Math.Min(offset, _text.Length);
            _line += _text[(int)_offset..(int)end].Count((byte)'\n');
            _offset = end;
            return _line;
        }
    }
}
