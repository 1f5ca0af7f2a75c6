using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Parallax.Core.Watch;
using Parallax.Server.Watch;

namespace Parallax.Server.Endpoints;

/// <summary>A zone defined in a rule file.</summary>
/// <param name="Id">The zone id rules refer to.</param>
/// <param name="Name">Its readable name.</param>
/// <param name="BufferKm">The buffer around its shape, in kilometres.</param>
/// <param name="Line">The line of its section header in the file.</param>
public sealed record WatchZoneInfo(string Id, string Name, double BufferKm, int Line);

/// <summary>A rule defined in a rule file.</summary>
/// <param name="Id">The rule id (part of each alert's key).</param>
/// <param name="Watch">The rule file it is in (its id).</param>
/// <param name="Title">What it watches for.</param>
/// <param name="Conditions">Its conditions in one line ("inside golan-line-20km; affiliation country:ir; …").</param>
/// <param name="Line">The line of its section header in the file.</param>
public sealed record WatchRuleInfo(string Id, string Watch, string Title, string Conditions, int Line);

/// <summary>One rule file ("watch") of the data directory.</summary>
/// <param name="Id">The file name without ".rules": the id in /watches/{id}.</param>
/// <param name="File">The file name in &lt;data-dir&gt;/rules.</param>
/// <param name="Text">The file's text, as stored.</param>
/// <param name="Zones">The zones it defines.</param>
/// <param name="Rules">The rules it defines.</param>
public sealed record WatchFile(string Id, string File, string Text, IReadOnlyList<WatchZoneInfo> Zones, IReadOnlyList<WatchRuleInfo> Rules);

/// <summary>The body of <c>GET /watches</c>.</summary>
/// <param name="Watches">Every rule file, by id.</param>
/// <param name="Rules">Every rule of every file, in load order.</param>
/// <param name="Error">When the files on disk do not load (edited outside the API): the PX5xxx message; no alerts are raised until fixed.</param>
public sealed record WatchList(IReadOnlyList<WatchFile> Watches, IReadOnlyList<WatchRuleInfo> Rules, string? Error);

/// <summary>The JSON body of <c>POST /watches</c> and <c>PUT /watches/{id}</c>.</summary>
public sealed record WatchInput
{
    /// <summary>The new file's id (POST only; PUT takes it from the path).</summary>
    public string? Id { get; init; }

    /// <summary>The rule file's text (docs/watch-rules.md).</summary>
    public string? Text { get; init; }
}

/// <summary>The body of <c>GET /zones/files</c>.</summary>
/// <param name="Files">Zone file names in &lt;data-dir&gt;/rules/zones, as rules name them ("zones/&lt;name&gt;").</param>
public sealed record ZoneFileList(IReadOnlyList<string> Files);

/// <summary>
/// /watches: create, read, replace and delete the data directory's rule files (the ones the CLI reads), validated by
/// the real parser; /zones: the loaded zones as GeoJSON, and the zone files rules name.
/// </summary>
internal static class WatchEndpoints
{
    private const string GeoJsonType = "application/geo+json";

    public static void Map(RouteGroupBuilder api)
    {
        var watches = api.MapGroup("").WithTags("Watch rules");
        watches.MapGet("/watches", List)
            .WithName("ListWatches")
            .WithSummary("Every rule file of <data-dir>/rules with the zones and rules it defines; error names a broken file on disk.")
            .Produces<WatchList>();
        watches.MapGet("/watches/{id}", Get)
            .WithName("GetWatch").WithSummary("One rule file, with its text.")
            .Produces<WatchFile>().ProducesProblem(StatusCodes.Status404NotFound);
        watches.MapPost("/watches", CreateAsync)
            .WithName("CreateWatch")
            .WithSummary("Create a rule file from {id, text}. 400 with the PX5xxx code and line when the rules do not parse; 409 when the id exists. Needs X-Api-Key.")
            .Describe<WatchInput>(["application/json"], [])
            .Produces<WatchFile>(StatusCodes.Status201Created).ProducesWrite().ProducesProblem(StatusCodes.Status409Conflict);
        watches.MapPut("/watches/{id}", ReplaceAsync)
            .WithName("ReplaceWatch")
            .WithSummary("Create or replace a rule file: its text as text/plain, or {text}. 400 with the PX5xxx code and line when the rules do not parse. Needs X-Api-Key.")
            .Describe<WatchInput>(["application/json"], ["text/plain"])
            .Produces<WatchFile>().Produces<WatchFile>(StatusCodes.Status201Created).ProducesWrite();
        watches.MapDelete("/watches/{id}", DeleteAsync)
            .WithName("DeleteWatch")
            .WithSummary("Delete a rule file; 400 when another file uses a zone it defines. Needs X-Api-Key.")
            .Produces(StatusCodes.Status204NoContent).ProducesWrite().ProducesProblem(StatusCodes.Status404NotFound).RequiresKey();

        var zones = api.MapGroup("").WithTags("Zones");
        zones.MapGet("/zones", Zones)
            .WithName("ListZones")
            .WithSummary("The zones of the current rules as a GeoJSON FeatureCollection: one feature per zone with id, name, bufferKm and the watch defining it.")
            .Produces<string>(StatusCodes.Status200OK, GeoJsonType);
        zones.MapGet("/zones/files", (WatchRules rules) => TypedResults.Ok(new ZoneFileList([.. rules.ZoneFileNames().Select(n => WatchRules.ZonesFolder + "/" + n)])))
            .WithName("ListZoneFiles").WithSummary("The zone files in <data-dir>/rules/zones.")
            .Produces<ZoneFileList>();
        zones.MapGet("/zones/files/{name}", (string name, WatchRules rules) =>
                rules.ReadZoneFile(name) is { } json ? Results.Text(json, GeoJsonType, Encoding.UTF8) : NoZoneFile(name))
            .WithName("GetZoneFile").WithSummary("One zone file as stored.")
            .Produces<string>(StatusCodes.Status200OK, GeoJsonType).ProducesProblem(StatusCodes.Status404NotFound);
        zones.MapPut("/zones/files/{name}", PutZoneFileAsync)
            .WithName("PutZoneFile")
            .WithSummary("Create or replace a zone file (GeoJSON; rules name it as zones/<name>.geojson). 400 (PX5005) when it is not usable GeoJSON or a rule no longer finds its feature. Needs X-Api-Key.")
            .Describe<object>([GeoJsonType, "application/json"], [])
            .Produces(StatusCodes.Status200OK).Produces(StatusCodes.Status201Created).ProducesWrite();
        zones.MapDelete("/zones/files/{name}", DeleteZoneFileAsync)
            .WithName("DeleteZoneFile")
            .WithSummary("Delete a zone file; 400 when a rule file still names it. Needs X-Api-Key.")
            .Produces(StatusCodes.Status204NoContent).ProducesWrite().ProducesProblem(StatusCodes.Status404NotFound).RequiresKey();
    }

    private static RouteHandlerBuilder ProducesWrite(this RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    private static IResult List(WatchRules rules)
    {
        var loaded = rules.Current();
        var files = rules.RuleFileIds().Select(id => Describe(id, rules.ReadRuleFile(id) ?? "", loaded.Set)).ToList();
        return TypedResults.Ok(new WatchList(files, [.. files.SelectMany(f => f.Rules)], loaded.Error?.Message));
    }

    private static IResult Get(string id, WatchRules rules)
    {
        var text = rules.ReadRuleFile(id);
        return text is null ? NoWatch(id) : TypedResults.Ok(Describe(id, text, rules.Current().Set));
    }

    private static async Task<IResult> CreateAsync(HttpContext context, WatchRules rules, ServerOptions options)
    {
        var (input, error) = await ReadInputAsync(context, options, jsonOnly: true);
        if (error is not null) return error;
        if (string.IsNullOrEmpty(input!.Id)) return Problems.BadRequest($"{Problems.Format(ApiErrorCode.BadRequest)}: give the new watch's id, e.g. {{\"id\": \"golan\", \"text\": \"[zone …]\"}}.");
        return await WriteAsync(context, rules, input.Id, input.Text, mustBeNew: true);
    }

    private static async Task<IResult> ReplaceAsync(string id, HttpContext context, WatchRules rules, ServerOptions options)
    {
        var (input, error) = await ReadInputAsync(context, options, jsonOnly: false);
        if (error is not null) return error;
        if (input!.Id is not null && !string.Equals(input.Id, id, StringComparison.Ordinal))
            return Problems.BadRequest($"{Problems.Format(ApiErrorCode.BadRequest)}: the body's id \"{input.Id}\" differs from the path's \"{id}\"; leave it out or make them agree.");
        return await WriteAsync(context, rules, id, input.Text, mustBeNew: false);
    }

    private static async Task<IResult> WriteAsync(HttpContext context, WatchRules rules, string id, string? text, bool mustBeNew)
    {
        if (text is null) return Problems.BadRequest($"{Problems.Format(ApiErrorCode.BadRequest)}: give the rule file's text (\"text\"; docs/watch-rules.md).");
        if (!WatchRules.IsId(id)) return Problems.BadRequest($"{Problems.Format(ApiErrorCode.BadRequest)}: \"{id}\" is not a watch id: use 1 to 64 letters, digits, '-', '_' and '.', not starting with '.'.");
        WatchRules.WriteOutcome outcome;
        try
        {
            outcome = await rules.WriteRuleFileAsync(id, text, mustBeNew, context.RequestAborted);
        }
        catch (WatchRuleException ex)
        {
            return RuleProblem(ex);
        }
        if (outcome == WatchRules.WriteOutcome.Exists)
        {
            return Problems.Result(StatusCodes.Status409Conflict, ApiErrorCode.Conflict, "Already exists",
                $"{Problems.Format(ApiErrorCode.Conflict)}: a watch \"{id}\" already exists; replace it with PUT /api/v1/watches/{id}.");
        }
        var body = Describe(id, text, rules.Current().Set);
        return outcome == WatchRules.WriteOutcome.Created ? TypedResults.Created("/api/v1/watches/" + Uri.EscapeDataString(id), body) : TypedResults.Ok(body);
    }

    private static async Task<IResult> DeleteAsync(string id, WatchRules rules, CancellationToken ct)
    {
        try
        {
            return await rules.DeleteRuleFileAsync(id, ct) ? TypedResults.NoContent() : NoWatch(id);
        }
        catch (WatchRuleException ex)
        {
            return RuleProblem(ex);
        }
    }

    private static async Task<IResult> PutZoneFileAsync(string name, HttpContext context, WatchRules rules, ServerOptions options)
    {
        if (!WatchRules.IsZoneName(name))
            return Problems.BadRequest($"{Problems.Format(ApiErrorCode.BadRequest)}: \"{name}\" is not a zone file name: use letters, digits, '-', '_' and '.', ending in .geojson.");
        var type = RequestBody.MediaType(context.Request);
        if (type is not (null or "application/json" or GeoJsonType))
            return Problems.UnsupportedMediaType($"{Problems.Format(ApiErrorCode.UnsupportedMediaType)}: send the zone file as {GeoJsonType} or application/json, not {type}.");
        var (body, tooLarge) = await RequestBody.ReadAsync(context.Request, options.MaxRequestBytes, context.RequestAborted);
        if (tooLarge is not null) return tooLarge;
        try
        {
            bool created = await rules.WriteZoneFileAsync(name, Encoding.UTF8.GetString(body!), context.RequestAborted);
            var location = "/api/v1/zones/files/" + Uri.EscapeDataString(name);
            var result = new { file = WatchRules.ZonesFolder + "/" + name };
            return created ? TypedResults.Created(location, result) : TypedResults.Ok(result);
        }
        catch (WatchRuleException ex)
        {
            return RuleProblem(ex);
        }
    }

    private static async Task<IResult> DeleteZoneFileAsync(string name, WatchRules rules, CancellationToken ct)
    {
        try
        {
            return await rules.DeleteZoneFileAsync(name, ct) ? TypedResults.NoContent() : NoZoneFile(name);
        }
        catch (WatchRuleException ex)
        {
            return RuleProblem(ex);
        }
    }

    private static IResult Zones(WatchRules rules)
    {
        var set = rules.Current().Set;
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteStartArray("features");
            foreach (var z in set.Zones)
            {
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WriteString("id", z.Id);
                w.WriteStartObject("properties");
                w.WriteString("id", z.Id);
                w.WriteString("name", z.Name);
                w.WriteNumber("bufferKm", Math.Round(z.BufferKm, 3));
                w.WriteString("watch", Path.GetFileNameWithoutExtension(z.File));
                w.WriteEndObject();
                w.WritePropertyName("geometry");
                WriteGeometry(w, z.Geometry);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Results.Bytes(buffer.ToArray(), GeoJsonType);
    }

    /// <summary>Writes a zone's parts as one GeoJSON geometry (a GeometryCollection when it mixes kinds), longitude first.</summary>
    private static void WriteGeometry(Utf8JsonWriter w, ZoneGeometry g)
    {
        var parts = new List<Action>();
        if (!g.Polygons.IsEmpty)
        {
            parts.Add(() =>
            {
                w.WriteStartObject();
                w.WriteString("type", "MultiPolygon");
                w.WriteStartArray("coordinates");
                foreach (var p in g.Polygons)
                {
                    w.WriteStartArray();
                    foreach (var ring in p.Holes.Prepend(p.Outer)) Positions(w, ring, close: true);
                    w.WriteEndArray();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            });
        }
        if (!g.Lines.IsEmpty)
        {
            parts.Add(() =>
            {
                w.WriteStartObject();
                w.WriteString("type", "MultiLineString");
                w.WriteStartArray("coordinates");
                foreach (var line in g.Lines) Positions(w, line, close: false);
                w.WriteEndArray();
                w.WriteEndObject();
            });
        }
        if (!g.Points.IsEmpty)
        {
            parts.Add(() =>
            {
                w.WriteStartObject();
                w.WriteString("type", "MultiPoint");
                w.WritePropertyName("coordinates");
                Positions(w, g.Points, close: false);
                w.WriteEndObject();
            });
        }
        if (parts.Count == 1)
        {
            parts[0]();
            return;
        }
        w.WriteStartObject();
        w.WriteString("type", "GeometryCollection");
        w.WriteStartArray("geometries");
        foreach (var part in parts) part();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Positions(Utf8JsonWriter w, IReadOnlyList<GeoPoint> points, bool close)
    {
        w.WriteStartArray();
        foreach (var p in points) Position(w, p);
        // RFC 7946 rings end where they start.
        if (close && points.Count > 0 && points[0] != points[^1]) Position(w, points[0]);
        w.WriteEndArray();
    }

    private static void Position(Utf8JsonWriter w, GeoPoint p)
    {
        w.WriteStartArray();
        w.WriteNumberValue(Math.Round(p.Longitude, 6));
        w.WriteNumberValue(Math.Round(p.Latitude, 6));
        w.WriteEndArray();
    }

    private static async Task<(WatchInput? Input, IResult? Error)> ReadInputAsync(HttpContext context, ServerOptions options, bool jsonOnly)
    {
        var type = RequestBody.MediaType(context.Request);
        bool json = type is "application/json";
        if (!json && (jsonOnly || type is not (null or "text/plain")))
        {
            return (null, Problems.UnsupportedMediaType(jsonOnly
                ? $"{Problems.Format(ApiErrorCode.UnsupportedMediaType)}: send {{\"id\", \"text\"}} as application/json, not {type ?? "a body without Content-Type"}."
                : $"{Problems.Format(ApiErrorCode.UnsupportedMediaType)}: send the rule file as text/plain, or {{\"text\"}} as application/json, not {type}."));
        }
        var (body, tooLarge) = await RequestBody.ReadAsync(context.Request, options.MaxRequestBytes, context.RequestAborted);
        if (tooLarge is not null) return (null, tooLarge);
        if (!json) return (new WatchInput { Text = Encoding.UTF8.GetString(body!) }, null);
        try
        {
            var input = JsonSerializer.Deserialize<WatchInput>(body!, JsonOptions);
            return input is null ? (null, Problems.BadRequest($"{Problems.Format(ApiErrorCode.BadRequest)}: the body is null; send {{\"text\": …}}.")) : (input, null);
        }
        catch (JsonException ex)
        {
            return (null, Problems.BadRequest($"{Problems.Format(ApiErrorCode.BadRequest)}: the body is not a watch object: {ex.Message}"));
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    /// <summary>A 400 problem carrying the rule error's PX5xxx code, file and line.</summary>
    internal static IResult RuleProblem(WatchRuleException ex) =>
        TypedResults.Problem(
            detail: ex.Message,
            statusCode: StatusCodes.Status400BadRequest,
            title: "Invalid watch rules",
            type: "urn:parallax:error:PX" + ((int)ex.Code).ToString(CultureInfo.InvariantCulture),
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["code"] = "PX" + ((int)ex.Code).ToString(CultureInfo.InvariantCulture),
                ["file"] = Path.GetFileName(ex.File),
                ["line"] = ex.Line,
            });

    private static WatchFile Describe(string id, string text, WatchRuleSet set)
    {
        var file = id + WatchRuleSet.Extension;
        bool Mine(string f) => string.Equals(Path.GetFileName(f), file, StringComparison.Ordinal);
        return new WatchFile(id, file, text,
            [.. set.Zones.Where(z => Mine(z.File)).Select(z => new WatchZoneInfo(z.Id, z.Name, Math.Round(z.BufferKm, 3), z.Line))],
            [.. set.Rules.Where(r => Mine(r.File)).Select(r => new WatchRuleInfo(r.Id, id, r.Title, Conditions(r), r.Line))]);
    }

    /// <summary>A rule's conditions in one line, in the file's vocabulary.</summary>
    internal static string Conditions(WatchRule r)
    {
        var ci = CultureInfo.InvariantCulture;
        var parts = new List<string>();
        foreach (var p in r.Spatial)
        {
            parts.Add(p.Kind == SpatialPredicateKind.Inside
                ? "inside " + string.Join(" | ", p.ZoneIds)
                : $"within {p.DistanceKm.ToString("0.##", ci)} km of {string.Join(" | ", p.ZoneIds)}");
        }
        if (!r.Actors.IsEmpty) parts.Add("actor " + string.Join(" | ", r.Actors));
        if (!r.Affiliations.IsEmpty) parts.Add("affiliation " + string.Join(" | ", r.Affiliations));
        if (!r.ActorTypes.IsEmpty) parts.Add("actor-type " + string.Join(" | ", r.ActorTypes));
        if (r.Role != ParticipantRole.Any) parts.Add("role " + r.Role.ToString().ToLowerInvariant());
        if (!r.EventTypes.IsEmpty) parts.Add("event-type " + string.Join(" | ", r.EventTypes));
        if (!r.Modalities.IsEmpty) parts.Add("modality " + string.Join(" | ", r.Modalities.Select(m => m.ToString().ToLowerInvariant())));
        if (r.From is { } f) parts.Add("from " + f.ToString("yyyy-MM-dd", ci));
        if (r.To is { } t) parts.Add("to " + t.ToString("yyyy-MM-dd", ci));
        return string.Join("; ", parts);
    }

    private static IResult NoWatch(string id) =>
        Problems.NotFound($"{Problems.Format(ApiErrorCode.NotFound)}: no watch \"{id}\" in <data-dir>/rules; GET /api/v1/watches lists them.");

    private static IResult NoZoneFile(string name) =>
        Problems.NotFound($"{Problems.Format(ApiErrorCode.NotFound)}: no zone file \"{name}\" in <data-dir>/rules/zones; GET /api/v1/zones/files lists them.");
}
