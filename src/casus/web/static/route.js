// The dashboard's address: everything on screen is in the URL's hash, so any view and any casus-foederis
// question can be shared, bookmarked, and reached again with Back and Forward.
//
//   #org=csto&on=2024-06-25&view=table&attacker=Azerbaijan&target=Armenia&cf_on=2023-01-01&kind=armed-attack
//
// org      organization: any id, name or acronym the API resolves (csto, OTSC, ОДКБ, OTAN)
// on       the dashboard's date, YYYY-MM-DD (default today)
// view     chart | table: graphics, or their tables (map, timeline, network); default chart (list on phones)
// attacker, target, cf_on, place, kind, disputed, requested: the casus-foederis question, as the API's
//          /obligations parameters (cf_on is its date)

export const START = "1949-01-01";
export const VIEWS = ["chart", "table"];
export const KINDS = ["armed-attack", "threat", "unrest", "cyber"];
export const CASUS_KEYS = ["attacker", "target", "cf_on", "place", "kind", "disputed", "requested"];
const ORDER = ["org", "on", "view", ...CASUS_KEYS];
const MAX = 200;

/** The hash's parameters, as a plain object of strings. */
export function readHash(hash = window.location.hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const out = {};
  for (const [k, v] of params) out[k] = v.slice(0, MAX);
  return out;
}

/** A hash for `params`, in a fixed order, without empty values. */
export function makeHash(params) {
  const out = new URLSearchParams();
  for (const k of ORDER) {
    const v = params[k];
    if (v !== undefined && v !== null && v !== "" && v !== false) out.set(k, String(v));
  }
  return `#${out}`;
}

/** Whether `s` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function quote(s) {
  return `“${s.length > 40 ? `${s.slice(0, 39)}…` : s}”`;
}

/**
 * Check the hash's values. Returns {params, notices}: valid values kept, invalid ones replaced by a default
 * and explained in a notice (a sentence for the reader). The organization is checked by the server.
 */
export function validate(raw, today) {
  const params = { ...raw };
  const notices = [];
  if (params.on !== undefined) {
    if (!isIsoDate(params.on)) {
      notices.push(`${quote(params.on)} is not a date (write it YYYY-MM-DD); showing today.`);
      delete params.on;
    } else if (params.on < START) {
      notices.push(`The dashboard starts on 1 Jan 1949; showing that date instead of ${quote(params.on)}.`);
      params.on = START;
    } else if (params.on > today) {
      notices.push(`${quote(params.on)} is in the future; showing today.`);
      delete params.on;
    }
  }
  if (params.view !== undefined && !VIEWS.includes(params.view)) {
    notices.push(`Unknown view ${quote(params.view)} (chart or table); showing charts.`);
    delete params.view;
  }
  if (params.kind !== undefined && !KINDS.includes(params.kind)) {
    notices.push(`Unknown kind of event ${quote(params.kind)} (armed-attack, threat, unrest or cyber); using armed attack.`);
    params.kind = "armed-attack";
  }
  if (params.cf_on !== undefined && params.cf_on !== "" && !isIsoDate(params.cf_on)) {
    notices.push(`${quote(params.cf_on)} is not a date (write it YYYY-MM-DD); evaluating on today.`);
    delete params.cf_on;
  }
  if (params.requested !== undefined && !["", "true", "false"].includes(params.requested)) {
    notices.push(`“requested” must be true or false, not ${quote(params.requested)}; treating it as unknown.`);
    delete params.requested;
  }
  if (params.disputed !== undefined && !["", "true", "false"].includes(params.disputed)) {
    notices.push(`“disputed” must be true or false, not ${quote(params.disputed)}; treating it as false.`);
    delete params.disputed;
  }
  return { params, notices };
}

/** The casus-foederis part of the parameters (empty when no question is asked). */
export function casusOf(params) {
  if (!params.attacker && !params.target) return {};
  return Object.fromEntries(CASUS_KEYS.filter((k) => params[k]).map((k) => [k, params[k]]));
}
