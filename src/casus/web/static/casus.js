// The casus-foederis form: which treaties an event triggers, who is obligated, what is permitted, and why.
// Each answer says its practical outcome and the date it used, and carries a link to itself.

import { today } from "./timeline.js";
import { api, clear, el, humanDate } from "./util.js";
import { ACTION_NOUNS, article, count, plain, word } from "./words.js";

export const PRESETS = [
  { label: "Azerbaijan → Armenia, 2023", attacker: "Azerbaijan", target: "Armenia", on: "2023-01-01" },
  { label: "Morocco → Spain at Ceuta, 2024", attacker: "Morocco", target: "Spain", place: "Ceuta", on: "2024-06-25" },
  { label: "al-Qaeda → USA, 11 Sep 2001", attacker: "non-state:al-Qaeda", target: "USA", on: "2001-09-11" },
  { label: "Unrest in Kazakhstan, Jan 2022", attacker: "non-state", target: "Kazakhstan", on: "2022-01-06",
    kind: "unrest", requested: "true" },
];

const ICONS = { pass: "✓", fail: "✗", unknown: "?", procedure: "⚙", info: "i" };
const RULES = ["consensus", "unanimity", "qualified majority", "two-thirds", "majority"];

/** What a permission still needs, in a few words: "on request (consensus)". */
function conditions(requires) {
  const text = requires.join(" ").toLowerCase();
  const parts = [];
  if (text.includes("request")) parts.push("on request");
  const rule = RULES.find((r) => text.includes(r));
  if (rule) parts.push(`(${rule})`);
  else if (text.includes("decision")) parts.push("after a decision");
  return parts.join(" ");
}

/** The practical outcome of one treaty's result, in words: "6 states obligated to assist". */
export function outcome(r) {
  const parts = [];
  if (r.obligated.length) {
    const action = r.provision ? word(r.provision.action) : "act";
    parts.push(`${count(r.obligated.length, "state")} obligated to ${action}`);
  } else if (r.duties.length) {
    const actions = [...new Set(r.duties.map((d) => word(d.action)))];
    parts.push(`duty to ${actions.join(" and ")} only`);
  }
  for (const p of r.permitted) {
    const noun = ACTION_NOUNS[p.action] || word(p.action);
    const needs = conditions(p.requires);
    parts.push(`${noun} ${p.available ? "permitted" : "possible"}${needs ? ` ${needs}` : ""}`);
  }
  if (!parts.length) parts.push(r.verdict === "indeterminate" ? "facts missing to decide" : "no duty to act");
  return parts.join(" · ");
}

/** The question's own words, without the "did you mean" clause (the buttons offer it). */
function withoutSuggestions(message) {
  return message.replace(/;?\s*did you mean [^?]*\?/i, "");
}

export class CasusForm {
  constructor(form, output, names, onSubmit) {
    this.form = form;
    this.output = output;
    this.names = names;
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      onSubmit(this.values());
    });
  }

  fill(values) {
    const f = this.form.elements;
    f.attacker.value = values.attacker || "";
    f.target.value = values.target || "";
    f.on.value = values.on || "";
    f.place.value = values.place || "";
    f.kind.value = values.kind || "armed-attack";
    f.disputed.checked = values.disputed === true || values.disputed === "true";
    f.requested.value = values.requested || "";
  }

  values() {
    const f = this.form.elements;
    return {
      attacker: f.attacker.value.trim(),
      target: f.target.value.trim(),
      on: f.on.value,
      place: f.place.value.trim(),
      kind: f.kind.value,
      disputed: f.disputed.checked ? "true" : "",
      requested: f.requested.value,
    };
  }

  name(id) {
    return this.names.get(id) || id;
  }

  /** Evaluate what the form holds; `link` is the address of this question, offered with the answer. */
  async evaluate(link) {
    const params = this.values();
    if (!params.attacker || !params.target) {
      this.showError({ message: "Give an attacker and a target (a state name or code; the attacker may be non-state).",
        suggestions: [] });
      return;
    }
    clear(this.output).append(el("p", { class: "muted", text: "Evaluating…" }));
    try {
      const answer = await api("/obligations", params);
      this.show(answer, params, link);
    } catch (err) {
      this.showError(err);
    }
  }

  showError(err) {
    const suggestions = err.suggestions || [];
    const box = el("div", { class: "error-box", role: "alert" }, el("strong", { text: "Cannot evaluate: " }),
      suggestions.length ? withoutSuggestions(err.message) : err.message);
    if (suggestions.length) {
      box.append(el("div", { class: "suggestions" }, "Did you mean ",
        ...suggestions.map((s) => el("button", { type: "button", class: "chip", text: s, onclick: () => {
          const f = this.form.elements;
          const field = [f.attacker, f.target, f.place].find((x) => err.message.includes(`'${x.value.trim()}'`));
          if (field) field.value = s;
          this.form.requestSubmit();
        } })), "?"));
    }
    clear(this.output).append(box);
  }

  /** Show an answer: `{results, coverage, note}` (the note says what is missing or past a dataset's dates). */
  show(answer, params, link) {
    const results = answer.results;
    clear(this.output);
    const date = params.on || today();
    const where = params.place ? ` at ${params.place}` : "";
    const when = params.on ? humanDate(date) : `${humanDate(date)} (today: no date given)`;
    const head = el("div", { class: "question" },
      el("p", {}, `${word(params.kind)} by ${params.attacker} against ${params.target}${where}, `, el("strong", { text: when }),
        ": ", el("strong", { text: results.length ? `${count(results.length, "treaty", "treaties")} involved` :
          "no treaty involves these parties" })));
    if (answer.note) head.append(el("p", { class: "muted coverage-note", text: `Note: ${answer.note}` }));
    if (link) head.append(this.linkBox(link));
    this.output.append(head);
    results.forEach((r, i) => this.output.append(this.card(r, i === 0, date)));
  }

  linkBox(hash) {
    const url = `${window.location.origin}${window.location.pathname}${hash}`;
    const status = el("span", { class: "copied", role: "status" });
    const copy = el("button", { type: "button", class: "chip copy-link", text: "Copy link", onclick: async () => {
      try {
        await navigator.clipboard.writeText(url);
        status.textContent = "Link copied.";
      } catch (_) {
        status.textContent = `Copy this link: ${url}`;
      }
    } });
    return el("p", { class: "permalink" }, el("a", { href: hash, class: "result-link", text: "Link to this answer" }), " ",
      copy, " ", status);
  }

  card(r, open, date) {
    // One mark per source, numbered in the order the checks first cite it.
    const refs = new Map();
    for (const s of r.explanation) for (const sid of s.sources) if (r.sources[sid] && !refs.has(sid)) refs.set(sid, refs.size + 1);
    const verdict = word(r.verdict);
    const headingId = `result-${r.treaty}`;
    const head = el("div", { class: "result-head" },
      el("h3", { id: headingId, class: "result-title" },
        el("span", { class: `verdict ${r.verdict}`, text: verdict }),
        el("span", { class: "outcome-words", text: ` · ${outcome(r)}` })),
      el("div", { class: "treaty-line" },
        el("span", { class: "treaty-title", text: r.treaty_title }),
        r.organization ? el("span", { class: "org-tag", text: r.organization.toUpperCase() }) : null,
        el("span", { class: "muted date-used", text: `on ${humanDate(date)}` })));
    const body = el("div", { class: "result-body" });
    if (r.provision) {
      const p = r.provision;
      body.append(el("div", { class: "provision" },
        el("div", { class: "label", text: `${article(p.article)} · ${word(p.kind)} · parties ${word(p.modality)} ${word(p.action)}` }),
        el("blockquote", { text: p.quote })));
    }
    body.append(el("div", { class: "row" }, el("span", { class: "label", text: "Obligated" }),
      r.obligated.length
        ? el("div", { class: "chips" }, ...r.obligated.map((s) => el("span", { class: "chip state-chip", title: s, text: this.name(s) })))
        : el("span", { class: "muted", text: "no state" })));
    const lesser = r.duties.filter((d) => !r.provision || d.provision !== r.provision.id);
    if (lesser.length) {
      const byArticle = new Map();
      for (const d of lesser) {
        const key = `${article(d.article)}: ${word(d.action)}`;
        if (!byArticle.has(key)) byArticle.set(key, new Set());
        byArticle.get(key).add(this.name(d.state));
      }
      body.append(el("div", { class: "row" }, el("span", { class: "label", text: "Other duties" }),
        el("ul", { class: "plain" }, ...[...byArticle].map(([k, v]) => el("li", {}, el("strong", { text: k }),
          ` — ${[...v].join(", ")}`)))));
    }
    if (r.permitted.length) {
      body.append(el("div", { class: "row" }, el("span", { class: "label", text: "Permitted" }),
        el("ul", { class: "plain" }, ...r.permitted.map((p) => el("li", {},
          el("span", { class: `avail ${p.available ? "yes" : "no"}`, text: p.available ? "available" : "not yet" }),
          el("strong", { text: ` ${word(p.action)}` }), ` (${article(p.article)})`,
          p.requires.length ? el("ul", { class: "requires" }, ...p.requires.map((q) => el("li", { text: q }))) : null)))));
    }
    const trace = el("table", { class: "trace" },
      el("caption", { class: "sr-only", text: `Checks for the ${r.treaty_title}` }),
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, el("span", { class: "sr-only", text: "outcome" })),
        el("th", { scope: "col", text: "check" }), el("th", { scope: "col", text: "detail" }),
        el("th", { scope: "col", text: "sources" }))),
      el("tbody", {}, ...r.explanation.map((s) => {
        const marks = [...new Set(s.sources)].filter((sid) => refs.has(sid));
        return el("tr", { class: `outcome-${s.outcome}` },
          el("td", { class: "outcome" }, el("span", { class: "icon", "aria-hidden": "true", text: ICONS[s.outcome] || "·" }),
            el("span", { class: "sr-only", text: word(s.outcome) })),
          el("td", { class: "check", text: word(s.check) }),
          el("td", { text: plain(s.detail) }),
          el("td", { class: "refs" }, ...marks.map((sid) => el("button", { type: "button", class: "ref",
            title: r.sources[sid], "aria-label": `source ${refs.get(sid)}`, text: `[${refs.get(sid)}]`,
            onclick: () => this.focusSource(`src-${r.treaty}-${refs.get(sid)}`) }))));
      })));
    const sources = el("ol", { class: "sources" }, ...[...refs].map(([sid, n]) =>
      el("li", { id: `src-${r.treaty}-${n}`, value: n, tabindex: -1 }, r.sources[sid],
        el("a", { class: "source-id", href: `/api/v1/sources/${encodeURIComponent(sid)}`, target: "_blank",
          rel: "noopener", text: sid }))));
    const details = el("details", { class: "explanation", open },
      el("summary", { text: `Why: ${count(r.explanation.length, "check")}, ${count(refs.size, "source")}` }),
      el("div", { class: "trace-wrap" }, trace), sources);
    body.append(details);
    return el("article", { class: `result ${r.verdict}`, "aria-labelledby": headingId }, head, body);
  }

  focusSource(id) {
    const target = document.getElementById(id);
    if (!target) return;
    target.scrollIntoView({ block: "nearest" });
    target.focus();
    target.classList.add("flash");
    setTimeout(() => target.classList.remove("flash"), 1500);
  }
}
