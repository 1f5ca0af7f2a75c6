using System.Net;

namespace Parallax.Server.Tests;

public sealed class StaticFilesTests
{
    private static async Task<ServerHarness> WithUiAsync()
    {
        var dataDir = ServerHarness.NewDataDirectory();
        var web = Path.Combine(dataDir, "ui");
        Directory.CreateDirectory(Path.Combine(web, "assets"));
        await File.WriteAllTextAsync(Path.Combine(web, "index.html"), "<!DOCTYPE html><title>Parallax workbench</title>");
        await File.WriteAllTextAsync(Path.Combine(web, "assets", "app.js"), "export const ready = true;\n");
        return await ServerHarness.StartAsync(o => o with { WebRoot = web }, dataDir);
    }

    [Fact]
    public async Task Get_FileInWebRoot_IsServedWithUiPolicy()
    {
        // Given
        await using var h = await WithUiAsync();

        // When
        using var response = await h.Client.GetAsync("/assets/app.js");

        // Then
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ready", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/stories/s-0123456789")]
    public async Task Get_ClientRoute_FallsBackToIndex(string path)
    {
        // Given
        await using var h = await WithUiAsync();

        // When
        using var response = await h.Client.GetAsync(path);

        // Then
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Parallax workbench", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownApiPath_Is404ProblemNotIndex()
    {
        // Given
        await using var h = await WithUiAsync();

        // When
        using var response = await h.Client.GetAsync("/api/v1/nothing");

        // Then
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Get_NoUiInstalled_Is404SayingSo()
    {
        // Given
        await using var h = await ServerHarness.StartAsync();

        // When
        using var response = await h.Client.GetAsync("/stories");

        // Then
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("No web UI is installed", (await ServerHarness.ReadJsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
