namespace Kixie.SeatPolicy.Benchmarks;

/// <summary>
/// The bytes one decision plus application allocates on the 100,000-seat account of
/// <see cref="TurnoverBenchmarks"/>, counted exactly with <see cref="GC.GetAllocatedBytesForCurrentThread"/>.
/// String hashes are randomized per process, so which trie slots a new seat id and email land in (and
/// so how many nodes an Add copies) changes from process to process; one BenchmarkDotNet run sees one
/// process. Running this mode in several processes shows the spread. Bytes only: speed is measured by
/// the benchmarks.
/// </summary>
public static class AllocationSpread
{
    private const int Calls = 1_000;

    /// <summary>Prints, for each command, the bytes one call allocates in this process.</summary>
    /// <returns>The exit code: 0.</returns>
    public static int Run()
    {
        var turnover = new TurnoverBenchmarks { Seats = 100_000 };
        turnover.Setup();
        var commands = new (string Name, Func<Account> Call)[]
        {
            ("Add", turnover.Add),
            ("Replace", turnover.Replace),
            ("Deactivate", turnover.Deactivate),
            ("Update", turnover.Update),
            ("Delete", turnover.Delete),
        };

        foreach (var (name, call) in commands)
        {
            // Let tiered compilation settle first: early tiers may allocate what the final code does not.
            Repeat(call, 20_000);
            Thread.Sleep(250);
            Repeat(call, 20_000);

            var before = GC.GetAllocatedBytesForCurrentThread();
            Repeat(call, Calls);
            var bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Calls;
            Console.WriteLine($"{name,-10} {bytes,8:N1} B");
        }

        return 0;
    }

    private static void Repeat(Func<Account> call, int times)
    {
        for (var i = 0; i < times; i++)
        {
            call();
        }
    }
}
