using System;
using Kixie.SeatPolicy.Orleans.Sample;

return await SampleProgram.RunAsync(args, Console.Out);
