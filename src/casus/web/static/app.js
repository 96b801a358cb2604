// casus dashboard: an organization, a date, and what was true on that date — members, map, timeline,
// membership network — plus the casus-foederis form. Everything comes from this server's /api/v1.

import { CasusForm, PRESETS } from "./casus.js";
import { WorldMap } from "./map.js";
import { Network } from "./network.js";
import { Timeline, today } from "./timeline.js";
import { STATUS_COLORS, STATUS_LABELS, api, clear, debounce, el, humanDate, isoDate, parseIso } from "./util.js";

const $ = (sel) => document.querySelector(sel);
const START = "1949-01-01";
const DAY = 86400000;

const state = { orgs: [], org: null, date: today(), names: new Map(), seq: 0 };

function dayIndex(iso) {
  return Math.round((parseIso(iso) - parseIso(START)) / DAY);
}

function dateOfIndex(i) {
  return isoDate(new Date(parseIso(START).getTime() + i * DAY));
}

function readHash() {
  const params = new URLSearchParams(window.location.hash.slice(1));
  return Object.fromEntries(params.entries());
}

function writeHash() {
  const params = new URLSearchParams(readHash());
  params.set("org", state.org.id);
  params.set("on", state.date);
  history.replaceState(null, "", `#${params}`);
}

function renderMembers(roster, error) {
  const box = clear($("#members"));
  const summary = clear($("#members-summary"));
  $("#members-date").textContent = humanDate(state.date);
  if (error) {
    box.append(el("div", { class: "notice", text: error.message }));
    return;
  }
  const org = state.org;
  if (!roster.members.length) {
    const note = org.founded && state.date < org.founded
      ? `${org.acronyms.en || org.name} did not exist yet: founded ${humanDate(org.founded)}.`
      : "No members on this date.";
    box.append(el("div", { class: "notice", text: note }));
    return;
  }
  const counts = {};
  for (const m of roster.members) counts[m.status] = (counts[m.status] || 0) + 1;
  summary.append(el("span", { class: "total", text: `${roster.members.length} states` }),
    ...Object.entries(counts).map(([s, n]) => el("span", { class: "pill" },
      el("i", { class: "swatch", style: `background:${STATUS_COLORS[s] || "#64748b"}` }),
      `${n} ${n > 1 && s !== "suspended" ? `${s}s` : s}`)));
  if (roster.beyond_coverage) {
    summary.append(el("div", { class: "notice small",
      text: `Facts verified through ${humanDate(roster.known_through)}; later changes are unknown.` }));
  }
  const rows = roster.members.map((m) => el("tr", {},
    el("td", { class: "state-name" }, m.name, el("span", { class: "code", text: m.state })),
    el("td", {}, el("span", { class: `status status-${m.status}`, text: m.status }),
      m.qualifier ? el("div", { class: "qualifier", text: m.qualifier }) : null),
    el("td", { class: "since", text: humanDate(m.since) }),
    el("td", { class: "source", title: m.source, text: m.source_short })));
  box.append(el("table", { class: "members-table" },
    el("thead", {}, el("tr", {}, ...["State", "Status", "Since", "Source"].map((h) => el("th", { text: h })))),
    el("tbody", {}, ...rows)));
}

async function refreshDate() {
  const seq = ++state.seq;
  const org = state.org;
  const date = state.date;
  $("#date-input").value = date;
  $("#slider").value = dayIndex(date);
  $("#date-label").textContent = humanDate(date);
  writeHash();
  state.timeline.setDate(date);
  const [members, network] = await Promise.allSettled([
    api(`/orgs/${encodeURIComponent(org.id)}/members`, { on: date }),
    api("/network", { on: date }),
  ]);
  if (seq !== state.seq) return; // a newer date was asked for meanwhile
  const roster = members.status === "fulfilled" ? members.value : null;
  renderMembers(roster, members.status === "rejected" ? members.reason : null);
  state.map.update(roster);
  if (network.status === "fulfilled") state.network.render(network.value, org.id);
}

const refreshSoon = debounce(refreshDate, 60);

function setDate(iso, immediate = true) {
  const clamped = iso < START ? START : iso > today() ? today() : iso;
  state.date = clamped;
  if (immediate) refreshDate();
  else {
    $("#date-label").textContent = humanDate(clamped);
    refreshSoon();
  }
}

async function selectOrg(id) {
  const org = state.orgs.find((o) => o.id === id) || state.orgs[0];
  state.org = org;
  $("#org").value = org.id;
  $("#org-name").textContent = org.name;
  const names = Object.entries(org.acronyms).map(([lang, a]) => `${a} (${lang})`).join(" · ");
  $("#org-meta").textContent = `${names} · founded ${humanDate(org.founded)} · facts verified through ` +
    `${humanDate(org.coverage.end)}`;
  $("#timeline-title").textContent = `${org.acronyms.en || org.name} timeline`;
  try {
    const events = await api(`/orgs/${encodeURIComponent(org.id)}/timeline`);
    state.timeline.setEvents(events, org.founded);
  } catch (err) {
    state.timeline.setEvents([], org.founded);
  }
  await refreshDate();
}

function buildSlider() {
  const slider = $("#slider");
  slider.min = 0;
  slider.max = dayIndex(today());
  slider.addEventListener("input", () => setDate(dateOfIndex(Number(slider.value)), false));
  const ticks = clear($("#ticks"));
  const max = Number(slider.max);
  for (let year = 1950; year <= new Date().getUTCFullYear(); year += 10) {
    const pos = (dayIndex(`${year}-01-01`) / max) * 100;
    ticks.append(el("span", { class: "tick", style: `left:${pos.toFixed(2)}%`, text: String(year) }));
  }
  $("#date-input").addEventListener("change", (e) => e.target.value && setDate(e.target.value));
  let timer = null;
  const play = $("#play");
  play.addEventListener("click", () => {
    if (timer) {
      clearInterval(timer);
      timer = null;
      play.textContent = "▶";
      play.setAttribute("aria-label", "Play");
      return;
    }
    if (state.date >= today()) setDate(state.org.founded || START);
    play.textContent = "❚❚";
    play.setAttribute("aria-label", "Pause");
    timer = setInterval(() => {
      const next = dateOfIndex(dayIndex(state.date) + 122);
      if (next >= today()) {
        setDate(today());
        play.click();
      } else setDate(next);
    }, 220);
  });
}

function buildLegend() {
  const legend = clear($("#legend"));
  for (const [s, color] of Object.entries(STATUS_COLORS)) {
    legend.append(el("span", { class: "pill" }, el("i", { class: "swatch", style: `background:${color}` }),
      STATUS_LABELS[s]));
  }
  legend.append(el("span", { class: "pill" }, el("i", { class: "swatch hatched" }), "territory of a member"));
}

async function main() {
  const hash = readHash();
  const [orgs, states] = await Promise.all([api("/orgs"), api("/states")]);
  state.orgs = orgs;
  for (const s of states.states) state.names.set(s.id, s.name);
  const picker = $("#org");
  for (const o of orgs) picker.append(el("option", { value: o.id, text: `${o.acronyms.en || o.id.toUpperCase()} — ${o.name}` }));
  picker.addEventListener("change", () => selectOrg(picker.value));

  const list = $("#state-names");
  for (const s of states.states) list.append(el("option", { value: s.name }));
  list.append(el("option", { value: "non-state" }));

  state.map = new WorldMap($("#map"), state.names);
  state.timeline = new Timeline($("#timeline-strip"), $("#events"), (d) => setDate(d));
  state.network = new Network($("#network"), (id) => selectOrg(id));
  buildSlider();
  buildLegend();

  const form = new CasusForm($("#casus-form"), $("#verdicts"), state.names);
  const presets = $("#presets");
  for (const p of PRESETS) {
    presets.append(el("button", { type: "button", class: "chip preset", text: p.label, onclick: () => {
      form.fill(p);
      form.evaluate();
    } }));
  }
  form.fill({ on: hash.cf_on || state.date, ...PRESETS[0], ...(hash.attacker ? {
    attacker: hash.attacker, target: hash.target, on: hash.cf_on, place: hash.place, kind: hash.kind,
    disputed: hash.disputed, requested: hash.requested } : {}) });

  if (hash.on) state.date = hash.on;
  await selectOrg(hash.org || "csto");
  await form.evaluate();
}

main().catch((err) => {
  document.body.prepend(el("div", { class: "error-box fatal", text: `The dashboard could not start: ${err.message}` }));
});
