"""The workbench's words, in the page's language (:mod:`hemiplan.language`): one place
for every label of its pages, so that the templates hold no English of their own."""
from __future__ import annotations

from hemiplan.language import _, n_, p_


def words() -> dict[str, str]:
    """Label → its text in the current language."""
    return {
        "title": _("Review workbench"),
        "rows": _("Rows"),
        "log": _("Review log"),
        "order": _("Order"),
        "report_order": _("Report order"),
        "uncertain": _("Uncertain first"),
        "section": _("Section"),
        "status": p_("review filter", "Status"),
        "flag": _("Flag"),
        "any": _("any"),
        "draft": p_("row status", "draft"),
        "reviewed": p_("row status", "reviewed"),
        "show": _("Show"),
        "paragraph": _("Paragraph"),
        "open": _("Review this paragraph"),
        "no_rows": _("No row drafted from this paragraph."),
        "nothing": _("No paragraph matches these filters."),
    } | _editing() | _organisations()


def _editing() -> dict[str, str]:
    """The words of a paragraph's page and its forms."""
    return {
        "save": _("Save"),
        "accept": _("Accept"),
        "accept_paragraph": _("Accept every row of this paragraph"),
        "delete": _("Delete this row…"),
        "delete_button": _("Delete the row"),
        "reason": _("Reason (why it is not data of the report)"),
        "not_data": _("A number of it that is not data (optional)"),
        "not_data_reason": _("Why the number is not data"),
        "add": _("Add an activity or a figure the drafts missed"),
        "add_help": _("Select its sentence in the paragraph above (or paste it here): the quote must be words of "
                      "the paragraph."),
        "add_button": _("Add activity from the selection"),
        "add_figure": _("Add a figure from the selection"),
        "quote": _("Quote"),
        "paragraph_fields": _("The paragraph's countries and dependencies"),
        "save_paragraph": _("Save the paragraph"),
        "flags": _("What to check"),
        "missing": _("required field empty"),
        "not_found": _("The quote is not in the paragraph."),
        "previous": _("Previous paragraph"),
        "next": _("Next paragraph"),
        "back": _("All paragraphs"),
        "filter": _("Type to filter"),
        "shortcuts": _("Keys: j / k next and previous row, Ctrl+S or Ctrl+Enter save, a accept the row."),
        "errors": _("Nothing was written: the change would not validate."),
        "conflict": _("Nothing was written: the files changed on disk since this page was loaded"),
        "conflict_help": _("Someone (or something) changed the data while you were editing. Both versions are "
                           "below: yours as you submitted it, and the row as it is on disk now. Keep yours to "
                           "save it over the current version, or reload to start from the current version."),
        "yours": _("Your version (not saved)"),
        "on_disk": _("On disk now"),
        "keep_mine": _("Save my version over the current one"),
        "differs": _("Where the two versions differ"),
        "same": _("The row is the same in both versions: another part of the files changed."),
        "all_columns": _("Every column of both versions"),
        "reload": _("Discard mine and reload"),
        "column": _("Column"),
        "time": _("Time (UTC)"),
        "action": _("Action"),
        "row": p_("review log", "Row"),
        "old": _("Old value"),
        "new": _("New value"),
        "empty_log": _("No change has been made in the workbench yet."),
        "language": _("Español"),
        "none": _("(none)"),
    }


def _organisations() -> dict[str, str]:
    """The words of the organisations a row names: proposals, and one the drafting missed."""
    return {
        "proposals": _("Organisations proposed by the drafting"),
        "add_org": _("Add to organisations"),
        "reject": _("Reject"),
        "role": _("Role"),
        "name": _("Name"),
        "acronym": _("Acronym"),
        "kind": _("Kind"),
        "org_id": _("Id"),
        "propose": _("Name an organisation the drafting missed…"),
        "propose_help": _("A partner or funder the sentence names that neither the drafting nor the list of "
                          "organisations has: it is proposed for this activity, then added to the organisations "
                          "below."),
        "propose_button": _("Propose this organisation"),
        "partner": p_("organisation role", "partner"),
        "funder": p_("organisation role", "funder"),
        "proposal_draft": p_("proposal status", "proposed"),
        "proposal_added": p_("proposal status", "added"),
        "proposal_rejected": p_("proposal status", "rejected"),
    }


def flag_words() -> dict[str, str]:
    """A flag's kind (:func:`hemiplan.analysis.review.flags`) as the filter names it."""
    return {"dependency": _("no dependency named"), "no_state": _("no member state named"),
            "other_type": _("type of activity other"), "loose": _("approximate or bounded number"),
            "inferred": _("inferred count"), "held_elsewhere": _("held in another year"),
            "ref_year": _("refers to another year"), "note": _("draft note"), "missing": _("required field empty")}


def progress(done: int, total: int) -> str:
    """'37 of 150 reviewed'."""
    return n_("{done} of {total} row reviewed", "{done} of {total} rows reviewed", total).format(
        done=done, total=total)


def drafts(n: int) -> str:
    return n_("{n} draft row", "{n} draft rows", n).format(n=n)
