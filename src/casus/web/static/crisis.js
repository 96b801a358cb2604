// Crisis model panel: simulate a built-in scenario and show, next to every probability, the base rate of the
// same kind of request among the real training episodes (so a reader sees what the model adds). Self-contained:
// it renders into #crisis and reads nothing else on the page.

import { api, clear, el } from "./util.js";

const pct = (x) => `${(100 * x).toFixed(1)} %`;

function resultTable(d) {
  const ref = d.base_rate;
  const head = el("tr", {}, el("th", {}, "Response"), el("th", {}, "Model"),
    el("th", {}, ref ? `Base rate (${ref.n} real ${ref.request} requests)` : "Base rate"));
  const rows = d.responses.map((r) => el("tr", {},
    el("td", {}, r.response.replace(/_/g, " ")), el("td", { class: "num" }, pct(r.probability)),
    el("td", { class: "num muted" }, r.base_rate === undefined ? "—" : pct(r.base_rate))));
  const honoured = el("tr", { class: "total" }, el("td", {}, el("strong", {}, "request honoured")),
    el("td", { class: "num" }, el("strong", {}, pct(d.p_honoured))),
    el("td", { class: "num muted" }, ref ? pct(ref.honoured) : "—"));
  return el("table", { class: "crisis-table" }, el("thead", {}, head), el("tbody", {}, ...rows, honoured));
}

async function run(name, box) {
  clear(box);
  box.append(el("p", { class: "muted" }, "Simulating…"));
  try {
    const d = await api(`/scenarios/${encodeURIComponent(name)}/simulate`, { runs: 20000, seed: 1 });
    clear(box);
    box.append(el("p", { class: "muted" }, d.label), resultTable(d),
      el("p", { class: "muted" }, `${d.runs.toLocaleString()} runs, seed ${d.seed}; base rates: ${d.base_rate ? d.base_rate.source : "none for this request kind"}.`));
  } catch (err) {
    clear(box);
    box.append(el("p", { class: "error" }, String(err.message || err)));
  }
}

async function init() {
  const box = document.querySelector("#crisis");
  const pick = document.querySelector("#crisis-scenario");
  if (!box || !pick) return;
  try {
    const names = await api("/scenarios");
    for (const [name, title] of Object.entries(names)) pick.append(el("option", { value: name }, title || name));
  } catch (err) {
    box.append(el("p", { class: "error" }, String(err.message || err)));
    return;
  }
  pick.addEventListener("change", () => run(pick.value, box));
  if (pick.value) run(pick.value, box);
}

init();
