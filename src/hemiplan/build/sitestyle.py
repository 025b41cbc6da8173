"""The stylesheet of the site pages around the editions (the landing page, the 404
page, the front page and ``latest/`` redirects): the book's own look, as its theme
(pydata-sphinx-theme under sphinx-book-theme) draws it — the system font stack, the
theme's text, heading, link and border colours, its light and dark modes, a header
bar with the book's title — written once here and inlined in each page, so that a
page looks the same from whatever address it is served (a 404 page is served at any
depth)."""
from __future__ import annotations

STYLE = """
:root { color-scheme: light dark; --text: #222832; --muted: #48566b; --bg: #fff; --surface: #f3f4f5;
  --border: #d1d5da; --link: #0a6a7b; --heading: #222832; --reviewed-bg: #e5eef6; --reviewed: #0b4f80;
  --draft-bg: #fce9d9; --draft: #7a3300; }
@media (prefers-color-scheme: dark) {
  :root { --text: #ced6dd; --muted: #9ca4af; --bg: #14181e; --surface: #29313d; --border: #48566b;
    --link: #3fb1c5; --heading: #ced6dd; --reviewed-bg: #1d3a52; --reviewed: #cfe3f3; --draft-bg: #4d2a0e;
    --draft: #fbd9bd; }
}
html { font-size: 100%; }
body { margin: 0; background: var(--bg); color: var(--text); line-height: 1.65;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans",
    "Liberation Sans", sans-serif, "Apple Color Emoji", "Segoe UI Emoji"; }
.hemiplan-site-header { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between;
  gap: 0.4rem 1.5rem; padding: 0.7rem 1.5rem; border-bottom: 1px solid var(--border); background: var(--bg);
  box-shadow: 0 0.125rem 0.25rem 0 rgba(0, 0, 0, 0.11); }
.hemiplan-site-title { font-weight: 700; color: var(--heading); text-decoration: none; font-size: 1.05rem;
  line-height: 1.3; overflow-wrap: anywhere; }
.hemiplan-site-title:hover { text-decoration: underline; }
.hemiplan-site-nav { display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem; font-size: 0.95rem; }
main { max-width: 62rem; margin: 0 auto; padding: 1.5rem 1.5rem 3rem; }
h1 { font-size: 2.1rem; line-height: 1.2; margin: 0.5rem 0 1rem; color: var(--heading); font-weight: 700;
  overflow-wrap: break-word; hyphens: auto; }
p { margin: 0 0 1rem; }
a { color: var(--link); text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
a:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
.wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: 0.93rem; min-width: 36rem; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.4rem; }
th, td { padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--border); text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--muted); vertical-align: bottom; }
tbody tr:hover { background: var(--surface); }
.num { text-align: right; font-variant-numeric: tabular-nums; }
tbody th { white-space: nowrap; }
.status { display: inline-block; padding: 0 0.5rem; border-radius: 0.8rem; font-size: 0.85rem; }
.status-reviewed { background: var(--reviewed-bg); color: var(--reviewed); }
.status-draft { background: var(--draft-bg); color: var(--draft); }
.downloads { white-space: nowrap; }
.downloads a { display: block; }
.hemiplan-language { font-size: 0.95rem; }
code { font-size: 0.9em; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; }
ul { padding-left: 1.3rem; }
li { margin: 0.3rem 0; }
.lead { font-size: 1.05rem; }
@media (max-width: 40rem) {
  .hemiplan-site-header { padding: 0.6rem 1rem; }
  main { padding: 1rem 1rem 2.5rem; }
  h1 { font-size: 1.6rem; }
  table, thead, tbody, tr, th, td { display: block; min-width: 0; }
  table { min-width: 0; }
  thead { position: absolute; left: -9999px; }
  tr { border-bottom: 2px solid var(--muted); padding: 0.4rem 0; }
  th, td { border: none; padding: 0.15rem 0; text-align: left; }
  td.num { text-align: left; }
  tbody th { white-space: normal; }
  td::before { content: attr(data-label) ": "; font-weight: 600; }
  .downloads a { display: inline; margin-right: 0.8rem; }
}
"""
