using System.IO.Compression;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HwForge.WebUI.Tests;

/// <summary>User stories in a real browser against the real server, offline catalog, real EDA tools.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ChatInTheBrowserTests(Browser browser, OfflineServer fixture) : IClassFixture<OfflineServer>
{
    private readonly WebUiServer _server = fixture.Server;

    // Records every update of the live view (the circuit patches what changed, anywhere inside it): whether it was
    // running and which stages it showed.
    private const string WatchLiveView = """
        window.__swaps = [];
        document.addEventListener("DOMContentLoaded", () => {
          // The circuit replaces the prerendered view once when it starts, so the view is looked up at each change.
          const main = document.querySelector("main");
          if (!main || !document.getElementById("run-view")) return;
          const note = () => {
            const view = document.getElementById("run-view");
            if (view) window.__swaps.push({
              phase: view.querySelector(".run")?.dataset.phase,
              stages: [...view.querySelectorAll("li.step[data-type=stage]")].map(li => li.dataset.stage) });
          };
          note();
          new MutationObserver(note).observe(main, { childList: true, subtree: true, characterData: true });
        });
        """;

    [Fact]
    public async Task I_ask_for_an_8_bit_adder_watch_the_steps_arrive_live_and_download_the_verified_design()
    {
        var page = await browser.NewSessionAsync(_server.BaseUrl);
        var dialogs = 0;
        page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
        await page.AddInitScriptAsync(WatchLiveView);
        await page.GotoAsync("/");
        await Expect(page.GetByTestId("design-source")).ToContainTextAsync("offline catalog");

        await page.GetByLabel("What should HwForge build?").FillAsync("an 8-bit adder");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        await page.WaitForURLAsync("**/runs/**");
        await Expect(page.GetByLabel("Your request")).ToHaveTextAsync("an 8-bit adder");
        // The verdict, the PPA table and the plot arrive without a reload.
        await Expect(page.GetByTestId("run-status")).ToContainTextAsync("Verified", new() { Timeout = 120_000 });
        var table = page.GetByTestId("ppa-table");
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(3); // the reference, then the two candidates
        await Expect(page.GetByTestId("baseline-row")).ToContainTextAsync("reference");
        await Expect(table.Locator("span.delta").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^ \([+\u2212]\d"));
        await Expect(table).ToContainTextAsync("verified");
        await Expect(table.Locator("thead")).ToContainTextAsync("Area µm²");
        Assert.Matches(@"\d", await table.Locator("tbody tr >> nth=1 >> td >> nth=4").InnerTextAsync()); // an area figure
        await Expect(page.Locator("figure.pareto g.point.on")).Not.ToHaveCountAsync(0);
        await Expect(page.Locator("details[open] pre.code span.kw").First).ToHaveTextAsync("module");

        // Steps were on screen while the run was still going: the live view, not a page at the end.
        var swaps = await page.EvaluateAsync<Swap[]>("window.__swaps");
        Assert.Contains(swaps, s => s.Phase == "running" && s.Stages.Contains("generate"));
        Assert.Contains(swaps, s => s.Phase == "verified");

        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("verified-8-bit-adder.png"), FullPage = true });

        // The plot's axes are the reader's to choose (three objectives measured): power against delay, then back.
        await Expect(page.Locator("#pareto-title")).ToHaveTextAsync("Area against delay of the verified (proven) candidates");
        await page.GetByTestId("plot-y").SelectOptionAsync("power");
        await Expect(page.Locator("#pareto-title")).ToHaveTextAsync("Power against delay of the verified (proven) candidates");
        await page.GetByTestId("plot-x").SelectOptionAsync("power"); // the same objective on both: the axes swap
        await Expect(page.Locator("#pareto-title")).ToHaveTextAsync("Delay against power of the verified (proven) candidates");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download design and reports (.zip)" }).ClickAsync());
        var zipPath = Path.Combine(_server.Home.Root, "download.zip");
        await download.SaveAsAsync(zipPath);
        var runId = new Uri(page.Url).Segments.Last().TrimEnd('/');
        using (var zip = ZipFile.OpenRead(zipPath))
        {
            var names = zip.Entries.Select(e => e.FullName).ToList();
            // One top folder named after the run, so two downloads unpacked side by side never mix.
            Assert.All(names, n => Assert.StartsWith($"{runId}/", n));
            Assert.Contains($"{runId}/final/design.v", names);
            Assert.Contains($"{runId}/report.md", names);
            Assert.Contains($"{runId}/report.json", names);
            Assert.Contains(names, n => n.StartsWith($"{runId}/spec/", StringComparison.Ordinal));
            Assert.Contains(names, n => n.StartsWith($"{runId}/candidates/c001/", StringComparison.Ordinal) && n.EndsWith("verify.json", StringComparison.Ordinal));
            using var design = new StreamReader(zip.GetEntry($"{runId}/final/design.v")!.Open());
            Assert.Contains("module", await design.ReadToEndAsync());
            // The reference beside the design, and what the design was measured on: Yosys's netlist and OpenSTA's report.
            Assert.Contains(names, n => n.StartsWith($"{runId}/final/", StringComparison.Ordinal) && n.EndsWith(".v", StringComparison.Ordinal)
                && !n.EndsWith("/design.v", StringComparison.Ordinal) && !n.Contains("/measured/", StringComparison.Ordinal));
            using var netlist = new StreamReader(zip.GetEntry($"{runId}/final/measured/netlist.v")!.Open());
            Assert.Matches(@"module\s+\w+", await netlist.ReadToEndAsync());
            using var sta = new StreamReader(zip.GetEntry($"{runId}/final/measured/sta.txt")!.Open());
            Assert.Contains("slack", await sta.ReadToEndAsync(), StringComparison.OrdinalIgnoreCase);
        }

        // The run is in this session's history.
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Your runs" })).ToContainTextAsync("an 8-bit adder");
        Assert.Equal(0, dialogs);
    }

    public sealed class Swap
    {
        public string? Phase { get; set; }

        public string[] Stages { get; set; } = [];
    }
}
