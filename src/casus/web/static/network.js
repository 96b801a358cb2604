// Membership network on a date: organizations and alliance treaties (large nodes) linked to their member
// states (small nodes), laid out by a small deterministic force simulation and drawn as plain SVG.

import { STATUS_COLORS, clear, el, humanDate, navLink, svg, withTooltip } from "./util.js";
import { word } from "./words.js";

const W = 1000;
const H = 640;
const KNOWN_COLORS = { nato: "#1e4fa8", csto: "#a4461b", "rio-1947": "#0f766e", "anzus-1951": "#6d28d9" };
const SCOPE_COLORS = ["#9d174d", "#365314", "#854d0e", "#3f3f46", "#155e75", "#7c2d12", "#4338ca"];

/** A colour per organization or treaty that stays the same from one date to the next. */
function colorOf(id) {
  if (KNOWN_COLORS[id]) return KNOWN_COLORS[id];
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return SCOPE_COLORS[h % SCOPE_COLORS.length];
}

function scopeRadius(n) {
  return 14 + 2.2 * Math.sqrt(n);
}

/** Deterministic pseudo-random numbers (mulberry32), so a date always gives the same picture. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function layout(nodes, links, previous) {
  const rand = rng(42);
  nodes.forEach((n, i) => {
    const old = previous.get(n.id);
    if (old) [n.x, n.y] = old;
    else if (n.kind === "scope") {
      const a = (2 * Math.PI * i) / Math.max(1, nodes.filter((m) => m.kind === "scope").length);
      n.x = W / 2 + 220 * Math.cos(a);
      n.y = H / 2 + 160 * Math.sin(a);
    } else {
      n.x = W / 2 + (rand() - 0.5) * 600;
      n.y = H / 2 + (rand() - 0.5) * 400;
    }
    n.vx = 0;
    n.vy = 0;
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = links.map((l) => [byId.get(l.source), byId.get(l.target)]);
  const iterations = 360;
  for (let it = 0; it < iterations; it++) {
    const alpha = 1 - it / iterations;
    for (let i = 0; i < nodes.length; i++) {
      const a = nodes[i];
      for (let j = i + 1; j < nodes.length; j++) {
        const b = nodes[j];
        let dx = b.x - a.x;
        let dy = b.y - a.y;
        let d2 = dx * dx + dy * dy;
        if (d2 < 0.01) {
          dx = rand() - 0.5;
          dy = rand() - 0.5;
          d2 = 0.25;
        }
        const d = Math.sqrt(d2);
        const both = a.kind === "scope" && b.kind === "scope";
        const charge = both ? 60 : (a.kind === "scope" ? 4 : 1) * (b.kind === "scope" ? 4 : 1);
        let f = (900 * charge) / d2;
        const minD = a.r + b.r + (both ? 90 : 6);
        if (d < minD) f += (minD - d) * 0.5;
        const fx = (dx / d) * f;
        const fy = (dy / d) * f;
        a.vx -= fx;
        a.vy -= fy;
        b.vx += fx;
        b.vy += fy;
      }
    }
    for (const [s, t] of edges) {
      const dx = t.x - s.x;
      const dy = t.y - s.y;
      const d = Math.sqrt(dx * dx + dy * dy) || 1;
      const rest = s.r + 34 + 6 * Math.sqrt(s.data.members);
      const f = (d - rest) * 0.06;
      const fx = (dx / d) * f;
      const fy = (dy / d) * f;
      s.vx += fx * 0.3;
      s.vy += fy * 0.3;
      t.vx -= fx;
      t.vy -= fy;
    }
    for (const n of nodes) {
      n.vx += (W / 2 - n.x) * 0.02;
      n.vy += (H / 2 - n.y) * 0.011;
      const step = Math.max(-30, Math.min(30, n.vx * 0.5 * alpha));
      const stepY = Math.max(-30, Math.min(30, n.vy * 0.5 * alpha));
      n.x += step;
      n.y += stepY;
      n.vx *= 0.5;
      n.vy *= 0.5;
    }
  }
}

export class Network {
  constructor(container, table, linkTo) {
    this.container = container;
    this.table = table;
    this.linkTo = linkTo;
    this.positions = new Map();
  }

  /** The network as a table: each organization or treaty, its members and their statuses. */
  renderTable(data, selected, date) {
    const names = new Map(data.states.map((s) => [s.state, s.name]));
    const membersOf = new Map(data.scopes.map((s) => [s.id, []]));
    for (const l of data.links) {
      if (membersOf.has(l.scope)) membersOf.get(l.scope).push(l);
    }
    const rows = data.scopes.map((s) => {
      const ms = membersOf.get(s.id).map((l) => `${names.get(l.state) || l.state}${l.status === "member" ? "" : ` (${word(l.status)})`}`);
      const name = s.kind === "organization"
        ? navLink(this.linkTo, { org: s.id }, { class: "scope-link", "aria-current": s.id === selected ? "true" : null }, s.label)
        : s.label;
      return el("tr", { class: s.id === selected ? "selected" : "" },
        el("th", { scope: "row" }, name, el("div", { class: "muted small",
          text: `${s.kind === "organization" ? "organization" : "treaty"}: ${s.name}` })),
        el("td", { class: "num", text: String(s.members) }),
        el("td", { class: "member-list", text: ms.sort().join(", ") }));
    });
    clear(this.table).append(data.scopes.length
      ? el("table", { class: "plain-table network-list" },
        el("caption", { text: `Organizations and alliance treaties on ${humanDate(date)}` }),
        el("thead", {}, el("tr", {}, ...["Organization or treaty", "States", "Members"].map((h) => el("th", { scope: "col", text: h })))),
        el("tbody", {}, ...rows))
      : el("p", { class: "muted", text: "No alliance recorded on this date." }));
  }

  /** Draw the network (the network endpoint's answer) on `date`, highlighting the organization `selected`. */
  render(data, selected, date) {
    this.renderTable(data, selected, date);
    if (!data.scopes.length) {
      clear(this.container).append(el("p", { class: "muted empty", text: "No alliance recorded on this date." }));
      return;
    }
    const nodes = [
      ...data.scopes.map((s) => ({ id: `s:${s.id}`, kind: "scope", data: s, r: scopeRadius(s.members) })),
      ...data.states.map((s) => ({ id: `t:${s.state}`, kind: "state", data: s, r: 6 })),
    ];
    const links = data.links.map((l) => ({ source: `s:${l.scope}`, target: `t:${l.state}`, data: l }));
    layout(nodes, links, this.positions);
    this.positions = new Map(nodes.map((n) => [n.id, [n.x, n.y]]));

    // Fit the drawing, labels included. Labels keep a legible size on screen (13 px organizations, 10 px
    // states) whatever the drawing's scale, so the scale (`unit`, drawing units per pixel) and the box that
    // holds the labels depend on each other: a few rounds settle them.
    const shown = this.container.clientWidth;
    let unit = 1;
    let [x0, x1, y0, y1] = [0, 0, 0, 0];
    for (let round = 0; round < 6; round++) {
      const half = (n) => (n.kind === "scope" ? Math.max(n.r, n.data.label.length * 4 * unit) + 4 : n.r + 30 * unit);
      x0 = Math.min(...nodes.map((n) => n.x - half(n))) - 8;
      x1 = Math.max(...nodes.map((n) => n.x + half(n))) + 8;
      y0 = Math.min(...nodes.map((n) => n.y - n.r)) - 10;
      y1 = Math.max(...nodes.map((n) => n.y + n.r + (n.kind === "scope" ? 18 * unit : 4))) + 10;
      if (!shown) break;
      unit = Math.min(4, Math.max(1, (x1 - x0) / shown));
    }
    const w = x1 - x0;
    const h = y1 - y0;
    const root = svg("svg", { viewBox: `${x0.toFixed(0)} ${y0.toFixed(0)} ${w.toFixed(0)} ${h.toFixed(0)}`,
      class: "network-svg", "aria-label": `Membership network on ${humanDate(date)}: ${data.scopes.length} ` +
        "organizations and treaties linked to their member states; the table view lists them", role: "group" });
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const scopesOf = new Map();
    for (const l of data.links) {
      if (!scopesOf.has(l.state)) scopesOf.set(l.state, []);
      scopesOf.get(l.state).push(l);
    }
    const labelOf = new Map(data.scopes.map((s) => [s.id, s.label]));

    const gl = svg("g", { class: "links" });
    for (const l of links) {
      const s = byId.get(l.source);
      const t = byId.get(l.target);
      const on = l.data.scope === selected;
      gl.append(svg("line", { x1: s.x.toFixed(1), y1: s.y.toFixed(1), x2: t.x.toFixed(1), y2: t.y.toFixed(1),
        stroke: l.data.status === "member" ? colorOf(l.data.scope) : STATUS_COLORS[l.data.status] || "#999",
        class: `link ${on ? "selected" : ""} status-${l.data.status}` }));
    }
    const gn = svg("g", { class: "nodes" });
    for (const n of nodes) {
      if (n.kind === "scope") {
        const s = n.data;
        const g = svg("g", { class: `scope ${s.id === selected ? "selected" : ""} ${s.kind}`,
          transform: `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})`, "aria-hidden": s.kind === "organization" ? null : "true" },
        svg("circle", { r: n.r.toFixed(1), fill: colorOf(s.id) }),
        svg("text", { y: n.r + 13 * unit, "text-anchor": "middle", class: "scope-label" }, s.label));
        withTooltip(g, () => [el("strong", { text: s.name }),
          el("div", { text: `${s.members} states · ${s.kind === "organization" ? "organization" : "treaty"}` })]);
        if (s.kind === "organization") {
          const changes = { org: s.id };
          const a = svg("a", { href: this.linkTo(changes), "data-go": JSON.stringify(changes),
            "aria-label": `${s.label} (${s.name}), ${s.members} states: show this organization` }, g);
          gn.append(a);
        } else gn.append(g);
      } else {
        const s = n.data;
        const mine = scopesOf.get(s.state) || [];
        const inSelected = mine.some((l) => l.scope === selected);
        const g = svg("g", { class: `state ${inSelected ? "selected" : ""}`, "aria-hidden": "true",
          transform: `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})` },
        svg("circle", { r: n.r }),
        svg("text", { x: 8, y: 3.5 * unit, class: "state-label" }, s.state));
        withTooltip(g, () => [el("strong", { text: s.name }),
          ...mine.map((l) => el("div", { text: `${labelOf.get(l.scope)}: ${word(l.status)}` }))]);
        gn.append(g);
      }
    }
    gl.setAttribute("aria-hidden", "true");
    root.append(gl, gn);
    root.style.setProperty("--unit", unit.toFixed(3));
    clear(this.container).append(root);
  }
}
