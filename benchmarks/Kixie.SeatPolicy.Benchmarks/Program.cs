BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Kixie.SeatPolicy.Benchmarks.Fixtures).Assembly).Run(args);
