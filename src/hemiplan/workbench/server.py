"""The workbench's web face (Flask, server-rendered Jinja2 pages, nothing downloaded at
run time): ``hemiplan review --year Y --serve [--port N]`` (:func:`run_cli`).

Safe by default: it listens on 127.0.0.1 only; every request whose ``Host`` is not its
own address, or whose ``Origin`` (when given) is not its own origin, or that a browser
marks cross-site, is refused (HTTP 403: no cross-site or DNS-rebinding request reaches
the data); every write is a POST carrying the page's secret token (CSRF) and the token
of the files the page was made from (a change on disk since is a conflict, never
overwritten); every piece of report text is escaped by Jinja2's autoescape, and the
pages forbid inline script and any other origin (Content-Security-Policy). It writes
only through :mod:`hemiplan.workbench.edits`: the year's own tables and, for an
organisation added from a proposal, organizations.csv."""
from __future__ import annotations

import hmac
import secrets
import sys
from urllib.parse import urlencode

from flask import Flask, abort, current_app, g, redirect, render_template, request
from werkzeug.serving import make_server

from hemiplan import language
from hemiplan.data import locks, resolve_year, schema
from hemiplan.data.years import YearNotFoundError
from hemiplan.language import _
from hemiplan.workbench import edits, forms, log, model, proposals, text

#: The address the workbench listens on: loopback only.
HOST = "127.0.0.1"


def _view_query(filters: dict) -> str:
    kept = {k: v for k, v in model.clean_filters(filters).items() if v and v != model.FILTERS[k]}
    return ("?" + urlencode(kept)) if kept else ""


def create_app(year, data_dir=None, port: int = 8765) -> Flask:
    """The workbench of one year (``data_dir``: the data folder, the project's by default)."""
    app = Flask(__name__)
    app.config["YEAR"] = resolve_year(year, data_dir)
    app.config["DATA_DIR"] = data_dir
    app.config["CSRF"] = secrets.token_urlsafe(32)
    set_port(app, port)
    app.before_request(_guard)
    app.after_request(_headers)
    app.add_url_rule("/favicon.ico", "favicon", _favicon)
    _routes(app)
    return app


def set_port(app: Flask, port: int) -> None:
    """The hosts and origins the workbench answers (its own, on ``port``)."""
    app.config["HOSTS"] = {f"{HOST}:{port}", f"localhost:{port}"}
    app.config["ORIGINS"] = {f"http://{h}" for h in app.config["HOSTS"]}


def _guard():
    """Refuse a foreign Host or Origin, a cross-site request and a POST without the token."""
    app = current_app
    if request.host not in app.config["HOSTS"]:
        abort(403, _("refused: the Host {host!r} is not the workbench's own address").format(host=request.host))
    origin = request.headers.get("Origin")
    if origin is not None and origin not in app.config["ORIGINS"]:
        abort(403, _("refused: a request from the origin {origin!r}").format(origin=origin))
    if request.headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
        abort(403, _("refused: a cross-site request"))
    if request.method not in ("GET", "HEAD", "POST"):
        abort(405)
    if request.method == "POST" and not hmac.compare_digest(str(request.form.get("csrf", "")), app.config["CSRF"]):
        abort(403, _("refused: the form's token is missing or wrong (reload the page)"))
    lang = request.args.get("lang") or request.cookies.get("lang") or language.SOURCE
    g.lang = language.use(lang if lang in language.available() else language.SOURCE)


def _headers(resp):
    resp.headers["Content-Security-Policy"] = ("default-src 'none'; style-src 'self'; script-src 'self'; "
                                               "img-src 'self'; form-action 'self'; frame-ancestors 'none'; "
                                               "base-uri 'none'")
    resp.headers["X-Content-Type-Options"] = "nosniff"
    resp.headers["Referrer-Policy"] = "same-origin"   # "no-referrer" makes a browser send Origin: null
    resp.headers["X-Frame-Options"] = "DENY"
    resp.headers["Cache-Control"] = "no-store"
    if request.args.get("lang") in language.available():
        resp.set_cookie("lang", request.args["lang"], samesite="Strict", httponly=True)
    return resp


def _ctx(app: Flask, state: model.State, filters: dict, **more) -> dict:
    done, total = state.progress()
    return {"year": state.year, "state": state, "t": text.words(), "progress": text.progress(done, total),
            "done": done, "total": total, "filters": model.clean_filters(filters),
            "view": _view_query(filters), "csrf": app.config["CSRF"], "lang": g.get("lang", "en"),
            "drafts": text.drafts, "flag_words": text.flag_words(), **more}


def _paragraph_page(app: Flask, pid: str, filters: dict, status: int = 200, **more):
    year, ddir = app.config["YEAR"], app.config["DATA_DIR"]
    state = model.load(year, ddir)
    para = state.paragraph(pid)
    if para is None:
        abort(404, _("no paragraph {pid} in {year}").format(pid=pid, year=year))
    ch = forms.choices(year, ddir, state.tables["activities"])
    overrides = more.pop("overrides", {})
    errors = more.pop("errors", {})
    more.setdefault("refused", bool(errors) or bool(more.get("problems")))
    editors = []
    for r in para.rows:
        values = overrides.get((r.table, r.id), r.values)
        editors.append((r, forms.widgets(r.table, values, ch, errors.get((r.table, r.id)))))
    para_widgets = [w for w in forms.widgets("paragraphs", {"countries": para.countries,
                                                            "dependencies": para.dependencies}, ch)
                    if w.name in ("countries", "dependencies")]
    prev, nxt = model.neighbours(state, filters, pid)
    kinds = [(k, v) for k, v in forms._enum_options("organizations", "kind", True)]
    unrec = forms._enum_options("unrecorded", "reason", True)
    taken = set(ch_org for ch_org, _l in ch.organizations)
    return render_template("paragraph.html", **_ctx(app, state, filters, para=para, editors=editors,
                                                    para_widgets=para_widgets, prev=prev, next=nxt,
                                                    org_kinds=kinds, kind_names=dict(kinds), unrecorded_reasons=unrec,
                                                    suggest=lambda p: proposals.suggested_id(
                                                        p.get("name", ""), p.get("acronym", ""), taken),
                                                    **more)), status


def _after(app: Flask, pid: str, filters: dict, done: edits.Done, anchor_row: str | None = None):
    """303 to where the reviewer goes next, with what was done."""
    q = model.clean_filters(filters)
    query = {k: v for k, v in q.items() if v and v != model.FILTERS[k]} | {"done": done.message}
    frag = f"#row-{anchor_row}" if anchor_row else ""
    return redirect(f"/p/{pid}?{urlencode(query)}{frag}", code=303)


def _write(app: Flask, pid: str, action, focus=None, values=None, next_draft=False):
    """Run a write; on success go on, on a refusal show the page with the errors (422),
    on a conflict show both versions (409)."""
    filters = _form_filters()
    token = request.form.get("token", "")
    try:
        done = action(token)
    except edits.Conflict as exc:
        return _conflict(app, pid, filters, exc, focus, values)
    except edits.Refused as exc:
        errors = {focus: exc.errors} if focus else {}
        overrides = {focus: values} if focus and values else {}
        general = exc.problems + ([m for ms in exc.errors.values() for m in ms] if not focus else [])
        return _paragraph_page(app, pid, filters, 422, errors=errors, overrides=overrides, problems=general,
                               focus=focus)
    except locks.Busy as exc:
        return _paragraph_page(app, pid, filters, 423, problems=[str(exc)])
    state = model.load(app.config["YEAR"], app.config["DATA_DIR"])
    if next_draft:
        pid2, row = model.next_draft(state, filters, pid)
        return _after(app, pid2, filters, done, row)
    return _after(app, pid, filters, done, done.row or None)


def _conflict(app: Flask, pid: str, filters: dict, exc: edits.Conflict, focus, values):
    state = model.load(app.config["YEAR"], app.config["DATA_DIR"])
    current = state.row(*focus) if focus else None
    columns = schema.columns(focus[0]) if focus else []
    both = [(c, (values or {}).get(c, ""), (current.values if current else {}).get(c, "")) for c in columns]
    return render_template("conflict.html", **_ctx(app, state, filters, pid=pid, focus=focus, changed=exc.changed,
                                                   both=both, current=current, mine=values or {},
                                                   action=request.path)), 409


def _form_filters() -> dict:
    return {k: request.form.get(f"view_{k}", d) for k, d in model.FILTERS.items()}


def _favicon():
    """No icon: an empty answer, so that a browser's request for one logs no 404."""
    return "", 204


def _read_routes(app: Flask, year, ddir) -> None:
    """The pages that only read: the rows by paragraph, one paragraph, the log."""

    @app.get("/")
    def index():
        state = model.load(year(), ddir())
        return render_template("index.html", **_ctx(app, state, request.args,
                                                    paragraphs=model.view(state, request.args)))

    @app.get("/p/<pid>")
    def paragraph(pid):
        return _paragraph_page(app, pid, request.args, done_message=request.args.get("done", ""))

    @app.get("/log")
    def review_log():
        state = model.load(year(), ddir())
        entries = log.read(log.path(year(), ddir())).to_dict("records")
        return render_template("log.html", **_ctx(app, state, request.args, entries=entries))


def _routes(app: Flask) -> None:
    """Every page and every write (each a POST through :func:`_write`)."""
    year = lambda: app.config["YEAR"]  # noqa: E731
    ddir = lambda: app.config["DATA_DIR"]  # noqa: E731
    _read_routes(app, year, ddir)

    @app.post("/row/<table>/<rid>/save")
    def save(table, rid):
        if table not in model.TABLES:
            abort(404)
        pid = request.form.get("paragraph_id", "")
        current = model.load(year(), ddir()).row(table, rid)
        values = forms.values_from(table, request.form, current.values if current else {})
        return _write(app, pid, lambda tok: edits.save_row(year(), ddir(), tok, table, rid, request.form),
                      (table, rid), values, next_draft=request.form.get("and_accept") == "1")

    @app.post("/row/<table>/<rid>/accept")
    def accept_row(table, rid):
        pid = request.form.get("paragraph_id", "")
        return _write(app, pid, lambda tok: edits.accept_rows(year(), ddir(), tok, ids=[rid]), next_draft=True)

    @app.post("/row/<table>/<rid>/delete")
    def delete(table, rid):
        pid = request.form.get("paragraph_id", "")
        number = request.form.get("not_data", "").strip()
        not_data = [(number, request.form.get("not_data_reason", "other"), "")] if number else []
        return _write(app, pid, lambda tok: edits.delete_row(year(), ddir(), tok, rid, request.form.get("reason", ""),
                                                            not_data))

    @app.post("/p/<pid>/accept")
    def accept_paragraph(pid):
        return _write(app, pid, lambda tok: edits.accept_rows(year(), ddir(), tok, paragraphs=[pid]), next_draft=True)

    @app.post("/p/<pid>/add")
    def add(pid):
        table = "indicators" if request.form.get("table") == "indicators" else "activities"
        return _write(app, pid, lambda tok: edits.add_row(year(), ddir(), tok, pid, request.form.get("quote", ""),
                                                         table))

    @app.post("/p/<pid>/edit")
    def edit_paragraph(pid):
        return _write(app, pid, lambda tok: edits.edit_paragraph(year(), ddir(), tok, pid, request.form))

    @app.post("/proposal/<prid>/add")
    def proposal_add(prid):
        pid = request.form.get("paragraph_id", "")
        return _write(app, pid, lambda tok: proposals.add(year(), ddir(), tok, prid, request.form))

    @app.post("/row/activities/<rid>/propose")
    def propose(rid):
        pid = request.form.get("paragraph_id", "")
        return _write(app, pid, lambda tok: proposals.propose(year(), ddir(), tok, rid, request.form))

    @app.post("/proposal/<prid>/reject")
    def proposal_reject(prid):
        pid = request.form.get("paragraph_id", "")
        return _write(app, pid, lambda tok: proposals.reject(year(), ddir(), tok, prid))


def run_cli(args) -> int:
    """``hemiplan review --year Y --serve [--port N]``: serve the workbench on 127.0.0.1
    until interrupted (Ctrl+C); prints its address."""
    try:
        app = create_app(args.year, getattr(args, "data_dir", None), args.port)
    except YearNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        server = make_server(HOST, args.port, app, threaded=False)
    except OSError as exc:
        print(f"error: cannot listen on {HOST}:{args.port}: {exc}", file=sys.stderr)
        return 1
    set_port(app, server.server_port)
    print(f"review workbench of {app.config['YEAR']}: http://{HOST}:{server.server_port}/ (Ctrl+C to stop)",
          flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
