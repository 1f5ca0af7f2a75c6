// The story map: Leaflet over an offline basemap. Country outlines come from world-atlas (Natural Earth 1:110m,
// bundled into the build) and are drawn as a GeoJSON layer; there is no tile layer, so the map never touches the
// network. Markers are circle markers (SVG paths), which need no image files.
import L from "leaflet";
import "leaflet/dist/leaflet.css";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import type { Feature, FeatureCollection, Geometry, Position } from "geojson";
import countries110m from "world-atlas/countries-110m.json";
import type { StoryPlace, ZoneProperties } from "./api";
import { h } from "./dom";

let basemap: FeatureCollection | null = null;

/** The country outlines as GeoJSON, converted once. */
function countries(): FeatureCollection {
  if (basemap === null) {
    const topology = countries110m as unknown as Topology<{ countries: GeometryCollection }>;
    basemap = feature(topology, topology.objects.countries) as FeatureCollection;
  }
  return basemap;
}

/** A popup's content as DOM (never an HTML string): the place, its outlets and how often each named it. */
function popup(place: StoryPlace): HTMLElement {
  const byOutlet = new Map<string, number>();
  for (const m of place.mentions) {
    const o = m.outlet ?? "(unknown outlet)";
    byOutlet.set(o, (byOutlet.get(o) ?? 0) + 1);
  }
  return h(
    "div",
    { class: "map-popup" },
    h("strong", null, place.name),
    place.adminPath ? h("div", { class: "muted" }, place.adminPath) : null,
    h("ul", null, ...[...byOutlet].map(([o, n]) => h("li", null, `${o}: ${n} mention${n === 1 ? "" : "s"}`))),
  );
}

const kmPerDegree = 111.32;

type LonLat = readonly [number, number];

/** Twice the signed area of a ring in longitude/latitude (positive: counter-clockwise). */
function signedArea(ring: readonly LonLat[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  return a;
}

/** The ring turned counter-clockwise, so that overlapping rings drawn with the non-zero rule fill as one area. */
function counterClockwise(ring: LonLat[]): LonLat[] {
  return signedArea(ring) < 0 ? ring.reverse() : ring;
}

/** A circle of radius km around a position, as a ring of 32 positions. */
function circle(p: LonLat, km: number): LonLat[] {
  const ring: LonLat[] = [];
  const cos = Math.max(0.01, Math.cos((p[1] * Math.PI) / 180));
  for (let i = 0; i < 32; i++) {
    const t = (2 * Math.PI * i) / 32;
    ring.push([p[0] + (km * Math.cos(t)) / (kmPerDegree * cos), p[1] + (km * Math.sin(t)) / kmPerDegree]);
  }
  return counterClockwise(ring);
}

/** The rectangle of half-width km along a segment (local flat approximation, good for buffers of tens of km). */
function band(a: LonLat, b: LonLat, km: number): LonLat[] | null {
  const cos = Math.max(0.01, Math.cos((((a[1] + b[1]) / 2) * Math.PI) / 180));
  const dx = (b[0] - a[0]) * kmPerDegree * cos;
  const dy = (b[1] - a[1]) * kmPerDegree;
  const length = Math.hypot(dx, dy);
  if (length === 0) return null;
  const nx = ((-dy / length) * km) / (kmPerDegree * cos);
  const ny = ((dx / length) * km) / kmPerDegree;
  return counterClockwise([
    [a[0] + nx, a[1] + ny],
    [b[0] + nx, b[1] + ny],
    [b[0] - nx, b[1] - ny],
    [a[0] - nx, a[1] - ny],
  ]);
}

/** The parts of a geometry: polygon outer rings, lines and points (holes are ignored for the buffer). */
function parts(g: Geometry, rings: LonLat[][], lines: LonLat[][], points: LonLat[]): void {
  const pos = (p: Position): LonLat => [p[0] ?? 0, p[1] ?? 0];
  switch (g.type) {
    case "Point": points.push(pos(g.coordinates)); break;
    case "MultiPoint": for (const p of g.coordinates) points.push(pos(p)); break;
    case "LineString": lines.push(g.coordinates.map(pos)); break;
    case "MultiLineString": for (const l of g.coordinates) lines.push(l.map(pos)); break;
    case "Polygon": if (g.coordinates[0]) rings.push(g.coordinates[0].map(pos)); break;
    case "MultiPolygon": for (const p of g.coordinates) if (p[0]) rings.push(p[0].map(pos)); break;
    case "GeometryCollection": for (const c of g.geometries) parts(c, rings, lines, points); break;
  }
}

/**
 * The area within km of a geometry as rings to fill with the non-zero rule: the polygons themselves, a circle around
 * every vertex and point, and a band along every edge and line segment. Their union is the buffer.
 */
export function bufferRings(g: Geometry, km: number): LonLat[][] {
  const rings: LonLat[][] = [];
  const lines: LonLat[][] = [];
  const points: LonLat[] = [];
  parts(g, rings, lines, points);
  const out: LonLat[][] = rings.map((r) => counterClockwise([...r]));
  for (const ring of rings) lines.push(ring);
  for (const line of lines) {
    for (let i = 0; i < line.length; i++) {
      out.push(circle(line[i]!, km));
      if (i > 0) {
        const b = band(line[i - 1]!, line[i]!, km);
        if (b) out.push(b);
      }
    }
  }
  for (const p of points) out.push(circle(p, km));
  return out;
}

/** Draws the watch-rule zones: each shape, and its buffer (when it has one) as a lighter area around it. */
function drawZones(map: L.Map, zones: FeatureCollection<Geometry, ZoneProperties>): number {
  let drawn = 0;
  for (const f of zones.features as Feature<Geometry, ZoneProperties>[]) {
    const label = h("span", null, f.properties.bufferKm > 0 ? `${f.properties.name} (buffer ${f.properties.bufferKm} km)` : f.properties.name);
    if (f.properties.bufferKm > 0) {
      // One polygon per ring (not holes of the first): drawn as one path, filled once where they overlap.
      const rings = bufferRings(f.geometry, f.properties.bufferKm).map((r) => [r.map(([lon, lat]) => L.latLng(lat, lon))]);
      L.polygon(rings, {
        stroke: false,
        fillColor: "#7a5cc7",
        fillOpacity: 0.18,
        fillRule: "nonzero",
        className: "px-zone-buffer",
      })
        .bindTooltip(label)
        .addTo(map);
    }
    L.geoJSON(f, {
      style: () => ({ color: "#5b3fa8", weight: 2, dashArray: "5 4", fillColor: "#7a5cc7", fillOpacity: 0.12, className: "px-zone" }),
      pointToLayer: (_feature, latlng) => L.circleMarker(latlng, { radius: 4, color: "#5b3fa8", weight: 2, fillOpacity: 0.6, className: "px-zone" }),
    })
      .bindTooltip(label)
      .addTo(map);
    drawn++;
  }
  return drawn;
}

/**
 * Draws the map into a container: the basemap, the watch-rule zones with their buffers (when given), one marker per
 * resolved place (radius grows with mentions), and a view fitted to the markers (the whole world when there are
 * none). Returns the Leaflet map for callers to dispose.
 */
export function drawMap(container: HTMLElement, places: readonly StoryPlace[], zones?: FeatureCollection<Geometry, ZoneProperties> | null): L.Map {
  const map = L.map(container, {
    worldCopyJump: false,
    attributionControl: true,
    minZoom: 1,
    maxZoom: 10,
    zoomSnap: 0.5,
  });
  // Vector layers need a view before they are added: start on the whole world, fit to the markers at the end.
  map.setView([20, 0], 1);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Natural Earth via world-atlas");
  L.geoJSON(countries(), {
    interactive: false,
    style: () => ({ color: "#8a94a6", weight: 0.6, fillColor: "#eef1f5", fillOpacity: 1 }),
  }).addTo(map);

  // Zones go under the markers, so a place inside a zone can still be hovered.
  if (zones) drawZones(map, zones);

  const markers: L.CircleMarker[] = [];
  for (const p of places) {
    const radius = Math.min(16, 5 + 2 * Math.sqrt(p.mentions.length));
    const marker = L.circleMarker([p.latitude, p.longitude], {
      radius,
      color: "#b4232c",
      weight: 1.5,
      fillColor: "#e0464f",
      fillOpacity: 0.75,
      className: "px-marker",
    });
    // Leaflet puts string content in with innerHTML; place names come from article text, so pass a node.
    marker.bindTooltip(h("span", null, `${p.name} (${p.mentions.length})`));
    marker.bindPopup(() => popup(p));
    marker.addTo(map);
    markers.push(marker);
  }
  if (markers.length > 0) {
    const bounds = L.featureGroup(markers).getBounds().pad(0.4);
    map.fitBounds(bounds, { maxZoom: 6 });
  }
  return map;
}
