// Plain words for every value the API spells as an identifier (verdicts, statuses, event types, checks,
// actions…). A value missing here is shown with its underscores and hyphens turned into spaces.

export const WORDS = {
  // verdicts and outcomes of a check
  triggered: "triggered",
  not_triggered: "not triggered",
  indeterminate: "undetermined",
  no_mutual_defence: "no mutual-defence pledge",
  disputed: "disputed",
  pass: "met",
  fail: "not met",
  unknown: "unknown",
  procedure: "needs a decision",
  info: "note",
  // membership statuses
  member: "member",
  suspended: "suspended (frozen)",
  withdrawn: "withdrawn",
  observer: "observer",
  partner: "partner",
  applicant: "applicant",
  excluded: "government excluded",
  // kinds of event (the form's "kind")
  "armed-attack": "armed attack",
  threat: "threat",
  unrest: "unrest",
  cyber: "cyber operation",
  // pledges, modalities and actions of a treaty article
  defense: "defence pledge",
  offense: "offensive pledge",
  neutrality: "neutrality pledge",
  non_aggression: "non-aggression pledge",
  consultation: "consultation pledge",
  obligation: "must",
  permission: "may",
  assist: "assist",
  consult: "consult",
  stay_neutral: "stay neutral",
  refrain_from_attack: "refrain from attacking",
  join_offensive: "join the offensive",
  deploy_collective_forces: "deploy collective forces",
  // checks of the casus-foederis evaluation
  in_force: "treaty in force",
  event_kind: "kind of event covered",
  target_party: "target is a party",
  state_attacker: "attacker is a state",
  attacker_outside: "attacker outside the alliance",
  target_territory: "on the target's territory",
  location: "place covered by the treaty",
  provision: "article's verdict",
  decision: "decision needed",
  request: "request needed",
  adversary: "named adversary",
  conflict: "kind of conflict",
  number: "number of attackers",
  demand: "demand made",
  non_provocation: "attack unprovoked",
  coverage: "facts cover the date",
  bound: "parties bound",
  suspended_parties: "suspended parties",
  any_of: "either branch",
  breach: "breach",
  cyber_doctrine: "declared cyber doctrine",
  collective_action: "collective action taken",
  excluded_party: "excluded government",
  // timeline event types
  founding: "founding",
  accession: "accession",
  application: "application",
  suspension: "suspension",
  reinstatement: "reinstatement",
  withdrawal: "withdrawal",
  consideration_of_withdrawal: "withdrawal considered",
  status_change: "change of status",
  request_for_assistance: "request for help",
  invocation: "invocation",
  deployment: "deployment",
  refusal: "refusal",
  statement: "statement",
  summit: "summit",
  treaty: "treaty",
  // decision rules of bodies
  consensus: "consensus",
  unanimity: "unanimity",
  qualified_majority: "qualified majority",
  majority: "majority",
  two_thirds: "two-thirds majority",
  none: "no decision rule",
};

/** Noun phrases for what a treaty lets its parties do ("deployment of collective forces permitted"). */
export const ACTION_NOUNS = {
  assist: "assistance",
  consult: "consultation",
  stay_neutral: "neutrality",
  refrain_from_attack: "non-aggression",
  join_offensive: "joining the offensive",
  deploy_collective_forces: "deployment of collective forces",
};

/** Plain words for one identifier. */
export function word(value) {
  if (value === null || value === undefined) return "";
  const key = String(value);
  return WORDS[key] ?? key.replaceAll("_", " ");
}

/** A sentence with every snake_case identifier in it turned into words ("…: not_triggered" → "…: not triggered"). */
export function plain(text) {
  return String(text ?? "").replace(/\b[a-z]+(?:_[a-z]+)+\b/g, (m) => word(m));
}

/** "Art. 4" for a numbered article, the article's own name otherwise ("Charter Art. 7"). */
export function article(a) {
  if (!a) return "";
  return /^\d/.test(String(a)) ? `Art. ${a}` : String(a);
}

/** "1 source", "3 sources". */
export function count(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}
