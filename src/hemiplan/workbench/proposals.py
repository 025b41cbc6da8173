"""Organisations the drafting proposes as partners or funders of an activity
(``data/<year>/proposals.csv``, optional: ``proposal_id``, ``activity_id``, ``role``
partner or funder, ``name`` as written, ``acronym``, ``kind`` guessed, ``quote``,
``status`` draft, added or rejected, ``org_id`` once added).

*Name an organisation* (one the drafting missed) proposes it for an activity, with
the activity's quote, so that it can then be added like any other proposal.
*Add to organisations* appends the organisation to ``organizations.csv`` (under the
reference folder's lock), puts its id into the activity's partners or funders and marks
the proposal added; *Reject* marks it rejected. Both are one transaction of
:func:`hemiplan.workbench.edits.transact`."""
from __future__ import annotations

import re

import pandas as pd

from hemiplan.data import csvio, schema
from hemiplan.language import _
from hemiplan.workbench import log, model
from hemiplan.workbench.edits import Change, Done, Refused, _locate, _table, _text, transact

#: Where a role's organisation goes in the activity's row.
ROLE_COLUMN = {"partner": "partners", "funder": "funders"}


def suggested_id(name: str, acronym: str, taken: set[str]) -> str:
    """An org_id for a new organisation: its acronym (or name) in lower case, words
    joined by '-', made unique with a number."""
    base = re.sub(r"[^a-z0-9]+", "-", (acronym or name).lower()).strip("-")[:40] or "organisation"
    out, n = base, 2
    while out in taken:
        out, n = f"{base}-{n}", n + 1
    return out


def _proposals(year: int, data_dir):
    path = model.proposals_path(year, data_dir)
    if not path.is_file():
        raise Refused(problems=[_("the year has no proposals.csv: nothing was written")])
    return path, csvio.read_text_table(path)


def add(year: int, data_dir, token: str, prid: str, form) -> Done:
    """Add the proposed organisation (its id, name, acronym and kind as the form gives
    them) and name it in the activity's partners or funders."""
    org = {c: str(form.get(c, "")).strip() for c in ("org_id", "name", "acronym", "kind")}
    box = {}

    def build() -> Change:
        ppath, props = _proposals(year, data_dir)
        i = _locate(props, "proposal_id", prid, "proposal")
        prop = props.loc[i].to_dict()
        column = ROLE_COLUMN.get(prop.get("role", ""))
        if column is None:
            raise Refused(problems=[_("proposal {id}: role {role!r} is neither partner nor funder").format(
                id=prid, role=prop.get("role", ""))])
        orgs = csvio.read_text_table(schema.table_path("organizations", data_dir=data_dir))
        new_org = {c: "" for c in orgs.columns} | {c: v for c, v in org.items() if c in orgs.columns}
        orgs = pd.concat([orgs, pd.DataFrame([new_org], dtype=object)], ignore_index=True)
        apath, acts = _table(year, data_dir, "activities")
        j = _locate(acts, "activity_id", prop["activity_id"], "activity")
        before = acts.loc[j, column]
        acts.loc[j, column] = csvio.join_list(csvio.split_list(before) + [org["org_id"]])
        props.loc[i, "status"], props.loc[i, "org_id"] = "added", org["org_id"]
        box["row"] = prop["activity_id"]
        entries = [log.Entry("add", "organizations", org["org_id"], "", "", org["name"]),
                   log.Entry("edit", "activities", prop["activity_id"], column, before, acts.loc[j, column]),
                   log.Entry("edit", model.PROPOSALS, prid, "status", prop.get("status", ""), "added")]
        contents = {model.organizations_target(data_dir): _text(orgs), apath: _text(acts), ppath: _text(props)}
        return contents, entries, ("organizations", org["org_id"])

    written = transact(year, data_dir, token, build, "organisation", reference=True)
    return Done(_("{org} added to the organisations").format(org=org["org_id"]), row=box.get("row", ""),
                written=written)


def reject(year: int, data_dir, token: str, prid: str) -> Done:
    """Mark a proposal rejected."""
    box = {}

    def build() -> Change:
        ppath, props = _proposals(year, data_dir)
        i = _locate(props, "proposal_id", prid, "proposal")
        before = props.loc[i, "status"]
        props.loc[i, "status"] = "rejected"
        box["row"] = props.loc[i, "activity_id"]
        return {ppath: _text(props)}, [log.Entry("edit", model.PROPOSALS, prid, "status", before, "rejected")], None

    written = transact(year, data_dir, token, build, "reject")
    return Done(_("proposal {id} rejected").format(id=prid), row=box.get("row", ""), written=written)


def propose(year: int, data_dir, token: str, rid: str, form) -> Done:
    """Propose, for activity ``rid``, an organisation the drafting missed (its name,
    acronym, role and kind as the form gives them), with the activity's quote; it is
    then added (or rejected) like a drafted proposal."""
    new = {c: str(form.get(c, "")).strip() for c in ("name", "acronym", "role", "kind")}
    if not new["name"]:
        raise Refused(errors={"name": [_("an organisation needs its name")]})
    if new["role"] not in ROLE_COLUMN:
        raise Refused(errors={"role": [_("role {role!r} is neither partner nor funder").format(role=new["role"])]})
    box = {}

    def build() -> Change:
        path = model.proposals_path(year, data_dir)
        props = (csvio.read_text_table(path) if path.is_file()
                 else pd.DataFrame(columns=schema.columns(model.PROPOSALS), dtype=object))
        apath, acts = _table(year, data_dir, "activities")
        j = _locate(acts, "activity_id", rid, "activity")
        numbers = [int(m.group(1)) for m in map(re.compile(rf"{year}-P(\d+)$").match, props["proposal_id"]) if m]
        prid = f"{year}-P{max(numbers, default=0) + 1:03d}"
        row = {c: "" for c in props.columns} | new | {"proposal_id": prid, "activity_id": rid,
                                                     "quote": acts.loc[j, "quote"], "status": "draft"}
        props = pd.concat([props, pd.DataFrame([row], dtype=object)], ignore_index=True)
        box["row"] = rid
        entries = [log.Entry("add", model.PROPOSALS, prid, "name", "", new["name"])]
        return {path: _text(props)}, entries, ("activities", rid)

    written = transact(year, data_dir, token, build, "proposal")
    return Done(_("{name} proposed: add it to the organisations below").format(name=new["name"]),
                row=box.get("row", ""), written=written)
