"""A row's form, from its table's schema: each column a widget named by the CSV column.
Vocabularies are selects with the schema's labels (:mod:`hemiplan.data.labels`), lists
of member states, dependencies, organisations or activities multi-selects by name,
counts numeric inputs, long text areas; the ids, year, paragraph and status are shown,
not edited (a status changes by Accept). A value the choices do not hold is kept as a
choice of its own, so that saving a form never drops what is in the file."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from hemiplan.data import csvio, labels, membership, names, schema
from hemiplan.language import _
from hemiplan.workbench.model import FIXED

#: Columns edited in a text area.
LONG = {"quote", "note", "title"}


@dataclass
class Widget:
    name: str
    kind: str                      # fixed, select, multi, number, text, textarea
    value: str
    required: bool = False
    description: str = ""
    options: list[tuple[str, str]] = field(default_factory=list)
    selected: set[str] = field(default_factory=set)
    minimum: str = ""
    maximum: str = ""
    step: str = "1"
    errors: list[str] = field(default_factory=list)
    searchable: bool = False


@dataclass
class Choices:
    """What list columns choose from, each as (value, label), sorted by label."""
    states: list[tuple[str, str]]
    organizations: list[tuple[str, str]]
    activities: list[tuple[str, str]]
    dependencies: list[tuple[str, str]]

    def of(self, target: str) -> list[tuple[str, str]]:
        return {"member_states.iso3": self.states, "organizations.org_id": self.organizations,
                "activities.activity_id": self.activities, "dependencies": self.dependencies}[target]


def choices(year: int, data_dir, activities: pd.DataFrame) -> Choices:
    """The member states of the year, the organisations and the year's activities."""
    ms = csvio.read_text_table(schema.table_path("member_states", data_dir=data_dir))
    members = membership.member_codes(ms, year)
    state_names = names.state_names(ms)
    states = sorted(((c, str(state_names.get(c, c))) for c in members), key=lambda x: x[1])
    orgs = csvio.read_text_table(schema.table_path("organizations", data_dir=data_dir))
    org_labels = []
    for r in orgs.to_dict("records"):
        acr = str(r.get("acronym", "")).strip()
        org_labels.append((r["org_id"], f"{r['name']} ({acr})" if acr and acr != r["name"] else r["name"]))
    acts = [(a, f"{a}: {t[:60]}") for a, t in zip(activities["activity_id"], activities["title"])]
    deps = [(d, d) for d in schema.dependencies()]
    return Choices(states, sorted(org_labels, key=lambda x: x[1].lower()), acts, deps)


def _enum_options(table: str, name: str, required: bool) -> list[tuple[str, str]]:
    """A vocabulary's values with their labels (the value itself where the schema gives none)."""
    f = schema.field(table, name)
    enum = f.get("constraints", {}).get("enum", [])
    labelled = "hemiplan:labels" in f
    opts = [(v, labels.label(table, name, v) if labelled else v) for v in enum]
    return ([] if required else [("", _("(none)"))]) + opts


def _widget(table: str, f: dict, value: str, ch: Choices) -> Widget:
    name, cons = f["name"], f.get("constraints", {})
    w = Widget(name, "text", value, bool(cons.get("required")), f.get("description", ""))
    if name in FIXED:
        w.kind = "fixed"
    elif "enum" in cons:
        w.kind, w.options = "select", _enum_options(table, name, w.required)
    elif "hemiplan:list_of" in f:
        w.kind, w.options = "multi", list(ch.of(f["hemiplan:list_of"]))
        w.selected = set(csvio.split_list(value))
        w.searchable = f["hemiplan:list_of"] == "organizations.org_id" or len(w.options) > 12
    elif name == "joint_with":
        w.kind, w.options = "multi", list(ch.dependencies)
        w.selected = set(csvio.split_list(value))
    elif f["type"] in ("integer", "number"):
        w.kind = "number"
        w.minimum, w.maximum = str(cons.get("minimum", "")), str(cons.get("maximum", ""))
        w.step = "1" if f["type"] == "integer" else "any"
    elif name in LONG:
        w.kind = "textarea"
    if w.kind == "select" and value not in {v for v, _l in w.options}:
        w.options.append((value, _("{value} (not in the vocabulary)").format(value=value)))
    if w.kind == "multi":
        known = {v for v, _l in w.options}
        w.options += [(v, _("{value} (unknown)").format(value=v)) for v in sorted(w.selected - known)]
    return w


def widgets(table: str, values: dict, ch: Choices, errors: dict[str, list[str]] | None = None) -> list[Widget]:
    """A row's widgets, in the schema's column order, with the errors of each column."""
    out = []
    for f in schema.fields(table):
        w = _widget(table, f, str(values.get(f["name"], "")), ch)
        w.errors = list((errors or {}).get(f["name"], []))
        out.append(w)
    return out


def values_from(table: str, form, current: dict) -> dict:
    """The row's values as a form submits them: fixed columns keep their current value,
    a multi-select becomes a sorted ;-list, every other cell is stripped."""
    out = dict(current)
    for f in schema.fields(table):
        name = f["name"]
        if name in FIXED:
            continue
        multi = "hemiplan:list_of" in f or name == "joint_with"
        if multi:
            if name in form or f"{name}__present" in form:
                out[name] = csvio.join_list(v.strip() for v in form.getlist(name) if v.strip())
        elif name in form:
            out[name] = str(form.get(name, "")).strip()
    return out
