using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Kixie.SeatPolicy.Cli.Tests;

/// <summary>
/// The demo page in a real browser: Debian's Chromium, headless, renders it to
/// <c>artifacts/demo-timeline.png</c> and dumps the DOM it built. Fails (never skips) without Chromium.
/// </summary>
public sealed class HtmlBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Demo_Html_RendersInHeadlessChromium()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install it with `apt-get install -y chromium` (.ci/run does this on a fresh machine).");
        var artifacts = Directory.CreateDirectory(Path.Combine(SeatPolicyTool.RepositoryRoot, "artifacts")).FullName;
        var page = Path.Combine(artifacts, "demo-timeline.html");
        var png = Path.Combine(artifacts, "demo-timeline.png");
        File.Delete(png);
        var render = await SeatPolicyTool.RunAsync("demo", "--format", "html", "--output", page);
        Assert.True(render.ExitCode == 0, render.Stderr);

        await RunChromiumAsync($"--screenshot={png}", "--window-size=1280,2000", new Uri(page).AbsoluteUri);
        var dom = await RunChromiumAsync("--dump-dom", new Uri(page).AbsoluteUri);

        var bytes = File.ReadAllBytes(png);
        Assert.True(bytes.Length > 20_000, $"the screenshot is only {bytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        Assert.Equal(1280, ReadBigEndian(bytes, 16)); // IHDR width
        Assert.Contains("<svg", dom, StringComparison.Ordinal);
        Assert.Equal(3, HtmlReportTests.Svgs(dom).Count); // one timeline per demo scenario
        var json = JsonDocument.Parse((await SeatPolicyTool.RunAsync("demo", "--format", "json")).Stdout).RootElement;
        var totals = json.GetProperty("scenarios").EnumerateArray().Select(s => s.GetProperty("report"))
            .SelectMany(r => r.GetProperty("invoices").EnumerateArray().Append(r.GetProperty("nextBill")))
            .Select(i => i.GetProperty("total").GetString()!)
            .ToList();
        Assert.NotEmpty(totals);
        Assert.All(totals, total => Assert.Contains(total, dom, StringComparison.Ordinal));
    }

    private static int ReadBigEndian(byte[] bytes, int at) => (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];

    /// <summary>Runs headless Chromium with the flags a closed, root-run machine needs and a fresh profile; returns standard output.</summary>
    private static async Task<string> RunChromiumAsync(params string[] args)
    {
        var profile = Directory.CreateTempSubdirectory("seatpolicy-chromium-");
        try
        {
            var start = new ProcessStartInfo(Chromium) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var flag in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", $"--user-data-dir={profile.FullName}" }.Concat(args))
            {
                start.ArgumentList.Add(flag);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start chromium.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            Assert.True(process.ExitCode == 0, $"chromium exited {process.ExitCode}: {await stderr}");
            return await stdout;
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
