using System.Text.Json;
using Parallax.Nlp.Events;
using Parallax.Storage.Sqlite;
using Parallax.Testing;
using Parallax.Text;

namespace Parallax.Cli.Tests;

/// <summary><c>parallax alerts</c> and <c>parallax rules check</c> over the shipped example rules.</summary>
public sealed class AlertsCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();
    private static string ExampleRules => Path.Combine(SharedData.RepoRoot!, "examples", "rules");

    public void Dispose() => _cli.Dispose();

    private void InstallExampleRules()
    {
        var target = Path.Combine(_cli.DataDir, "rules");
        Directory.CreateDirectory(Path.Combine(target, "zones"));
        foreach (var f in Directory.GetFiles(ExampleRules, "*", SearchOption.AllDirectories))
            File.Copy(f, Path.Combine(target, Path.GetRelativePath(ExampleRules, f)));
    }

    /// <summary>Stores an article whose event layer was filled by hand (the event stage's contract).</summary>
    private async Task<string> StoreArticleWithEventAsync(double lat, double lon, string place)
    {
        EventLayers.Register();
        string text = $"Hezbollah fighters shelled positions near {place} on Tuesday.";
        var record = new DocumentBuilder().From(place + ".txt").Paragraph(text).Language("en").Record("s-1");
        var sentence = new TextSpan(0, text.Length);
        record.Document.Set(EventLayers.Events, [new EventMention("e1", new TextSpan(19, 26), "shell", sentence, "ASSAULT", null, null,
            new EventParticipant(new TextSpan(0, 9), "Hezbollah", "group:hezbollah", null), null,
            new EventPlace(new TextSpan(text.IndexOf(place, StringComparison.Ordinal), text.IndexOf(place, StringComparison.Ordinal) + place.Length), place, null, lat, lon, "SY"),
            EventDates.None, EventModality.Asserted, null, 0.8, [sentence])]);
        await using var store = await SqliteStore.OpenAsync(_cli.DataDir);
        Assert.True(await store.SaveAsync(record, DocumentBuilder.Story("s-1")));
        return record.Id;
    }

    [Fact]
    public async Task RulesCheck_ExampleRules_ListsZonesAndRules()
    {
        var (code, stdout, err) = await _cli.RunAsync("rules", "check", Path.Combine(ExampleRules, "southwest-syria.rules"));

        Assert.True(code == 0, err);
        Assert.Contains("ok: 6 zones, 6 rules in 1 file(s).", stdout, StringComparison.Ordinal);
        Assert.Contains("24.14", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RulesCheck_BrokenFile_ReportsCodeFileAndLine()
    {
        var file = Path.Combine(_cli.DataDir, "broken.rules");
        await File.WriteAllTextAsync(file, "[rule r]\nevent-type = ASSAULT\nwithin = 20 leagues of golan\n");

        var (code, _, err) = await _cli.RunAsync("rules", "check", file);

        Assert.Equal(3, code);
        Assert.Contains($"PX5003: {file}:3: a distance is a number and a unit", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlertsRecheck_EventsInQuneitraAndDamascus_ListsTheirAlertsOnceAsJson()
    {
        // Given the example rules in the data directory and two stored articles with hand-built events
        InstallExampleRules();
        string quneitra = await StoreArticleWithEventAsync(33.1253, 35.8245, "Quneitra");
        string damascus = await StoreArticleWithEventAsync(33.5138, 36.2765, "Damascus");

        // When the rules are checked twice and the alerts listed as JSON
        var (first, _, err1) = await _cli.RunAsync("alerts", "--recheck");
        var (second, _, err2) = await _cli.RunAsync("alerts", "--recheck");
        var (code, stdout, err) = await _cli.RunAsync("alerts", "--json");

        // Then Quneitra raises the zone, every buffer and the line rule; Damascus only the 60 km buffer; nothing twice
        Assert.True(first == 0, err1);
        Assert.Contains("7 new alerts", err1, StringComparison.Ordinal);
        Assert.Contains("0 new alerts", err2, StringComparison.Ordinal);
        Assert.True(code == 0, err);
        var alerts = JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToList();
        Assert.Equal(7, alerts.Count);
        var byArticle = alerts.GroupBy(a => a.GetProperty("articleId").GetString()).ToDictionary(g => g.Key!, g => g.Select(a => a.GetProperty("ruleId").GetString()).ToList());
        Assert.Equal(6, byArticle[quneitra].Count);
        Assert.Equal(["iran-backed-within-60km-of-golan"], byArticle[damascus]);
        var q = alerts.First(a => a.GetProperty("articleId").GetString() == quneitra);
        Assert.Equal("Hezbollah fighters shelled positions near Quneitra on Tuesday.", q.GetProperty("sentenceText").GetString());
    }

    [Fact]
    public async Task Alerts_EmptyStore_PrintsAnEmptyTableAndSaysWhereRulesLive()
    {
        var (code, _, err) = await _cli.RunAsync("alerts");
        Assert.Equal(0, code);
        Assert.Contains("rules are read from", err, StringComparison.Ordinal);
    }
}
