// The casus-foederis form: which treaties an event triggers, who is obligated, what is permitted, and why.

import { api, clear, el, humanDate } from "./util.js";

export const PRESETS = [
  { label: "Azerbaijan → Armenia, 2023", attacker: "Azerbaijan", target: "Armenia", on: "2023-01-01" },
  { label: "Morocco → Spain at Ceuta, 2024", attacker: "Morocco", target: "Spain", place: "Ceuta", on: "2024-06-25" },
  { label: "al-Qaeda → USA, 11 Sep 2001", attacker: "non-state:al-Qaeda", target: "USA", on: "2001-09-11" },
  { label: "Unrest in Kazakhstan, Jan 2022", attacker: "non-state", target: "Kazakhstan", on: "2022-01-06",
    kind: "unrest", requested: "true" },
];

const OUTCOME = {
  pass: { icon: "✓", label: "pass" },
  fail: { icon: "✗", label: "fail" },
  unknown: { icon: "?", label: "unknown" },
  procedure: { icon: "⚙", label: "procedure" },
  info: { icon: "i", label: "info" },
};

const VERDICT_LABELS = { triggered: "triggered", not_triggered: "not triggered", indeterminate: "indeterminate" };

function words(text) {
  return text.replaceAll("_", " ");
}

export class CasusForm {
  constructor(form, output, names) {
    this.form = form;
    this.output = output;
    this.names = names;
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.evaluate();
    });
  }

  fill(values) {
    const f = this.form.elements;
    f.attacker.value = values.attacker || "";
    f.target.value = values.target || "";
    f.on.value = values.on || f.on.value;
    f.place.value = values.place || "";
    f.kind.value = values.kind || "armed-attack";
    f.disputed.checked = values.disputed === true || values.disputed === "true";
    f.requested.value = values.requested || "";
  }

  params() {
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

  async evaluate() {
    const params = this.params();
    if (!params.attacker || !params.target) {
      this.showError({ message: "Give an attacker and a target (a state name or code; the attacker may be non-state)." });
      return;
    }
    clear(this.output).append(el("p", { class: "muted", text: "Evaluating…" }));
    try {
      const results = await api("/obligations", params);
      this.show(results, params);
    } catch (err) {
      this.showError(err);
    }
  }

  showError(err) {
    const box = el("div", { class: "error-box", role: "alert" }, el("strong", { text: "Cannot evaluate: " }), err.message);
    if (err.suggestions && err.suggestions.length) {
      box.append(el("div", { class: "suggestions" }, "Did you mean ",
        ...err.suggestions.map((s) => el("button", { type: "button", class: "chip", text: s, onclick: () => {
          const f = this.form.elements;
          const field = [f.attacker, f.target, f.place].find((x) => err.message.includes(`'${x.value.trim()}'`));
          if (field) field.value = s;
          this.evaluate();
        } })), "?"));
    }
    clear(this.output).append(box);
  }

  show(results, params) {
    clear(this.output);
    const where = params.place ? ` at ${params.place}` : "";
    this.output.append(el("p", { class: "question" },
      `${params.kind.replaceAll("-", " ")} by ${params.attacker} against ${params.target}${where}, ${humanDate(params.on)}: `,
      el("strong", { text: results.length ? `${results.length} ${results.length === 1 ? "treaty" : "treaties"} involved` :
        "no treaty involves these parties" })));
    results.forEach((r, i) => this.output.append(this.card(r, i === 0)));
  }

  card(r, open) {
    const refs = new Map(Object.keys(r.sources).map((sid, i) => [sid, i + 1]));
    const head = el("div", { class: "result-head" },
      el("span", { class: `verdict ${r.verdict}`, text: VERDICT_LABELS[r.verdict] || r.verdict }),
      el("span", { class: "treaty-title", text: r.treaty_title }),
      r.organization ? el("span", { class: "org-tag", text: r.organization.toUpperCase() }) : null);
    const body = el("div", { class: "result-body" });
    if (r.provision) {
      body.append(el("div", { class: "provision" },
        el("div", { class: "label", text: `Art. ${r.provision.article} · ${words(r.provision.kind)} · ` +
          `${r.provision.modality} to ${words(r.provision.action)}` }),
        el("blockquote", { text: r.provision.quote })));
    }
    if (r.obligated.length) {
      body.append(el("div", { class: "row" }, el("span", { class: "label", text: "Obligated" }),
        el("div", { class: "chips" }, ...r.obligated.map((s) => el("span", { class: "chip state-chip", title: s,
          text: this.name(s) })))));
    } else {
      body.append(el("div", { class: "row" }, el("span", { class: "label", text: "Obligated" }),
        el("span", { class: "muted", text: "no state" })));
    }
    const lesser = r.duties.filter((d) => !r.provision || d.provision !== r.provision.id);
    if (lesser.length) {
      const byArticle = new Map();
      for (const d of lesser) {
        const key = `Art. ${d.article}: ${words(d.action)}`;
        if (!byArticle.has(key)) byArticle.set(key, []);
        byArticle.get(key).push(this.name(d.state));
      }
      body.append(el("div", { class: "row" }, el("span", { class: "label", text: "Other duties" }),
        el("ul", { class: "plain" }, ...[...byArticle].map(([k, v]) => el("li", {}, el("strong", { text: k }),
          ` — ${v.join(", ")}`)))));
    }
    if (r.permitted.length) {
      body.append(el("div", { class: "row" }, el("span", { class: "label", text: "Permitted" }),
        el("ul", { class: "plain" }, ...r.permitted.map((p) => el("li", {},
          el("span", { class: `avail ${p.available ? "yes" : "no"}`, text: p.available ? "available" : "not yet" }),
          el("strong", { text: ` ${words(p.action)}` }), ` (${p.article})`,
          p.requires.length ? el("ul", { class: "requires" }, ...p.requires.map((q) => el("li", { text: q }))) : null)))));
    }
    const trace = el("table", { class: "trace" },
      el("thead", {}, el("tr", {}, el("th", { text: "" }), el("th", { text: "check" }), el("th", { text: "detail" }),
        el("th", { text: "sources" }))),
      el("tbody", {}, ...r.explanation.map((s) => {
        const o = OUTCOME[s.outcome] || { icon: "·", label: s.outcome };
        return el("tr", { class: `outcome-${s.outcome}` },
          el("td", { class: "outcome", title: o.label }, el("span", { class: "icon", text: o.icon })),
          el("td", { class: "check", text: words(s.check) }),
          el("td", { text: s.detail }),
          el("td", { class: "refs" }, ...s.sources.filter((sid) => refs.has(sid)).map((sid) =>
            el("a", { href: `#src-${r.treaty}-${refs.get(sid)}`, title: r.sources[sid], text: `[${refs.get(sid)}]` }))));
      })));
    const sources = el("ol", { class: "sources" }, ...[...refs].map(([sid, n]) =>
      el("li", { id: `src-${r.treaty}-${n}`, value: n }, r.sources[sid],
        el("a", { class: "source-id", href: `/api/v1/sources/${encodeURIComponent(sid)}`, target: "_blank",
          rel: "noopener", text: sid }))));
    const details = el("details", { class: "explanation", open },
      el("summary", { text: `Why: ${r.explanation.length} checks, ${refs.size} sources` }), trace, sources);
    body.append(details);
    return el("article", { class: `result ${r.verdict}` }, head, body);
  }
}
