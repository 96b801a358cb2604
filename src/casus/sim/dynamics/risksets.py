"""Risk sets of the three discrete-time hazard models: accession, exit (withdrawal) and termination.

Each risk set is a frame with one row per unit at risk in a calendar year, an ``event`` column (0/1), the
covariates, ``year``, a cluster id and ``imputed`` (a MID-based covariate repeats the last MID year).

**Accession** — state × alliance-years. For every multilateral ATOP alliance (``bilat == 0``) founded
before year *t* with at least two members on 1 January of *t*, every COW system member of year *t* or
*t + 1* (a state may sign just before it enters the system: West Germany and NATO, October 1954) that is
not a member of it on 1 January. ``event = 1`` when the state enters the alliance during *t*, 1 January
included (a later accession or a re-entry; founding signatures are not accessions).

**Exit** — member-years of spells in multilateral alliances, from the entry year to the exit year (or
2018). ``event = 1`` in the exit year when the member leaves while the alliance goes on (another member's
spell runs at least 30 days past the exit) and not by losing its independence (ATOP ``termmode`` 4).
Exits that coincide with the alliance's end are terminations and are censored here.

**Termination** — alliance-years of every ATOP alliance from its first to its last year. ``event = 1``
in the end year when ATOP codes a reason (``term`` 1-3: fulfilled, violated, renegotiated); ``term == 0``
with an end date is censoring (a member lost its independence).

References:
    Beck, Nathaniel, Jonathan N. Katz, and Richard Tucker. 1998. "Taking Time Seriously: Time-Series-
    Cross-Section Analysis with a Binary Dependent Variable." *American Journal of Political Science*
    42(4): 1260-1288.

    Leeds, Brett Ashley, and Burcu Savun. 2007. "Terminating Alliances: Why Do States Abrogate
    Agreements?" *Journal of Politics* 69(4): 1118-1132.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from casus.sim.panel import (
    I64,
    DynamicsFrames,
    StatePanel,
    ThreatSeries,
    alliance_spells,
    alliance_table,
    cow_region,
)

WINDOW = 3
"""Years of MID history the cohesion covariates look back over (``t-3`` … ``t-1``)."""
CONTINUES_DAYS = 30
"""An exit is a withdrawal when another member stays at least this many days longer."""


def _key(*parts: I64, width: int = 10_000) -> I64:
    out = np.zeros(len(parts[0]), dtype=np.int64)
    for p in parts:
        out = out * width + np.asarray(p, dtype=np.int64)
    return out


def _expand(y0: I64, y1: I64) -> tuple[I64, I64]:
    """Row index and year for every year from ``y0`` to ``y1`` inclusive."""
    n = np.maximum(y1 - y0 + 1, 0)
    row = np.repeat(np.arange(len(y0)), n)
    year = y0[row] + (np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n))
    return row, year.astype(np.int64)


def _mid_year(t: I64, mid_last: int) -> I64:
    """The year whose MID history stands for year ``t`` (carried forward after the last MID year)."""
    return np.minimum(t, mid_last + 1)


def _participants(frames: DynamicsFrames) -> pd.DataFrame:
    """One row per (dispute, state): side A or B, originator, dispute onset year."""
    b = frames.midb
    onset = frames.mida.set_index("dispnum")["styear"]
    p = (
        pd.DataFrame(
            {
                "dispnum": b["dispnum"].to_numpy(np.int64),
                "ccode": b["ccode"].to_numpy(np.int64),
                "sidea": b["sidea"].to_numpy(np.int64),
                "orig": b["orig"].to_numpy(np.int64),
            }
        )
        .groupby(["dispnum", "ccode"], as_index=False)
        .agg(sidea=("sidea", "first"), orig=("orig", "max"))
    )
    p["y"] = p["dispnum"].map(onset).to_numpy(np.int64)
    return p


def cohesion_events(frames: DynamicsFrames, spells: pd.DataFrame) -> pd.DataFrame:
    """MID episodes of alliance members, by (alliance, member, onset year).

    Returns:
        ``atopid, ccode, y`` and three 0/1 flags:
        ``targeted`` — the member was an original side-B participant (the target of the first
        militarized action) in a dispute against non-members of the alliance;
        ``unassisted`` — targeted, and no other member of the alliance took part on its side;
        ``with_ally`` — the member and another member of the alliance were on opposite sides.
    """
    p = _participants(frames)
    sp = spells[["atopid", "ccode", "entry_year", "exit_year"]]
    mine = p.merge(sp, on="ccode")
    mine = mine.loc[(mine["entry_year"] <= mine["y"]) & (mine["y"] <= mine["exit_year"])]
    mine = mine[["dispnum", "ccode", "sidea", "orig", "y", "atopid"]].drop_duplicates()
    co = mine.merge(mine[["dispnum", "atopid", "ccode", "sidea"]], on=["dispnum", "atopid"], suffixes=("", "_j"))
    co = co.loc[co["ccode"] != co["ccode_j"]]
    co["same"] = (co["sidea"] == co["sidea_j"]).astype(np.int64)
    co["opp"] = 1 - co["same"]
    agg = co.groupby(["dispnum", "ccode", "atopid"], as_index=False).agg(same=("same", "max"), opp=("opp", "max"))
    ep = mine.merge(agg, on=["dispnum", "ccode", "atopid"], how="left").fillna({"same": 0, "opp": 0})
    target = (ep["sidea"] == 0) & (ep["orig"] == 1)
    ep["targeted"] = (target & (ep["opp"] == 0)).astype(np.int64)
    ep["unassisted"] = (target & (ep["opp"] == 0) & (ep["same"] == 0)).astype(np.int64)
    ep["with_ally"] = (ep["opp"] > 0).astype(np.int64)
    return ep.groupby(["atopid", "ccode", "y"], as_index=False)[["targeted", "unassisted", "with_ally"]].max()


def _window_flags(events: pd.DataFrame, atopid: I64, ccode: I64, t: I64, mid_last: int) -> dict[str, I64]:
    """For each row, whether an episode of each kind began in ``[t'-WINDOW, t'-1]``."""
    tt = _mid_year(t, mid_last)
    out: dict[str, I64] = {}
    for flag in ("targeted", "unassisted", "with_ally"):
        e = events.loc[events[flag] == 1]
        keys = np.unique(_key(e["atopid"].to_numpy(), e["ccode"].to_numpy(), e["y"].to_numpy()))
        hit = np.zeros(len(t), dtype=bool)
        for lag in range(1, WINDOW + 1):
            hit |= np.isin(_key(atopid, ccode, tt - lag), keys)
        out[flag] = hit.astype(np.int64)
    return out


def withdrawals(spells: pd.DataFrame) -> pd.Series:
    """Whether each spell ends in a withdrawal (see the module docstring)."""
    far = np.datetime64("2262-01-01", "D")
    end = spells["end"].to_numpy("datetime64[D]")
    end_f = np.where(spells["ongoing"].to_numpy(), far, end)
    # latest end among the *other* spells of the alliance: top-2 per alliance
    df = pd.DataFrame({"atopid": spells["atopid"].to_numpy(), "end": end_f})
    srt = df.sort_values(["atopid", "end"], ascending=[True, False])
    first = srt.groupby("atopid")["end"].nth(0)
    second = srt.groupby("atopid")["end"].nth(1)
    top1 = pd.Series(first.to_numpy(), index=srt.loc[first.index, "atopid"].to_numpy())
    top2 = pd.Series(second.to_numpy(), index=srt.loc[second.index, "atopid"].to_numpy())
    a = spells["atopid"].to_numpy()
    t1 = top1.reindex(a).to_numpy("datetime64[D]")
    t2 = top2.reindex(a).to_numpy("datetime64[D]")  # NaT for single-member alliances
    other = np.where(end_f == t1, t2, t1)  # if this spell is the latest, the next latest
    continues = ~np.isnat(other) & (other - end_f >= np.timedelta64(CONTINUES_DAYS, "D"))
    ok = ~spells["ongoing"].to_numpy() & (spells["termmode"].to_numpy() != 4) & continues
    return pd.Series(ok, index=spells.index, name="withdrawal")


def exit_risk_set(frames: DynamicsFrames, panel: StatePanel, threat: ThreatSeries) -> pd.DataFrame:
    """Member-years of multilateral-alliance spells (see the module docstring)."""
    tab = alliance_table(frames.alliances, frames.last_year)
    multi = set(tab.loc[tab["bilat"] == 0, "atopid"].tolist())
    spells = alliance_spells(frames.members, frames.last_year)
    wd = withdrawals(spells)
    keep = spells["atopid"].isin(multi).to_numpy()
    sp, wd_ = spells.loc[keep].reset_index(drop=True), wd.to_numpy()[keep]
    row, t = _expand(sp["entry_year"].to_numpy(np.int64), sp["exit_year"].to_numpy(np.int64))
    a, c = sp["atopid"].to_numpy(np.int64)[row], sp["ccode"].to_numpy(np.int64)[row]
    cinc_prev = np.nan_to_num(panel.cinc[c, panel.col(t - 1)], nan=0.0)
    grp = pd.DataFrame({"a": a, "t": t, "cinc": cinc_prev})
    total = grp.groupby(["a", "t"])["cinc"].transform("sum").to_numpy()
    size = grp.groupby(["a", "t"])["cinc"].transform("size").to_numpy(np.float64)
    ev = cohesion_events(frames, sp)
    flags = _window_flags(ev, a, c, t, panel.mid_last)
    dur = t - sp["entry_year"].to_numpy(np.int64)[row] + 1
    return pd.DataFrame(
        {
            "atopid": a,
            "ccode": c,
            "spell": sp["spell"].to_numpy(np.int64)[row],
            "year": t,
            "event": ((t == sp["exit_year"].to_numpy(np.int64)[row]) & wd_[row]).astype(np.int64),
            "duration": dur,
            "log_dur": np.log(dur),
            "threat": threat.at(t),
            "threat_per_state": threat.at(t, per_state=True),
            "log_cinc": panel.log_cinc(c, t - 1),
            "cinc_share": np.where(total > 0, cinc_prev / np.where(total > 0, total, 1.0), 0.0),
            "major": panel.major[c, panel.col(t)].astype(np.int64),
            "log_size": np.log(size),
            "defense": sp["defense"].to_numpy(np.int64)[row],
            "mid_any": panel.mid_any[c, panel.col(t - 1)].astype(np.int64),
            "targeted": flags["targeted"],
            "unassisted": flags["unassisted"],
            "mid_with_ally": flags["with_ally"],
            "cluster": c,
            "imputed": t - 1 > panel.mid_last,
        }
    )


def _active_on_jan1(spells: pd.DataFrame, year: int) -> np.ndarray:
    jan1 = np.datetime64(f"{year}-01-01", "D")
    start = spells["start"].to_numpy("datetime64[D]")
    end = spells["end"].to_numpy("datetime64[D]")
    return np.asarray((start < jan1) & (spells["ongoing"].to_numpy() | (end > jan1)))


def accession_risk_set(frames: DynamicsFrames, panel: StatePanel, threat: ThreatSeries) -> pd.DataFrame:
    """State × alliance-years at risk of accession (see the module docstring)."""
    tab = alliance_table(frames.alliances, frames.last_year).set_index("atopid")
    spells = alliance_spells(frames.members, frames.last_year)
    states = np.unique(np.r_[frames.system["ccode"].to_numpy(np.int64), spells["ccode"].to_numpy(np.int64)])
    alls = tab.index.to_numpy(np.int64)
    s_ix = {int(s): i for i, s in enumerate(states)}
    a_ix = {int(a): i for i, a in enumerate(alls)}
    sp_s = np.array([s_ix[int(c)] for c in spells["ccode"]])
    sp_a = np.array([a_ix[int(a)] for a in spells["atopid"]])
    multi = tab["bilat"].to_numpy() == 0
    begyr = tab["begyr"].to_numpy(np.int64)
    region = cow_region(states)
    onehot = (region[:, None] == np.arange(1, 7)[None, :]).astype(np.float64)
    entries = {(int(a), int(c), int(y)) for a, c, y in spells[["atopid", "ccode", "entry_year"]].to_numpy(np.int64)}
    ever = np.zeros((len(states), len(alls)), dtype=bool)  # a spell of s in a has ended before Jan 1
    ends = spells["end"].to_numpy("datetime64[D]")
    blocks: list[pd.DataFrame] = []
    for year in range(frames.first_year, frames.last_year + 1):
        jan1 = np.datetime64(f"{year}-01-01", "D")
        ended = ~spells["ongoing"].to_numpy() & (ends <= jan1)
        ever[sp_s[ended], sp_a[ended]] = True
        act = _active_on_jan1(spells, year)
        member = np.zeros((len(states), len(alls)), dtype=bool)
        member[sp_s[act], sp_a[act]] = True
        size = member.sum(axis=0)
        open_a = multi & (begyr < year) & (size >= 2)
        if not open_a.any():
            continue
        live = member[:, size > 0].astype(np.float64)  # only alliances in force: keeps the products small
        share = (live @ live.T) > 0
        np.fill_diagonal(share, False)
        tied = (share.astype(np.float64) @ member[:, open_a].astype(np.float64)) > 0
        n_multi = member[:, multi].sum(axis=1)
        reg_share = (onehot.T @ member[:, open_a].astype(np.float64)) / size[open_a]
        # a state about to enter the system may sign before it does (West Germany and NATO, 1954)
        in_sys = panel.in_system[states, panel.col(year)] | panel.in_system[states, panel.col(year + 1)]
        elig = in_sys[:, None] & ~member[:, open_a]
        si, aj = np.nonzero(elig)
        aid = alls[open_a][aj]
        ccode = states[si]
        ev = np.fromiter(((int(a), int(c), year) in entries for a, c in zip(aid, ccode, strict=True)), bool, len(si))
        blocks.append(
            pd.DataFrame(
                {
                    "atopid": aid,
                    "ccode": ccode,
                    "year": year,
                    "event": ev.astype(np.int64),
                    "threat": threat.at(year)[()],
                    "threat_per_state": threat.at(year, per_state=True)[()],
                    "log_cinc": panel.log_cinc(ccode, year - 1),
                    "major": panel.major[ccode, panel.col(year)].astype(np.int64),
                    "mid_any": panel.mid_any[ccode, panel.col(year - 1)].astype(np.int64),
                    "same_region": reg_share[region[si] - 1, aj],
                    "tied": tied[si, aj].astype(np.int64),
                    "former": ever[si, np.flatnonzero(open_a)[aj]].astype(np.int64),
                    "log_size": np.log(size[open_a][aj]),
                    "log_age": np.log(year - begyr[open_a][aj]),
                    "open": tab["open"].to_numpy(np.int64)[open_a][aj],
                    "n_multi": np.log1p(n_multi[si]),
                    "cluster": ccode,
                    "imputed": year - 1 > panel.mid_last,
                }
            )
        )
    return pd.concat(blocks, ignore_index=True)


def termination_risk_set(frames: DynamicsFrames, panel: StatePanel, threat: ThreatSeries) -> pd.DataFrame:
    """Alliance-years of every ATOP alliance (see the module docstring)."""
    tab = alliance_table(frames.alliances, frames.last_year)
    row, t = _expand(tab["begyr"].to_numpy(np.int64), tab["endyr"].to_numpy(np.int64))
    a = tab["atopid"].to_numpy(np.int64)[row]
    spells = alliance_spells(frames.members, frames.last_year)
    srow, st = _expand(spells["entry_year"].to_numpy(np.int64), spells["exit_year"].to_numpy(np.int64))
    sa, sc = spells["atopid"].to_numpy(np.int64)[srow], spells["ccode"].to_numpy(np.int64)[srow]
    my = (
        pd.DataFrame(
            {
                "k": _key(sa, st),
                "cinc": np.nan_to_num(panel.cinc[sc, panel.col(st - 1)], nan=0.0),
                "major": panel.major[sc, panel.col(st)],
            }
        )
        .groupby("k")
        .agg(size=("cinc", "size"), cinc=("cinc", "sum"), major=("major", "max"))
    )
    k = _key(a, t)
    size = my["size"].reindex(k).fillna(1).to_numpy(np.float64)
    ev = cohesion_events(frames, spells)
    intra = ev.loc[ev["with_ally"] == 1]
    ikeys = np.unique(_key(intra["atopid"].to_numpy(), intra["y"].to_numpy()))
    tt = _mid_year(t, panel.mid_last)
    intra_mid = np.zeros(len(t), dtype=bool)
    for lag in range(1, 4):
        intra_mid |= np.isin(_key(a, tt - lag), ikeys)
    age = t - tab["begyr"].to_numpy(np.int64)[row] + 1
    return pd.DataFrame(
        {
            "atopid": a,
            "year": t,
            "event": (tab["terminated"].to_numpy()[row] & (t == tab["endyr"].to_numpy(np.int64)[row])).astype(np.int64),
            "age": age,
            "log_age": np.log(age),
            "threat": threat.at(t),
            "threat_per_state": threat.at(t, per_state=True),
            "bilat": tab["bilat"].to_numpy(np.int64)[row],
            "defense": tab["defense"].to_numpy(np.int64)[row],
            "organ": tab["organ"].to_numpy(np.int64)[row],
            "log_size": np.log(np.maximum(size, 1.0)),
            "major": my["major"].reindex(k).fillna(False).to_numpy(bool).astype(np.int64),
            "log_cinc_total": np.log(np.maximum(my["cinc"].reindex(k).fillna(0.0).to_numpy(np.float64), 1e-6)),
            "intra_mid": intra_mid.astype(np.int64),
            "cluster": a,
            "imputed": t - 1 > panel.mid_last,
        }
    )
