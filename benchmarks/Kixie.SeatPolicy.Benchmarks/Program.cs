using Kixie.SeatPolicy.Benchmarks;

// `-- allocations` prints this process's exact bytes per command (see AllocationSpread); anything else
// goes to BenchmarkDotNet, and the exit code is 1 when a benchmark failed.
if (args is ["allocations"])
{
    return AllocationSpread.Run();
}

return BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Fixtures).Assembly).Run(args)
    .Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success)) ? 1 : 0;
