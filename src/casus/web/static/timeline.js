// An organization's timeline: an SVG strip with one lane per kind of event, and the list of events below.
// Clicking an event moves the dashboard to its date.

import { clear, el, humanDate, isoDate, navLink, parseIso, svg, withTooltip } from "./util.js";
import { word } from "./words.js";

const LANES = [
  { name: "Membership", short: "Members", types: ["accession", "application", "suspension", "reinstatement", "withdrawal",
    "consideration_of_withdrawal", "status_change"] },
  { name: "Treaties & summits", short: "Treaties", types: ["founding", "treaty", "summit", "statement"] },
  { name: "Crises", short: "Crises", types: ["request_for_assistance", "invocation", "deployment", "refusal"] },
];

export const TYPE_COLORS = {
  accession: "#2f6fdb", reinstatement: "#2f6fdb", application: "#db2777", suspension: "#e8912d",
  withdrawal: "#dc2626", consideration_of_withdrawal: "#f59e0b", status_change: "#64748b",
  founding: "#0f1b2d", treaty: "#334155", summit: "#64748b", statement: "#94a3b8",
  request_for_assistance: "#8b5cf6", invocation: "#b91c1c", deployment: "#0d9488", refusal: "#7f1d1d",
};

const LANE_H = 34;
const NARROW = 560;
const RIGHT = 18;
const TOP = 8;
const DAY = 86400000;

function laneOf(type) {
  const i = LANES.findIndex((l) => l.types.includes(type));
  return i < 0 ? 0 : i;
}

export function typeLabel(type) {
  return word(type);
}

export class Timeline {
  constructor(strip, list, onPick, linkTo) {
    this.strip = strip;
    this.list = list;
    this.onPick = onPick;
    this.linkTo = linkTo;
    this.events = [];
    this.date = null;
    new ResizeObserver(() => this.drawStrip()).observe(strip);
  }

  /** Show `events` (the timeline endpoint's answer) of an organization founded on `founded`. */
  setEvents(events, founded) {
    this.events = events;
    const first = events.length ? events[0].date : founded;
    const start = parseIso(founded && founded < first ? founded : first);
    this.start = new Date(Date.UTC(start.getUTCFullYear() - 1, 0, 1));
    this.end = new Date();
    this.drawStrip();
    this.drawList();
  }

  /** Move the "now" line and highlight the events up to `date` (ISO). */
  setDate(date) {
    this.date = date;
    this.drawCursor();
    for (const li of this.list.querySelectorAll("li")) li.classList.toggle("future", li.dataset.date > date);
    const past = [...this.list.querySelectorAll("li:not(.future)")];
    const last = past[past.length - 1];
    for (const li of this.list.querySelectorAll("li.current")) li.classList.remove("current");
    if (last) {
      last.classList.add("current");
      const top = last.offsetTop - this.list.offsetTop - this.list.clientHeight / 2;
      this.list.scrollTo({ top: Math.max(0, top), behavior: "auto" });
    }
  }

  x(date) {
    const w = this.width - this.left - RIGHT;
    return this.left + ((parseIso(date) - this.start) / (this.end - this.start)) * w;
  }

  drawStrip() {
    if (!this.start) return;
    this.width = Math.max(240, this.strip.clientWidth);
    const narrow = this.width < NARROW;
    this.left = narrow ? 70 : 132;
    const height = TOP + LANES.length * LANE_H + 22;
    const root = svg("svg", { width: this.width, height, class: "timeline-svg", role: "img",
      "aria-label": `Timeline strip of ${this.events.length} events; the list below gives each event and its date` });
    LANES.forEach((lane, i) => {
      const y = TOP + i * LANE_H;
      root.append(
        svg("rect", { x: this.left, y, width: this.width - this.left - RIGHT, height: LANE_H - 4, rx: 4, class: "lane" }),
        svg("text", { x: this.left - 8, y: y + LANE_H / 2 + 2, class: "lane-label", "text-anchor": "end" },
          narrow ? lane.short : lane.name),
      );
    });
    const axisY = TOP + LANES.length * LANE_H + 4;
    const y0 = this.start.getUTCFullYear();
    const y1 = this.end.getUTCFullYear();
    const span = (y1 - y0) / Math.max(1, (this.width - this.left) / 60);
    const step = [5, 10, 20, 25, 50].find((s) => s >= span) || 50;
    for (let year = Math.ceil(y0 / step) * step; year <= y1; year += step) {
      const x = this.x(`${year}-01-01`);
      root.append(
        svg("line", { x1: x, x2: x, y1: TOP, y2: axisY - 4, class: "tick" }),
        svg("text", { x, y: axisY + 11, "text-anchor": "middle", class: "tick-label" }, String(year)),
      );
    }
    const groups = new Map();
    for (const e of this.events) {
      const key = `${laneOf(e.type)}|${e.date}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(e);
    }
    for (const [key, evs] of groups) {
      const lane = Number(key.split("|")[0]);
      const e = evs[0];
      const r = Math.min(9, 4 + 1.6 * Math.sqrt(evs.length - 1));
      const dot = svg("circle", { cx: this.x(e.date), cy: TOP + lane * LANE_H + (LANE_H - 4) / 2, r,
        fill: TYPE_COLORS[e.type] || "#64748b", class: "event-dot" });
      withTooltip(dot, () => [
        el("strong", { text: humanDate(e.date, e.precision) }),
        ...evs.slice(0, 8).map((x) => el("div", { text: `${typeLabel(x.type)} — ${x.title}` })),
        evs.length > 8 ? el("div", { class: "muted", text: `and ${evs.length - 8} more` }) : null,
      ]);
      dot.addEventListener("click", () => this.onPick(e.date));
      root.append(dot);
    }
    this.cursor = svg("g", { class: "cursor" });
    root.append(this.cursor);
    clear(this.strip).append(root);
    this.drawCursor();
  }

  drawCursor() {
    if (!this.cursor || !this.date) return;
    clear(this.cursor);
    if (parseIso(this.date) < this.start) return;
    const x = Math.min(this.x(this.date), this.width - RIGHT);
    const bottom = TOP + LANES.length * LANE_H - 4;
    this.cursor.append(svg("line", { x1: x, x2: x, y1: TOP - 4, y2: bottom, class: "cursor-line" }));
  }

  drawList() {
    clear(this.list);
    if (!this.events.length) {
      this.list.append(el("li", { class: "empty", text: "No events recorded." }));
      return;
    }
    for (const e of this.events) {
      const li = el("li", { "data-date": e.date, title: e.source },
        navLink(this.linkTo, { on: e.date }, { class: "event-date", "aria-label": `Show ${humanDate(e.date)}` },
          el("time", { datetime: e.date, text: humanDate(e.date, e.precision) })),
        el("span", { class: "type-badge" }, el("i", { class: "type-dot", "aria-hidden": "true" }), typeLabel(e.type)),
        el("span", { class: "event-title", text: e.title }),
        el("span", { class: "event-source", text: e.source_short }));
      li.querySelector(".type-dot").style.background = TYPE_COLORS[e.type] || "#64748b";
      this.list.append(li);
    }
    if (this.date) this.setDate(this.date);
  }
}

export function today() {
  return isoDate(new Date(Math.floor(Date.now() / DAY) * DAY));
}
