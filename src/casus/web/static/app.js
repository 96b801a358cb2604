// casus dashboard: an organization, a date, and what was true on that date — members, map, timeline,
// membership network — plus the casus-foederis form. Everything comes from this server's /api/v1, and
// everything on screen is in the address (see route.js), so Back, Forward and shared links work.

import { CasusForm, PRESETS } from "./casus.js";
import { WorldMap } from "./map.js";
import { Network } from "./network.js";
import { START, casusOf, makeHash, readHash, validate } from "./route.js";
import { Timeline, today } from "./timeline.js";
import { STATUS_COLORS, api, clear, debounce, el, humanDate, isoDate, parseIso } from "./util.js";
import { count, word } from "./words.js";

const $ = (sel) => document.querySelector(sel);
const DAY = 86400000;
const DEFAULT_ORG = "csto";

const state = { orgs: [], org: null, date: today(), view: "", params: {}, casusKey: null, names: new Map(), seq: 0 };

function dayIndex(iso) {
  return Math.round((parseIso(iso) - parseIso(START)) / DAY);
}

function dateOfIndex(i) {
  return isoDate(new Date(parseIso(START).getTime() + i * DAY));
}

/** An organization's label in the selector: its acronym or short name, and the year it was founded. */
export function shortLabel(o) {
  const acr = o.acronyms.en;
  if (acr) return `${acr} · ${o.name.length <= 42 ? o.name : `${o.name.slice(0, 40)}…`}`;
  const first = o.aliases[0] || o.name;
  const short = o.aliases.find((a) => a.length <= 40) || (first.length <= 40 ? first : `${first.slice(0, 38)}…`);
  return o.founded ? `${short} (${o.founded.slice(0, 4)})` : short;
}

/** The address of the dashboard with `changes` applied to what is on screen now. */
export function linkTo(changes) {
  const next = { ...state.params, ...changes };
  for (const k of Object.keys(next)) if (next[k] === undefined || next[k] === null) delete next[k];
  return makeHash(next);
}

/** Go to the dashboard with `changes`: a new history entry, or (push: false) a replaced one. */
function go(changes, { push = true } = {}) {
  const hash = linkTo(changes);
  if (hash === window.location.hash) return;
  if (push) window.location.hash = hash; // the hashchange listener shows it
  else {
    history.replaceState(null, "", hash);
    show();
  }
}

/** Links that change the view (`data-go`) apply their change to what is on screen when clicked; skip links
 * (`data-anchor`) move the focus without touching the address, which holds the view. */
function onLinkClick(event) {
  const skip = event.target.closest("a[data-anchor]");
  if (skip) {
    event.preventDefault();
    const target = document.getElementById(skip.getAttribute("href").slice(1));
    if (target) {
      target.scrollIntoView({ block: "start" });
      target.focus();
    }
    return;
  }
  const a = event.target.closest("a[data-go]");
  if (!a || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  event.preventDefault();
  go(JSON.parse(a.dataset.go));
}

/** Keep every view-changing link's address current, for copying and opening in a new tab. */
function refreshLinks() {
  for (const a of document.querySelectorAll("a[data-go]")) a.setAttribute("href", linkTo(JSON.parse(a.dataset.go)));
}

function setNotices(notices) {
  const box = clear($("#notices"));
  for (const n of notices) box.append(el("p", { class: "notice", text: n }));
}

async function resolveOrg(name, notices) {
  if (!name) return state.orgs.find((o) => o.id === DEFAULT_ORG) || state.orgs[0];
  const direct = state.orgs.find((o) => o.id === name);
  if (direct) return direct;
  const found = await api("/lookup/org", { q: name });
  const match = found.match && state.orgs.find((o) => o.id === found.match);
  if (match) return match;
  const fallback = state.orgs.find((o) => o.id === DEFAULT_ORG) || state.orgs[0];
  const hint = found.suggestions.length ? ` Did you mean ${found.suggestions.map((s) => `“${s}”`).join(" or ")}?` : "";
  const shown = name.length > 40 ? `${name.slice(0, 39)}…` : name;
  notices.push(found.match
    ? `“${shown}” is an ATOP alliance, which the dashboard does not list; showing ${fallback.acronyms.en || fallback.name}.`
    : `No organization called “${shown}”.${hint} Showing ${fallback.acronyms.en || fallback.name}.`);
  return fallback;
}

/** Show what the address says, one address at a time: a Back pressed while the previous view still loads
 * waits for it, so an older view can never finish on top of a newer one. */
function show() {
  state.pending = (state.pending || 0) + 1;
  document.body.dataset.busy = "true";
  const run = (state.queue || Promise.resolve()).then(showNow);
  state.queue = run.catch(() => {}).finally(() => {
    state.pending -= 1;
    if (!state.pending) document.body.dataset.busy = "false";
  });
  return run;
}

/** Show what the address says now: organization, date, view and casus-foederis question. */
async function showNow() {
  const { params, notices } = validate(readHash(), today());
  const org = await resolveOrg(params.org, notices);
  const date = params.on || today();
  const view = params.view || "";
  state.params = { ...params, org: org.id, on: date };
  if (!params.attacker && !params.target) for (const k of ["kind", "cf_on", "place", "disputed", "requested"]) delete state.params[k];
  const canonical = makeHash(state.params);
  if (canonical !== window.location.hash) history.replaceState(null, "", canonical);
  setNotices(notices);
  if (view !== state.view) {
    state.view = view;
    document.body.dataset.view = view || "auto";
    for (const b of document.querySelectorAll("[data-set-view]")) {
      b.setAttribute("aria-pressed", String(b.dataset.setView === (view || "chart")));
    }
  }
  const orgChanged = !state.org || state.org.id !== org.id;
  if (orgChanged) await selectOrg(org);
  if (orgChanged || date !== state.date || !state.shown) {
    state.date = date;
    state.shown = true;
    await refreshDate();
  }
  const question = casusOf(params);
  const key = JSON.stringify(question);
  if (key !== state.casusKey) {
    state.casusKey = key;
    if (question.attacker || question.target) {
      state.form.fill({ ...question, on: question.cf_on || "" });
      await state.form.evaluate(linkTo({}));
    } else {
      state.form.fill({ ...PRESETS[0], on: PRESETS[0].on });
      await state.form.evaluate(linkTo(casusParams(PRESETS[0])));
    }
  }
  refreshLinks();
  document.body.dataset.shown = window.location.hash;
}

function casusParams(values) {
  return { attacker: values.attacker, target: values.target, cf_on: values.on || undefined,
    place: values.place || undefined, kind: values.kind && values.kind !== "armed-attack" ? values.kind : undefined,
    disputed: values.disputed === true || values.disputed === "true" ? "true" : undefined,
    requested: values.requested || undefined };
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
  summary.append(el("span", { class: "total", text: count(roster.members.length, "state") }),
    ...Object.entries(counts).map(([s, n]) => el("span", { class: "pill" },
      el("i", { class: "swatch", style: `background:${STATUS_COLORS[s] || "#64748b"}` }),
      `${n} ${n > 1 && !word(s).includes(" ") ? `${word(s)}s` : word(s)}`)));
  if (roster.beyond_coverage) {
    summary.append(el("div", { class: "notice small",
      text: `Facts verified through ${humanDate(roster.known_through)}; later changes are unknown.` }));
  }
  const rows = roster.members.map((m) => el("tr", {},
    el("th", { scope: "row", class: "state-name" }, m.name, el("span", { class: "code", text: m.state })),
    el("td", {}, el("span", { class: `status status-${m.status}`, text: word(m.status) }),
      m.qualifier ? el("div", { class: "qualifier", text: m.qualifier }) : null),
    el("td", { class: "since", text: humanDate(m.since) }),
    el("td", { class: "source", title: m.source, text: m.source_short })));
  box.append(el("table", { class: "members-table" },
    el("caption", { class: "sr-only", text: `Members of ${org.acronyms.en || org.name} on ${humanDate(state.date)}` }),
    el("thead", {}, el("tr", {}, ...["State", "Status", "Since", "Source"].map((h) => el("th", { scope: "col", text: h })))),
    el("tbody", {}, ...rows)));
}

async function refreshDate() {
  const seq = ++state.seq;
  const org = state.org;
  const date = state.date;
  $("#date-input").value = date;
  $("#slider").value = dayIndex(date);
  $("#slider").setAttribute("aria-valuetext", humanDate(date));
  $("#date-label").textContent = humanDate(date);
  state.timeline.setDate(date);
  const [members, network] = await Promise.allSettled([
    api(`/orgs/${encodeURIComponent(org.id)}/members`, { on: date }),
    api("/network", { on: date }),
  ]);
  if (seq !== state.seq) return; // a newer date was asked for meanwhile
  const roster = members.status === "fulfilled" ? members.value : null;
  renderMembers(roster, members.status === "rejected" ? members.reason : null);
  state.map.update(roster, org, date);
  if (network.status === "fulfilled") state.network.render(network.value, org.id, date);
  refreshLinks();
}

const slideTo = debounce((iso) => go({ on: iso }, { push: false }), 80);

async function selectOrg(org) {
  state.org = org;
  $("#org").value = org.id;
  $("#org-name").textContent = org.name;
  document.title = `${org.acronyms.en || org.name} — casus`;
  const names = Object.entries(org.acronyms).map(([lang, a]) => `${a} (${lang})`).join(" · ");
  $("#org-meta").textContent = `${names ? `${names} · ` : ""}founded ${humanDate(org.founded)} · facts verified ` +
    `through ${humanDate(org.coverage.end)}`;
  $("#timeline-title").textContent = `${org.acronyms.en || shortLabel(org)} timeline`;
  try {
    const events = await api(`/orgs/${encodeURIComponent(org.id)}/timeline`);
    state.timeline.setEvents(events, org.founded);
  } catch (err) {
    state.timeline.setEvents([], org.founded);
  }
}

function buildSlider() {
  const slider = $("#slider");
  slider.min = 0;
  slider.max = dayIndex(today());
  slider.addEventListener("input", () => {
    const iso = dateOfIndex(Number(slider.value));
    $("#date-label").textContent = humanDate(iso);
    slideTo(iso);
  });
  const ticks = clear($("#ticks"));
  const max = Number(slider.max);
  for (let year = 1950; year <= new Date().getUTCFullYear(); year += 10) {
    const pos = (dayIndex(`${year}-01-01`) / max) * 100;
    ticks.append(el("span", { class: `tick${year % 20 ? " odd" : ""}`, style: `left:${pos.toFixed(2)}%`, text: String(year) }));
  }
  $("#date-input").max = today();
  $("#date-input").addEventListener("change", (e) => {
    if (e.target.value) go({ on: e.target.value });
  });
  let timer = null;
  const play = $("#play");
  const stop = () => {
    clearInterval(timer);
    timer = null;
    play.textContent = "▶";
    play.setAttribute("aria-label", "Play: move the date forward");
  };
  play.addEventListener("click", () => {
    if (timer) {
      stop();
      return;
    }
    if (state.date >= today()) go({ on: state.org.founded || START }, { push: false });
    play.textContent = "❚❚";
    play.setAttribute("aria-label", "Pause");
    timer = setInterval(() => {
      const next = dateOfIndex(dayIndex(state.date) + 122);
      if (next >= today()) {
        go({ on: today() }, { push: false });
        stop();
      } else go({ on: next }, { push: false });
    }, 260);
  });
}

function buildLegend() {
  const legend = clear($("#legend"));
  for (const [s, color] of Object.entries(STATUS_COLORS)) {
    legend.append(el("span", { class: "pill" }, el("i", { class: "swatch", style: `background:${color}` }), word(s)));
  }
  legend.append(el("span", { class: "pill" }, el("i", { class: "swatch hatched" }), "territory of a member"));
}

async function main() {
  const [orgs, states] = await Promise.all([api("/orgs"), api("/states")]);
  state.orgs = orgs;
  for (const s of states.states) state.names.set(s.id, s.name);
  const picker = $("#org");
  for (const o of orgs) picker.append(el("option", { value: o.id, text: shortLabel(o), title: o.name }));
  picker.addEventListener("change", () => go({ org: picker.value }));

  const list = $("#state-names");
  for (const s of states.states) list.append(el("option", { value: s.name }));
  list.append(el("option", { value: "non-state" }));

  state.map = new WorldMap($("#map"), $("#map-table"), state.names);
  state.timeline = new Timeline($("#timeline-strip"), $("#events"), (d) => go({ on: d }), linkTo);
  state.network = new Network($("#network"), $("#network-table"), linkTo);
  buildSlider();
  buildLegend();
  for (const b of document.querySelectorAll("[data-set-view]")) {
    b.addEventListener("click", () => go({ view: b.dataset.setView === "chart" ? undefined : b.dataset.setView }));
  }
  document.addEventListener("click", onLinkClick);

  state.form = new CasusForm($("#casus-form"), $("#verdicts"), state.names, (values) => {
    const params = casusParams(values);
    if (JSON.stringify(casusOf(params)) === state.casusKey) state.form.evaluate(linkTo(params));
    else go(params);
  });
  const presets = $("#presets");
  for (const p of PRESETS) {
    presets.append(el("button", { type: "button", class: "chip preset", text: p.label,
      onclick: () => go(casusParams(p)) }));
  }
  window.addEventListener("hashchange", () => show().catch(fail));
  await show();
  document.body.dataset.ready = "true";
}

function fail(err) {
  document.querySelector("main").prepend(el("div", { class: "error-box fatal", role: "alert",
    text: `The dashboard could not start: ${err.message}` }));
}

main().catch(fail);
