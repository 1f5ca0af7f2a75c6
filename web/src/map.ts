// The story map: Leaflet over an offline basemap. Country outlines come from world-atlas (Natural Earth 1:110m,
// bundled into the build) and are drawn as a GeoJSON layer; there is no tile layer, so the map never touches the
// network. Markers are circle markers (SVG paths), which need no image files.
import L from "leaflet";
import "leaflet/dist/leaflet.css";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import type { FeatureCollection } from "geojson";
import countries110m from "world-atlas/countries-110m.json";
import type { StoryPlace } from "./api";
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

/**
 * Draws the map into a container: the basemap, one marker per resolved place (radius grows with mentions), and a
 * view fitted to the markers (the whole world when there are none). Returns the Leaflet map for callers to dispose.
 */
export function drawMap(container: HTMLElement, places: readonly StoryPlace[]): L.Map {
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
