// A map that works offline and without JavaScript: the town's outline and villages drawn as SVG from tenant
// data, with the place marked. When a tile server is configured, its tiles lie on top; if they cannot be
// loaded, the SVG below stays visible.
import type { TownGeo } from '../db/tables.js';

const WIDTH = 480;
const HEIGHT = 320;
const TILE = 256;

type Point = { lat: number; lng: number };

function projector(geo: TownGeo, focus?: Point) {
  const lats = [...geo.boundary.map(([lat]) => lat), ...(focus ? [focus.lat] : [])];
  const lngs = [...geo.boundary.map(([, lng]) => lng), ...(focus ? [focus.lng] : [])];
  const [minLat, maxLat, minLng, maxLng] = [Math.min(...lats), Math.max(...lats), Math.min(...lngs), Math.max(...lngs)];
  const cos = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = Math.min((WIDTH - 40) / ((maxLng - minLng) * cos || 1), (HEIGHT - 40) / (maxLat - minLat || 1));
  const project = (point: Point) => ({ x: 20 + (point.lng - minLng) * cos * scale, y: HEIGHT - 20 - (point.lat - minLat) * scale });
  /** The inverse, for app.js: a click on the map becomes coordinates. */
  const inverse = [minLat, minLng, cos, scale, HEIGHT].map((value) => value.toFixed(8)).join(' ');
  return Object.assign(project, { inverse });
}

/** Web-Mercator tile coordinates of a point at a zoom level, with the point's offset inside the tile. */
export function tileOf(point: Point, zoom: number) {
  const n = 2 ** zoom;
  const x = ((point.lng + 180) / 360) * n;
  const rad = (point.lat * Math.PI) / 180;
  const y = ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n;
  return { x: Math.floor(x), y: Math.floor(y), offsetX: (x % 1) * TILE, offsetY: (y % 1) * TILE };
}

/** Raster tiles around the place, as SVG images: positioned by attributes, so the CSP needs no inline styles. */
function Tiles({ template, focus }: { template: string; focus: Point }) {
  const zoom = 16;
  const centre = tileOf(focus, zoom);
  const left = WIDTH / 2 - centre.offsetX - TILE;
  const top = HEIGHT / 2 - centre.offsetY - TILE;
  const tiles = [-1, 0, 1].flatMap((dy) => [-1, 0, 1].map((dx) => ({ dx, dy })));
  return (
    <svg class="map-tiles" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true">
      {tiles.map(({ dx, dy }) => (
        <image
          href={template
            .replace('{z}', String(zoom))
            .replace('{x}', String(centre.x + dx))
            .replace('{y}', String(centre.y + dy))}
          x={(left + (dx + 1) * TILE).toFixed(1)}
          y={(top + (dy + 1) * TILE).toFixed(1)}
          width="256"
          height="256"
        />
      ))}
      <circle class="map-marker" cx={String(WIDTH / 2)} cy={String(HEIGHT / 2)} r="9" />
    </svg>
  );
}

/** The river and main roads of the offline base layer, each named for screen readers by the map's label. */
function BaseLines({ geo, project }: { geo: TownGeo; project: (point: Point) => { x: number; y: number } }) {
  return (
    <>
      {(geo.lines ?? []).map((line) => (
        <polyline
          class={`map-${line.kind}`}
          points={line.points
            .map(([lat, lng]) => project({ lat, lng }))
            .map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`)
            .join(' ')}
        >
          <title safe>{line.name}</title>
        </polyline>
      ))}
    </>
  );
}

/** The town map with the place marked. With `pickFor` (the name of a coordinates input), app.js lets a click
 * on the map fill that input; without JavaScript the input is typed. */
export function PlaceMap(props: {
  geo: TownGeo | undefined;
  focus?: Point;
  label: string;
  tileUrl?: string;
  attribution?: string;
  pickFor?: string;
}) {
  const { geo, focus } = props;
  const project = geo ? projector(geo, focus) : undefined;
  const marker = focus ? project?.(focus) : undefined;
  return (
    <figure class={['map', props.pickFor && 'map--pick']}>
      <div class="map-canvas">
        {geo && project && (
          <svg
            viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
            role="img"
            aria-label={props.label}
            data-pick-for={props.pickFor}
            data-inverse={props.pickFor ? project.inverse : undefined}
          >
            <polygon
              class="map-boundary"
              points={geo.boundary
                .map(([lat, lng]) => project({ lat, lng }))
                .map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`)
                .join(' ')}
            />
            <BaseLines geo={geo} project={project} />
            {geo.localities.map((place) => {
              const p = project(place);
              return (
                <g class="map-locality">
                  <circle cx={p.x.toFixed(1)} cy={p.y.toFixed(1)} r="3" />
                  <text x={(p.x + 6).toFixed(1)} y={(p.y + 4).toFixed(1)} safe>
                    {place.name}
                  </text>
                </g>
              );
            })}
            <circle class="map-marker" cx={marker ? marker.x.toFixed(1) : '-20'} cy={marker ? marker.y.toFixed(1) : '-20'} r="9" />
          </svg>
        )}
        {props.tileUrl && focus && <Tiles template={props.tileUrl} focus={focus} />}
      </div>
      <figcaption>
        {focus ? (
          <a href={`https://www.openstreetmap.org/?mlat=${focus.lat}&mlon=${focus.lng}#map=17/${focus.lat}/${focus.lng}`} safe>
            {props.label}
          </a>
        ) : (
          <span safe>{props.label}</span>
        )}
        {props.tileUrl && props.attribution && <span safe>{` · ${props.attribution}`}</span>}
      </figcaption>
    </figure>
  );
}

export type MapMarker = Point & { label: string; href: string };

/** Markers that lie within this many SVG units of each other are drawn as one cluster with their count. */
const CLUSTER_RADIUS = 16;

function cluster(markers: (MapMarker & { x: number; y: number })[]) {
  const groups: { x: number; y: number; members: MapMarker[] }[] = [];
  for (const marker of markers) {
    const near = groups.find((group) => Math.hypot(group.x - marker.x, group.y - marker.y) < CLUSTER_RADIUS);
    if (near) near.members.push(marker);
    else groups.push({ x: marker.x, y: marker.y, members: [marker] });
  }
  return groups;
}

/** The town map with many places, each a link (keyboard-reachable); close places are clustered with their count
 * and lead to `clusterHref` (the list that every such map has beside it). With `live` (a GeoJSON URL and the
 * button's text), app.js offers an interactive map to zoom and pan, loading Leaflet only on request. */
export function MarkerMap(props: {
  geo: TownGeo | undefined;
  label: string;
  markers: MapMarker[];
  clusterLabel: (count: number) => string;
  clusterHref: string;
  live?: { geojson: string; button: string; tileUrl?: string; attribution?: string };
}) {
  const { geo } = props;
  if (!geo) return '';
  const project = projector(geo);
  const groups = cluster(props.markers.map((marker) => ({ ...marker, ...project(marker) })));
  return (
    <figure class="map">
      <div class="map-canvas">
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-label={props.label}>
          <polygon
            class="map-boundary"
            points={geo.boundary
              .map(([lat, lng]) => project({ lat, lng }))
              .map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`)
              .join(' ')}
          />
          <g aria-hidden="true">
            <BaseLines geo={geo} project={project} />
          </g>
          {geo.localities.map((place) => {
            const p = project(place);
            return (
              <g class="map-locality" aria-hidden="true">
                <circle cx={p.x.toFixed(1)} cy={p.y.toFixed(1)} r="3" />
                <text x={(p.x + 6).toFixed(1)} y={(p.y + 4).toFixed(1)} safe>
                  {place.name}
                </text>
              </g>
            );
          })}
          {groups.map((group) =>
            group.members.length === 1 ? (
              <a href={group.members[0]!.href} aria-label={group.members[0]!.label}>
                <circle class="map-marker" cx={group.x.toFixed(1)} cy={group.y.toFixed(1)} r="7" />
              </a>
            ) : (
              <a href={props.clusterHref} aria-label={props.clusterLabel(group.members.length)}>
                <circle class="map-cluster" cx={group.x.toFixed(1)} cy={group.y.toFixed(1)} r="11" />
                <text class="map-cluster-count" x={group.x.toFixed(1)} y={(group.y + 4).toFixed(1)} text-anchor="middle" safe>
                  {String(group.members.length)}
                </text>
              </a>
            ),
          )}
        </svg>
      </div>
      {props.live && (
        <button
          type="button"
          class="button button--secondary"
          hidden
          data-live-map={props.live.geojson}
          data-tiles={props.live.tileUrl}
          data-attribution={props.live.attribution}
          data-boundary={JSON.stringify(geo.boundary)}
          data-localities={JSON.stringify(geo.localities.map((place) => [place.name, place.lat, place.lng]))}
          safe
        >
          {props.live.button}
        </button>
      )}
      <figcaption safe>{props.label}</figcaption>
    </figure>
  );
}
