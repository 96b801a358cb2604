// World map of an organization's members on a date: Natural Earth countries, Equal Earth projection, plain SVG.
// The countries come from /api/v1/geo/countries, which reads the user's copy of Natural Earth; without it the
// map says how to install it and the rest of the dashboard works as before.

import { STATUS_COLORS, api, clear, el, humanDate, svg, withTooltip } from "./util.js";
import { word } from "./words.js";

// Equal Earth projection: Šavrič, Patterson & Jenny (2018), International Journal of Geographical
// Information Science 33(3), doi:10.1080/13658816.2018.1504949
const A1 = 1.340264, A2 = -0.081106, A3 = 0.000893, A4 = 0.003796;
const M = Math.sqrt(3) / 2;

function equalEarth(lon, lat) {
  const l = (lon * Math.PI) / 180;
  const p = (lat * Math.PI) / 180;
  const t = Math.asin(M * Math.sin(p));
  const t2 = t * t, t6 = t2 * t2 * t2;
  const x = (l * Math.cos(t)) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)));
  const y = t * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
  return [x, -y];
}

const SCALE = 150;
const [XMAX] = equalEarth(180, 0);
const [, YTOP] = equalEarth(0, 86);
const [, YBOTTOM] = equalEarth(0, -58);
const WIDTH = 2 * XMAX * SCALE;
const HEIGHT = (YBOTTOM - YTOP) * SCALE;

function project(lon, lat) {
  const [x, y] = equalEarth(lon, lat);
  return [(x + XMAX) * SCALE, (y - YTOP) * SCALE];
}

function ring(coords) {
  return `${coords.map(([lon, lat], i) => `${i ? "L" : "M"}${project(lon, lat).map((v) => v.toFixed(1)).join(",")}`).join("")}Z`;
}

/** The SVG path of a (multi)polygon, and the box and area of each of its polygons (outer rings). */
function shapeOf(geometry) {
  const polys = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  const parts = polys.map((poly) => {
    const pts = poly[0].map(([lon, lat]) => project(lon, lat));
    let area = 0;
    for (let i = 0; i < pts.length - 1; i++) area += pts[i][0] * pts[i + 1][1] - pts[i + 1][0] * pts[i][1];
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    return { area: Math.abs(area) / 2, box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] };
  });
  return { d: polys.map((poly) => poly.map(ring).join("")).join(""), parts };
}

function graticule() {
  const lines = [];
  for (let lon = -180; lon <= 180; lon += 30) {
    const pts = [];
    for (let lat = -58; lat <= 84; lat += 2) pts.push([lon, lat]);
    lines.push(pts);
  }
  for (let lat = -30; lat <= 60; lat += 30) {
    const pts = [];
    for (let lon = -180; lon <= 180; lon += 5) pts.push([lon, lat]);
    lines.push(pts);
  }
  return lines
    .map((pts) => pts.map(([lo, la], i) => {
      const [x, y] = equalEarth(lo, la);
      return `${i ? "L" : "M"}${((x + XMAX) * SCALE).toFixed(1)},${((y - YTOP) * SCALE).toFixed(1)}`;
    }).join(""))
    .join("");
}

export class WorldMap {
  constructor(container, table, names) {
    this.container = container;
    this.table = table;
    this.names = names;
    this.paths = [];
    this.statusOf = new Map();
    this.fit = true;
    this.ready = this.load();
  }

  async load() {
    let geo;
    try {
      geo = await api("/geo/countries");
    } catch (err) {
      clear(this.container).append(
        el("div", { class: "map-missing" },
          el("strong", { text: "map data not installed: casus data fetch naturalearth (or casus data import PATH)" }),
          el("p", { text: "The map is drawn from your copy of Natural Earth (1:110m countries), which casus does not ship. " +
            "Members, timeline, network and the casus-foederis form work without it." }),
          el("p", { class: "muted small", text: err.message })),
      );
      return;
    }
    const root = svg("svg", { viewBox: `0 0 ${WIDTH.toFixed(0)} ${HEIGHT.toFixed(0)}`, class: "map-svg", role: "img",
      "aria-label": "World map of the members on the selected date" });
    root.append(
      svg("defs", {}, Object.entries(STATUS_COLORS).map(([status, color]) =>
        svg("pattern", { id: `hatch-${status}`, width: 5, height: 5, patternUnits: "userSpaceOnUse",
          patternTransform: "rotate(45)" },
        svg("rect", { width: 5, height: 5, fill: "#e4e8ee" }),
        svg("line", { x1: 0, y1: 0, x2: 0, y2: 5, stroke: color, "stroke-width": 2.2 })))),
      svg("path", { d: graticule(), class: "graticule" }),
    );
    const g = svg("g", { class: "countries" });
    for (const f of geo.features) {
      if (f.properties.code === "ATA") continue;
      const shape = shapeOf(f.geometry);
      const p = svg("path", { d: shape.d, class: "country" });
      const props = f.properties;
      withTooltip(p, () => this.describe(props));
      g.append(p);
      this.paths.push({ node: p, props, parts: shape.parts });
    }
    root.append(g);
    this.svg = root;
    const fit = el("input", { type: "checkbox", checked: this.fit });
    fit.addEventListener("change", () => {
      this.fit = fit.checked;
      this.frame();
    });
    clear(this.container).append(root, el("div", { class: "map-foot" },
      el("label", { class: "fit" }, fit, "zoom to members"),
      el("span", { class: "attribution", text: geo.attribution })));
    this.paint();
  }

  describe(props) {
    const own = props.state && this.statusOf.get(props.state);
    const sov = !own && props.sovereign && this.statusOf.get(props.sovereign);
    const lines = [el("strong", { text: props.name })];
    if (own) lines.push(el("div", { text: `${word(own.status)} since ${humanDate(own.since)}` }));
    else if (sov) {
      lines.push(el("div", { text: `territory of ${this.names.get(props.sovereign) || props.sovereign} ` +
        `(${word(sov.status)}); whether the treaty area covers it: ask the casus-foederis form` }));
    } else lines.push(el("div", { class: "muted", text: "not a member on this date" }));
    return lines;
  }

  /** Colour the countries by their status in `roster` (the members endpoint's answer), or clear them. */
  async update(roster, org, date) {
    this.statusOf = new Map((roster ? roster.members : []).map((m) => [m.state, m]));
    await this.ready;
    this.paint();
    const name = org ? org.acronyms.en || org.name : "";
    const n = this.statusOf.size;
    const label = `World map of ${name} on ${humanDate(date)}: ${n} ${n === 1 ? "state" : "states"} shaded` +
      `${n ? `, ${[...this.statusOf.values()].map((m) => `${m.name} (${word(m.status)})`).join(", ")}` : ""}.`;
    if (this.svg) this.svg.setAttribute("aria-label", label);
    this.renderTable(name, date);
  }

  /** The map as a table: each shaded country or territory, its status and why it is shaded. */
  renderTable(name, date) {
    const rows = [];
    for (const { props } of this.paths) {
      const own = props.state && this.statusOf.get(props.state);
      const sov = !own && props.sovereign && this.statusOf.get(props.sovereign);
      if (own) rows.push([props.name, word(own.status), `since ${humanDate(own.since)}`]);
      else if (sov) {
        rows.push([props.name, "territory of a member (hatched)",
          `${this.names.get(props.sovereign) || props.sovereign} is ${word(sov.status) === "member" ? "a member" : word(sov.status)}`]);
      }
    }
    if (!this.paths.length) {
      for (const m of this.statusOf.values()) rows.push([m.name, word(m.status), `since ${humanDate(m.since)}`]);
    }
    rows.sort((a, b) => a[0].localeCompare(b[0]));
    clear(this.table).append(rows.length
      ? el("table", { class: "plain-table" },
        el("caption", { text: `Countries shaded on the map: ${name}, ${humanDate(date)}` }),
        el("thead", {}, el("tr", {}, ...["Country or territory", "Shaded as", "Detail"].map((h) => el("th", { scope: "col", text: h })))),
        el("tbody", {}, ...rows.map(([a, b, c]) => el("tr", {}, el("th", { scope: "row", text: a }), el("td", { text: b }), el("td", { text: c })))))
      : el("p", { class: "muted", text: `No country shaded: ${name} has no members on ${humanDate(date)}.` }));
  }

  paint() {
    for (const { node, props } of this.paths) {
      const own = props.state && this.statusOf.get(props.state);
      const sov = !own && props.sovereign && this.statusOf.get(props.sovereign);
      node.classList.toggle("member", Boolean(own));
      node.classList.toggle("dependency", Boolean(sov));
      if (own) node.style.fill = STATUS_COLORS[own.status] || "#64748b";
      else if (sov) node.style.fill = `url(#hatch-${sov.status})`;
      else node.style.fill = "";
    }
    this.frame();
  }

  /** Zoom to the members' main territories (parts at least a tenth of a member's largest), or show the world. */
  frame() {
    if (!this.svg) return;
    const boxes = [];
    if (this.fit) {
      for (const { props, parts } of this.paths) {
        if (!(props.state && this.statusOf.has(props.state))) continue;
        const largest = Math.max(...parts.map((p) => p.area));
        for (const p of parts) if (p.area >= largest / 10) boxes.push(p.box);
      }
    }
    if (!boxes.length) {
      this.svg.setAttribute("viewBox", `0 0 ${WIDTH.toFixed(0)} ${HEIGHT.toFixed(0)}`);
      return;
    }
    let [x0, y0, x1, y1] = [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])),
      Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))];
    const ratio = WIDTH / HEIGHT;
    let w = Math.max((x1 - x0) * 1.15, WIDTH * 0.3);
    let h = Math.max((y1 - y0) * 1.15, w / ratio);
    w = Math.max(w, h * ratio);
    w = Math.min(w, WIDTH);
    h = Math.min(h, HEIGHT);
    const cx = Math.min(Math.max((x0 + x1) / 2, w / 2), WIDTH - w / 2);
    const cy = Math.min(Math.max((y0 + y1) / 2, h / 2), HEIGHT - h / 2);
    this.svg.setAttribute("viewBox", `${(cx - w / 2).toFixed(0)} ${(cy - h / 2).toFixed(0)} ${w.toFixed(0)} ${h.toFixed(0)}`);
  }
}
