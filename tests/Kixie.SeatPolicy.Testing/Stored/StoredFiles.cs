using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;

namespace Kixie.SeatPolicy.Testing.Stored;

/// <summary>
/// The files of <c>tests/data/stored/</c>: one JSON document a line, as the library wrote them from
/// <see cref="StoredHistories"/> (see the folder's README). Copied beside every test assembly that
/// references this project.
/// </summary>
public static class StoredFiles
{
    /// <summary>The lines of <c>tests/data/stored/NAME.jsonl</c>, in order.</summary>
    /// <param name="name">The file's name without <c>.jsonl</c>: <c>openings</c>, <c>commands</c>, <c>decisions</c>, <c>outcomes</c>, <c>events</c>, <c>accounts</c>, <c>invoices</c>, <c>next-bills</c>, <c>next-invoices</c>, <c>advice</c> or <c>postgres-rows</c>.</param>
    public static ImmutableArray<string> Lines(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "stored", name + ".jsonl");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The stored documents {path} are missing: tests/data/stored/{name}.jsonl is copied beside the tests by Kixie.SeatPolicy.Testing.csproj.", path);
        }

        return [.. File.ReadAllLines(path).Where(line => line.Length > 0)];
    }
}
