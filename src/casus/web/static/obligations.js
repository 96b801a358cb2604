// Obligation network panel: who must defend whom on a date (GET /api/v1/obligations/network). States sit on a
// circle grouped by region; an arrow-less line joins each obligated state to each state it must defend, and a
// table lists the most defended states. Self-contained: it renders into #obligations and reads nothing else.

import { api, clear, el, humanDate, svg, withTooltip } from "./util.js";

const SIZE = 640;
const R = 260;
const REGIONS = ["americas", "europe", "africa", "middle-east", "asia", "oceania"];

function circle(nodes) {
  const order = [...nodes].sort((a, b) =>
    (REGIONS.indexOf(a.region) - REGIONS.indexOf(b.region)) || a.name.localeCompare(b.name));
  const pos = new Map();
  order.forEach((n, i) => {
    const t = (2 * Math.PI * i) / order.length - Math.PI / 2;
    pos.set(n.state, [SIZE / 2 + R * Math.cos(t), SIZE / 2 + R * Math.sin(t)]);
  });
  return pos;
}

function draw(d) {
  const linked = d.nodes.filter((n) => n.defends + n.defended_by > 0);
  const pos = circle(linked);
  const chart = svg("svg", { viewBox: `0 0 ${SIZE} ${SIZE}`, class: "obligations-svg", role: "img",
    "aria-label": `${d.edges.length} obligations among ${linked.length} states on ${humanDate(d.on)}` });
  const edges = svg("g", { class: "edges" });
  for (const e of d.edges) {
    const [x1, y1] = pos.get(e.source);
    const [x2, y2] = pos.get(e.target);
    edges.append(svg("line", { x1, y1, x2, y2, class: `edge ${e.verdict}` }));
  }
  const dots = svg("g", { class: "dots" });
  for (const n of linked) {
    const [cx, cy] = pos.get(n.state);
    const dot = svg("circle", { cx, cy, r: 2.5 + Math.sqrt(n.defended_by) / 1.6, class: "state-dot" });
    withTooltip(dot, `${n.name}: defended by ${n.defended_by}, must defend ${n.defends}`);
    dots.append(dot);
  }
  chart.append(edges, dots);
  return chart;
}

function table(d) {
  const top = [...d.nodes].filter((n) => n.defended_by > 0)
    .sort((a, b) => b.defended_by - a.defended_by || a.name.localeCompare(b.name)).slice(0, 12);
  const head = el("tr", {}, el("th", {}, "State"), el("th", {}, "Defended by"), el("th", {}, "Must defend"));
  const rows = top.map((n) => el("tr", {}, el("td", {}, n.name), el("td", { class: "num" }, n.defended_by),
    el("td", { class: "num" }, n.defends)));
  return el("table", { class: "obligations-table" }, el("caption", {}, "Most defended states"),
    el("thead", {}, head), el("tbody", {}, ...rows));
}

async function run(form, box) {
  const data = new FormData(form);
  clear(box);
  box.append(el("p", { class: "muted" }, "Asking every pair of states…"));
  try {
    const d = await api("/obligations/network", {
      on: data.get("on"), atop: data.get("atop") ? "true" : "false",
      indeterminate: data.get("indeterminate") ? "true" : "false",
    });
    clear(box);
    const summary = `${d.edges.length.toLocaleString()} obligations (${d.indeterminate ? "triggered or undecided" : "triggered"}) ` +
      `among ${d.system.states} states on ${humanDate(d.on)}.`;
    box.append(el("p", { class: "obligations-summary" }, summary), draw(d), table(d),
      el("p", { class: "muted" }, d.system.note));
  } catch (err) {
    clear(box);
    box.append(el("p", { class: "error" }, String(err.message || err)));
  }
}

function init() {
  const form = document.querySelector("#obligations-form");
  const box = document.querySelector("#obligations");
  if (!form || !box) return;
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    run(form, box);
  });
}

init();
