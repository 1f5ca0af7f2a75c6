using System.Net;
using System.Text.Json;
using Parallax.Core.Watch;

namespace Parallax.Server.Tests;

public sealed class WatchEndpointsTests
{
    [Fact]
    public async Task PutWatch_ValidRules_StoredAsTheRulesFileTheCliReads()
    {
        // Given
        await using var harness = await ServerHarness.StartAsync();

        // When
        await WatchRulesText.InstallAsync(harness);
        var list = await ServerHarness.ReadJsonAsync(await harness.Client.GetAsync("/api/v1/watches"));
        var one = await ServerHarness.ReadJsonAsync(await harness.Client.GetAsync("/api/v1/watches/vienna"));

        // Then
        var rulesDir = Path.Combine(harness.DataDirectory, "rules");
        Assert.Equal(WatchRulesText.Rules, await File.ReadAllTextAsync(Path.Combine(rulesDir, "vienna.rules")));
        Assert.True(File.Exists(Path.Combine(rulesDir, "zones", WatchRulesText.ZoneFile)));
        var cli = WatchRuleSet.LoadDirectory(rulesDir);
        Assert.Equal(["talks-in-vienna"], cli.Rules.Select(r => r.Id));
        var rule = Assert.Single(list.GetProperty("rules").EnumerateArray());
        Assert.Equal("talks-in-vienna", rule.GetProperty("id").GetString());
        Assert.Equal("vienna", rule.GetProperty("watch").GetString());
        Assert.Equal("inside vienna-area; event-type CONSULT | AGREE", rule.GetProperty("conditions").GetString());
        Assert.Equal(JsonValueKind.Null, list.GetProperty("error").ValueKind);
        Assert.Equal(WatchRulesText.Rules, one.GetProperty("text").GetString());
        Assert.Equal(25, one.GetProperty("zones")[0].GetProperty("bufferKm").GetDouble());
    }

    [Fact]
    public async Task PostWatch_NewId_Returns201WithLocation_AndSecondPostIs409()
    {
        // Given
        await using var harness = await ServerHarness.StartAsync();
        using (await harness.SendAsync(HttpMethod.Put, "/api/v1/zones/files/" + WatchRulesText.ZoneFile, ServerHarness.Text(WatchRulesText.Zone, "application/geo+json"))) { }

        // When
        using var created = await harness.PostAsync("/api/v1/watches", ServerHarness.Json(new { id = "vienna", text = WatchRulesText.Rules }));
        using var again = await harness.PostAsync("/api/v1/watches", ServerHarness.Json(new { id = "vienna", text = WatchRulesText.Rules }));

        // Then
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/watches/vienna", created.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("PX4008", (await ServerHarness.ReadJsonAsync(again)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task PutWatch_BadRule_Returns400WithCodeAndLine_AndKeepsTheStoredFile()
    {
        // Given
        await using var harness = await ServerHarness.StartAsync();
        await WatchRulesText.InstallAsync(harness);

        // When
        using var response = await harness.SendAsync(HttpMethod.Put, "/api/v1/watches/vienna", ServerHarness.Json(new { text = WatchRulesText.BadEventType }));

        // Then
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ServerHarness.ReadJsonAsync(response);
        Assert.Equal("PX5003", problem.GetProperty("code").GetString());
        Assert.Equal(10, problem.GetProperty("line").GetInt32());
        Assert.Equal("vienna.rules", problem.GetProperty("file").GetString());
        Assert.Contains("vienna.rules:10", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(WatchRulesText.Rules, await File.ReadAllTextAsync(Path.Combine(harness.DataDirectory, "rules", "vienna.rules")));
        Assert.Empty(Directory.GetFiles(Path.Combine(harness.DataDirectory, "rules"), "*.tmp"));
    }

    [Fact]
    public async Task PutWatch_ZoneFileMissing_Returns400PX5007AndWritesNothing()
    {
        // Given
        await using var harness = await ServerHarness.StartAsync();

        // When: the zone file was never uploaded
        using var response = await harness.SendAsync(HttpMethod.Put, "/api/v1/watches/vienna", ServerHarness.Text(WatchRulesText.Rules, "text/plain"));
        using var get = await harness.Client.GetAsync("/api/v1/watches/vienna");

        // Then
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("PX5007", (await ServerHarness.ReadJsonAsync(response)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task PutWatch_ZoneFileOutsideTheRulesFolder_Returns400()
    {
        // Given
        await using var harness = await ServerHarness.StartAsync();
        var text = WatchRulesText.Rules.Replace("zones/vienna.geojson", "../../../../etc/passwd", StringComparison.Ordinal);

        // When
        using var response = await harness.SendAsync(HttpMethod.Put, "/api/v1/watches/vienna", ServerHarness.Text(text, "text/plain"));

        // Then
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ServerHarness.ReadJsonAsync(response);
        Assert.Equal("PX5003", problem.GetProperty("code").GetString());
        Assert.Equal(4, problem.GetProperty("line").GetInt32());
    }

    [Theory]
    [InlineData("PUT", "/api/v1/watches/vienna")]
    [InlineData("POST", "/api/v1/watches")]
    [InlineData("DELETE", "/api/v1/watches/vienna")]
    [InlineData("PUT", "/api/v1/zones/files/vienna.geojson")]
    [InlineData("DELETE", "/api/v1/zones/files/vienna.geojson")]
    public async Task WriteWatchesOrZones_WithoutKey_Returns401AndChangesNothing(string method, string path)
    {
        // Given
        await using var harness = await ServerHarness.StartAsync();
        await WatchRulesText.InstallAsync(harness);
        var rules = Path.Combine(harness.DataDirectory, "rules", "vienna.rules");

        // When
        using var response = await harness.SendAsync(new HttpMethod(method), path, ServerHarness.Text(WatchRulesText.BadEventType, "text/plain"), key: null);

        // Then
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("PX4001", (await ServerHarness.ReadJsonAsync(response)).GetProperty("code").GetString());
        Assert.Equal(WatchRulesText.Rules, await File.ReadAllTextAsync(rules));
        Assert.True(File.Exists(Path.Combine(harness.DataDirectory, "rules", "zones", WatchRulesText.ZoneFile)));
    }

    [Fact]
    public async Task DeleteWatch_Existing_Returns204ThenGone()
    {
        // Given
        await using var harness = await ServerHarness.StartAsync();
        await WatchRulesText.InstallAsync(harness);

        // When
        using var deleted = await harness.SendAsync(HttpMethod.Delete, "/api/v1/watches/vienna");
        using var get = await harness.Client.GetAsync("/api/v1/watches/vienna");
        using var again = await harness.SendAsync(HttpMethod.Delete, "/api/v1/watches/vienna");
        var list = await ServerHarness.ReadJsonAsync(await harness.Client.GetAsync("/api/v1/watches"));

        // Then
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Empty(list.GetProperty("watches").EnumerateArray());
        Assert.False(File.Exists(Path.Combine(harness.DataDirectory, "rules", "vienna.rules")));
    }

    [Fact]
    public async Task DeleteWatch_ItsZoneUsedByAnotherFile_Returns400AndKeepsIt()
    {
        // Given: a second file whose rule uses the first file's zone
        await using var harness = await ServerHarness.StartAsync();
        await WatchRulesText.InstallAsync(harness);
        const string Other = "[rule agreements-near-vienna]\ninside = vienna-area\nevent-type = AGREE\n";
        using (var put = await harness.SendAsync(HttpMethod.Put, "/api/v1/watches/other", ServerHarness.Text(Other, "text/plain")))
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        // When
        using var response = await harness.SendAsync(HttpMethod.Delete, "/api/v1/watches/vienna");

        // Then
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ServerHarness.ReadJsonAsync(response);
        Assert.Equal("PX5004", problem.GetProperty("code").GetString());
        Assert.Equal("other.rules", problem.GetProperty("file").GetString());
        Assert.True(File.Exists(Path.Combine(harness.DataDirectory, "rules", "vienna.rules")));
    }

    [Fact]
    public async Task PutZoneFile_DropsAFeatureARuleNeeds_Returns400AndKeepsTheOldFile()
    {
        // Given: a rule that picks the zone file's feature by id
        await using var harness = await ServerHarness.StartAsync();
        await WatchRulesText.InstallAsync(harness);
        var picking = WatchRulesText.Rules.Replace("buffer = 25 km", "feature = vienna-centre\nbuffer = 25 km", StringComparison.Ordinal);
        using (var put = await harness.SendAsync(HttpMethod.Put, "/api/v1/watches/vienna", ServerHarness.Text(picking, "text/plain")))
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var renamed = WatchRulesText.Zone.Replace("vienna-centre", "somewhere-else", StringComparison.Ordinal);

        // When
        using var response = await harness.SendAsync(HttpMethod.Put, "/api/v1/zones/files/" + WatchRulesText.ZoneFile, ServerHarness.Text(renamed, "application/geo+json"));
        using var bad = await harness.SendAsync(HttpMethod.Put, "/api/v1/zones/files/" + WatchRulesText.ZoneFile, ServerHarness.Text("{\"type\": \"Point\"}", "application/geo+json"));

        // Then
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("PX5003", (await ServerHarness.ReadJsonAsync(response)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("PX5005", (await ServerHarness.ReadJsonAsync(bad)).GetProperty("code").GetString());
        Assert.Equal(WatchRulesText.Zone, await harness.Client.GetStringAsync("/api/v1/zones/files/" + WatchRulesText.ZoneFile));
    }

    [Fact]
    public async Task GetZones_WithRules_IsAFeatureCollectionWithBuffers()
    {
        // Given
        await using var harness = await ServerHarness.StartAsync();
        await WatchRulesText.InstallAsync(harness);

        // When
        using var response = await harness.Client.GetAsync("/api/v1/zones");
        var zones = await ServerHarness.ReadJsonAsync(response);
        var files = await ServerHarness.ReadJsonAsync(await harness.Client.GetAsync("/api/v1/zones/files"));

        // Then
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("FeatureCollection", zones.GetProperty("type").GetString());
        var feature = Assert.Single(zones.GetProperty("features").EnumerateArray());
        Assert.Equal("vienna-area", feature.GetProperty("id").GetString());
        Assert.Equal(25, feature.GetProperty("properties").GetProperty("bufferKm").GetDouble());
        Assert.Equal("vienna", feature.GetProperty("properties").GetProperty("watch").GetString());
        var geometry = feature.GetProperty("geometry");
        Assert.Equal("MultiPoint", geometry.GetProperty("type").GetString());
        Assert.Equal(16.3725, geometry.GetProperty("coordinates")[0][0].GetDouble());
        Assert.Equal(48.2083, geometry.GetProperty("coordinates")[0][1].GetDouble());
        Assert.Equal(["zones/vienna.geojson"], files.GetProperty("files").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task GetWatches_RulesChangedOnDisk_AreReloaded()
    {
        // Given
        await using var harness = await ServerHarness.StartAsync();
        await WatchRulesText.InstallAsync(harness);
        var before = await ServerHarness.ReadJsonAsync(await harness.Client.GetAsync("/api/v1/watches"));

        // When: the CLI's side writes a broken file next to it
        await File.WriteAllTextAsync(Path.Combine(harness.DataDirectory, "rules", "broken.rules"), "[rule x]\nwhere = here\n");
        var after = await ServerHarness.ReadJsonAsync(await harness.Client.GetAsync("/api/v1/watches"));

        // Then
        Assert.Equal(JsonValueKind.Null, before.GetProperty("error").ValueKind);
        Assert.StartsWith("PX5002: ", after.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, after.GetProperty("watches").GetArrayLength());
    }
}

public sealed class ExampleRulesTests
{
    [Fact]
    public async Task PutWatch_ShippedExampleRules_LoadThroughTheApiAsDocumented()
    {
        // Given the example rule set of examples/rules, put in as docs/api.md shows
        await using var harness = await ServerHarness.StartAsync();
        var examples = Path.Combine(Parallax.Testing.SharedData.RepoRoot!, "examples", "rules");
        foreach (var zone in Directory.GetFiles(Path.Combine(examples, "zones"), "*.geojson"))
        {
            using var put = await harness.SendAsync(HttpMethod.Put, "/api/v1/zones/files/" + Path.GetFileName(zone), ServerHarness.Text(await File.ReadAllTextAsync(zone), "application/geo+json"));
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        // When
        using var response = await harness.SendAsync(HttpMethod.Put, "/api/v1/watches/southwest-syria",
            ServerHarness.Text(await File.ReadAllTextAsync(Path.Combine(examples, "southwest-syria.rules")), "text/plain"));
        using var zoneInUse = await harness.SendAsync(HttpMethod.Delete, "/api/v1/zones/files/golan-1974.geojson");

        // Then
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var watch = await ServerHarness.ReadJsonAsync(response);
        Assert.Equal(WatchRuleSet.LoadDirectory(examples).Rules.Select(r => r.Id), watch.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(6, watch.GetProperty("zones").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, zoneInUse.StatusCode);
        Assert.Equal("PX5007", (await ServerHarness.ReadJsonAsync(zoneInUse)).GetProperty("code").GetString());
    }
}
