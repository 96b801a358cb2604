// Offices and bodies panel: who held each office of the selected organization on the dashboard's date, and the
// organization's bodies with their decision rules. Self-contained: it reads the organization picker (#org) and
// the date field (#date-input), follows their changes, and renders into #offices and #bodies.

import { api, clear, el, humanDate } from "./util.js";

const $ = (sel) => document.querySelector(sel);

function holderLine(office) {
  const h = office.holder;
  const role = office.role.replace(/_/g, " ");
  if (!h) return el("li", {}, `${role}: ${office.vacant ? "vacant on this date" : "no holder recorded yet"}`);
  const span = `since ${humanDate(h.start)}${h.end ? `, until ${humanDate(h.end)}` : ""}`;
  const item = el("li", {}, el("strong", {}, h.person), ` — ${role}, ${span} `, el("span", { class: "muted" }, `(${h.source_short})`));
  if (office.unknown_after) {
    item.append(el("span", { class: "unknown" }, ` · unknown after ${humanDate(office.unknown_after)}: the holder shown is the one known then`));
  }
  return item;
}

function bodyRow(b) {
  const rule = b.decision_rule.replace(/_/g, " ") + (b.one_member_can_block ? " (one member can block)" : "");
  return el("tr", {}, el("td", {}, b.name), el("td", {}, b.kind), el("td", {}, rule), el("td", {}, b.description || ""));
}

async function refresh() {
  const org = $("#org") && $("#org").value;
  const box = $("#offices");
  const bodies = $("#bodies");
  if (!org || !box || !bodies) return;
  const on = ($("#date-input") && $("#date-input").value) || undefined;
  try {
    const [offices, organs] = await Promise.all([api(`/orgs/${encodeURIComponent(org)}/offices`, { on }), api(`/orgs/${encodeURIComponent(org)}/bodies`)]);
    clear(box);
    if (!offices.offices.length) box.append(el("p", { class: "muted" }, "No office-holders are recorded for this organization."));
    else box.append(el("ul", { class: "offices" }, ...offices.offices.map(holderLine)));
    clear(bodies);
    if (!organs.length) bodies.append(el("p", { class: "muted" }, "No standing bodies (an alliance by treaty)."));
    else bodies.append(el("table", { class: "bodies" },
      el("thead", {}, el("tr", {}, el("th", {}, "Body"), el("th", {}, "Kind"), el("th", {}, "Decides by"), el("th", {}, "Role"))),
      el("tbody", {}, ...organs.map(bodyRow))));
  } catch (err) {
    clear(box);
    box.append(el("p", { class: "muted" }, err.message));
  }
}

function start() {
  for (const sel of ["#org", "#date-input", "#slider"]) {
    const node = $(sel);
    if (node) node.addEventListener("change", refresh);
  }
  const label = $("#date-label");
  if (label) new MutationObserver(refresh).observe(label, { childList: true, characterData: true, subtree: true });
  refresh();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
