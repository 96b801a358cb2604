// Small helpers shared by the dashboard modules. No dependencies; nothing is fetched from other hosts.

export const SVG_NS = "http://www.w3.org/2000/svg";

/** Status colours: white text on each has at least 4.5:1 contrast (WCAG 2.1 AA). */
export const STATUS_COLORS = {
  member: "#2559c4",
  suspended: "#a84f00",
  observer: "#6d3fd6",
  partner: "#0b7163",
  applicant: "#b0195d",
};

/** Create an element: el("td", {class: "x", title: "y"}, child, "text"). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

/** Create an SVG element. */
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function setAttrs(node, attrs) {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v === true ? "" : String(v));
  }
}

function append(node, children) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Remove every child of a node. */
export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/** An API error with the server's error shape. */
export class ApiError extends Error {
  constructor(status, body) {
    const err = (body && body.error) || {};
    super(err.message || `HTTP ${status}`);
    this.status = status;
    this.kind = err.kind || "http_error";
    this.suggestions = err.suggestions || [];
  }
}

/** GET a JSON endpoint under /api/v1; throws ApiError on an error response. */
export async function api(path, params = {}) {
  const url = new URL(`/api/v1${path}`, window.location.origin);
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== "") url.searchParams.set(k, v);
  }
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await response.json();
  } catch (_) {
    body = null;
  }
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

/** ISO date (YYYY-MM-DD) of a Date, in UTC. */
export function isoDate(d) {
  return d.toISOString().slice(0, 10);
}

/** Date from an ISO string, at UTC midnight. */
export function parseIso(s) {
  return new Date(`${s}T00:00:00Z`);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "25 Jun 2024" from "2024-06-25". */
export function humanDate(iso, precision = "day") {
  if (!iso) return "";
  const [y, m, d] = iso.split("-").map(Number);
  if (precision === "year") return String(y);
  if (precision === "month") return `${MONTHS[m - 1]} ${y}`;
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** Run fn at most once per `ms`, always with the latest arguments. */
export function debounce(fn, ms) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/** A small floating tooltip shared by the map, timeline and network. */
export const tooltip = (() => {
  let node = null;
  const ensure = () => {
    if (!node) {
      node = el("div", { class: "tooltip", role: "tooltip" });
      document.body.append(node);
    }
    return node;
  };
  return {
    show(event, ...content) {
      const t = clear(ensure());
      append(t, content);
      t.classList.add("visible");
      this.move(event);
    },
    move(event) {
      const t = ensure();
      const pad = 14;
      let x = event.clientX + pad;
      let y = event.clientY + pad;
      const r = t.getBoundingClientRect();
      if (x + r.width > window.innerWidth - 8) x = event.clientX - r.width - pad;
      if (y + r.height > window.innerHeight - 8) y = event.clientY - r.height - pad;
      t.style.left = `${x}px`;
      t.style.top = `${y}px`;
    },
    hide() {
      if (node) node.classList.remove("visible");
    },
  };
})();

/** Attach the shared tooltip to a node; `content` is a function returning nodes or strings. */
export function withTooltip(node, content) {
  node.addEventListener("mouseenter", (e) => tooltip.show(e, ...[].concat(content())));
  node.addEventListener("mousemove", (e) => tooltip.move(e));
  node.addEventListener("mouseleave", () => tooltip.hide());
  return node;
}

/** A link that changes the dashboard's view: `linkTo(changes)` is its address, `changes` what a click applies. */
export function navLink(linkTo, changes, attrs, ...children) {
  return el("a", { ...attrs, href: linkTo(changes), "data-go": JSON.stringify(changes) }, ...children);
}
