// The API reference page: renders this server's OpenAPI description and lets a reader try each endpoint.
// A local replacement for Swagger UI, which FastAPI would load from a CDN.

import { clear, el } from "./util.js";

function typeOf(schema) {
  if (!schema) return "";
  if (schema.anyOf) return schema.anyOf.map(typeOf).filter((t) => t !== "null").join(" | ");
  return schema.type || "";
}

/** Text with `code` spans as nodes. */
function rich(text) {
  return text.split("`").map((part, i) => (i % 2 ? el("code", { text: part }) : part));
}

function operation(path, method, op) {
  const [first, ...rest] = (op.description || op.summary || "").split("\n\n");
  const params = op.parameters || [];
  const inputs = new Map();
  const rows = params.map((p) => {
    const example = (p.schema && p.schema.examples && p.schema.examples[0]) || (p.examples && Object.values(p.examples)[0]?.value) || "";
    const input = el("input", { name: p.name, placeholder: example ? String(example) : "", value: example || "" });
    inputs.set(p.name, { input, where: p.in });
    return el("tr", {},
      el("td", {}, el("code", { text: p.name }), p.required ? el("span", { class: "req", text: "required" }) : null),
      el("td", { class: "muted nowrap", text: `${p.in} · ${typeOf(p.schema)}` }),
      el("td", {}, ...rich(p.description || (p.schema && p.schema.description) || "")),
      el("td", {}, input));
  });
  const out = el("div");
  const urlCode = el("code");
  const buildUrl = () => {
    let url = path;
    const query = new URLSearchParams();
    for (const [name, { input, where }] of inputs) {
      if (where === "path") url = url.replace(`{${name}}`, encodeURIComponent(input.value));
      else if (input.value !== "") query.set(name, input.value);
    }
    const q = query.toString();
    return q ? `${url}?${q}` : url;
  };
  const refresh = () => { urlCode.textContent = `GET ${buildUrl()}`; };
  for (const { input } of inputs.values()) input.addEventListener("input", refresh);
  refresh();
  const button = el("button", { type: "button", class: "primary", text: "Try it", onclick: async () => {
    const url = buildUrl();
    const response = await fetch(url);
    const text = await response.text();
    let pretty = text;
    try {
      pretty = JSON.stringify(JSON.parse(text), null, 2);
    } catch (_) { /* not JSON */ }
    if (pretty.length > 60000) pretty = `${pretty.slice(0, 60000)}\n… (truncated)`;
    clear(out).append(el("div", { class: "status-line", text: `${response.status} ${response.statusText}` }),
      el("pre", { class: "response", text: pretty }));
  } });
  const responses = Object.entries(op.responses || {}).map(([code, r]) => `${code} ${r.description}`).join(" · ");
  return el("details", { class: "card op", id: path, open: window.location.hash === `#${path}` },
    el("summary", {}, el("span", { class: "method", text: method.toUpperCase() }), el("span", { class: "path", text: path }),
      el("span", { class: "op-summary" }, ...rich(first.replaceAll("\n", " ")))),
    el("div", { class: "op-body" },
      ...rest.map((p) => el("p", {}, ...rich(p.replaceAll("\n", " ")))),
      rows.length ? el("table", { class: "params" }, el("thead", {}, el("tr", {},
        ...["parameter", "in", "description", "value"].map((h) => el("th", { text: h })))), el("tbody", {}, ...rows)) : null,
      el("div", { class: "try" }, button, urlCode),
      el("p", { class: "responses", text: `Responses: ${responses}` }),
      out));
}

async function main() {
  const spec = await (await fetch("/api/v1/openapi.json")).json();
  const intro = document.getElementById("intro");
  intro.append(el("h2", { text: `${spec.info.title} ${spec.info.version} — ${spec.info.summary || ""}` }),
    ...spec.info.description.split("\n\n").map((p) => el("p", {}, ...rich(p.replaceAll("\n", " ")))));
  const ops = document.getElementById("operations");
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) ops.append(operation(path, method, op));
  }
}

main();
