// html_assets.cc: the page's CSS and JS, inlined by html.cc (the page fetches nothing).
#include "report/html_assets.h"

namespace migralint::report {

std::string_view HtmlStyle() {
  return R"css(
:root { --error: #c62828; --warning: #a15c00; --info: #0969da; --line: #d0d7de; --muted: #57606a;
  --bg-soft: #f6f8fa; --ok: #1a7f37; }
* { box-sizing: border-box; }
body { margin: 0;
  font: 14px/1.5 -apple-system, "Segoe UI", "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
  color: #1f2328; background: #fff; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 32px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2, h2.mono { font-size: 17px; margin: 0; word-break: break-all; }
h3 { font-size: 15px; margin: 18px 0 8px; color: var(--muted); }
code, pre, .mono { font-family: "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas,
  monospace; font-size: 12.5px; }
.totals { color: var(--muted); margin: 0 0 20px; }
.totals b { color: #1f2328; }
.summary { display: flex; gap: 32px; flex-wrap: wrap; align-items: flex-start;
  margin-bottom: 18px; }
table { border-collapse: collapse; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 12px; text-align: left; }
thead th { background: var(--bg-soft); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.zero { color: #afb8c1; }
tfoot th, tfoot td { font-weight: 600; border-top: 2px solid var(--line); }
a { color: var(--info); text-decoration: none; }
a:hover { text-decoration: underline; }
.sev-error { --sev: var(--error); }
.sev-warning { --sev: var(--warning); }
.sev-info { --sev: var(--info); }
.badge { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px;
  line-height: 18px;
  border: 1px solid var(--line); background: var(--bg-soft); color: var(--muted);
  white-space: nowrap; }
.badge.count { background: var(--sev); color: #fff; border-color: var(--sev); font-weight: 600; }
.badge.layout { background: #ddf4ff; color: #0550ae; border-color: #b6e3ff; }
.tier-core { background: #fbefff; color: #8250df; border-color: #e8d5ff; }
.tier-theme { background: #dafbe1; color: #116329; border-color: #aceebb; }
.tier-plugin { background: #fff8c5; color: #7d4e00; border-color: #f2e08b; }
.tier-entity { background: #ffebe9; color: #a40e26; border-color: #ffcecb; }
.state-applied { background: #dafbe1; color: var(--ok); border-color: #aceebb; }
.state-pending { background: #fff8c5; color: #7d4e00; border-color: #f2e08b; }
.state-modified, .state-failed, .state-missing { background: #ffebe9; color: var(--error);
  border-color: #ffcecb; }
.filters { position: sticky; top: 0; z-index: 2; background: rgba(255,255,255,.95); padding: 8px 0;
  border-bottom: 1px solid var(--line); margin-bottom: 16px; display: flex; gap: 18px;
  flex-wrap: wrap; }
.filters label { cursor: pointer; user-select: none; color: var(--sev, inherit); font-weight: 600; }
section.set { border: 1px solid var(--line); border-radius: 8px; margin: 0 0 22px;
  padding: 16px 20px; }
.set-head { display: flex; gap: 10px; align-items: center; flex-wrap: wrap; margin-bottom: 4px; }
.set-meta { color: var(--muted); margin: 0 0 14px; }
ol.timeline { list-style: none; margin: 0; padding: 0 0 0 22px; position: relative; }
ol.timeline::before { content: ""; position: absolute; left: 7px; top: 6px; bottom: 6px; width: 2px;
  background: var(--line); }
li.file { position: relative; margin: 0 0 6px; }
ol.timeline > li.file::before { content: ""; position: absolute; left: -21px; top: 6px;
  width: 10px; height: 10px;
  border-radius: 50%; background: #fff; border: 2px solid #8c959f; }
ol.timeline > li.file.has-findings::before { background: var(--sev); border-color: var(--sev); }
ol.timeline > li.file[data-state="applied"]:not(.has-findings)::before { background: var(--ok);
  border-color: var(--ok); }
.file-head { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
.order { color: var(--muted); min-width: 2.2em; text-align: right;
  font-variant-numeric: tabular-nums; }
.version { color: var(--muted); }
.path .dir { color: var(--muted); }
.path .name { font-weight: 600; }
.source { color: var(--muted); font-size: 12px; }
ul.others { list-style: none; margin: 0; padding: 0 0 0 22px; }
ul.others li.file { border-left: 2px dashed var(--line); padding-left: 10px; }
.finding { margin: 6px 0 12px 2.8em; border-left: 4px solid var(--sev); background: var(--bg-soft);
  border-radius: 0 6px 6px 0; padding: 8px 12px; }
.finding-head { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
.finding .sev { color: var(--sev); font-weight: 700; text-transform: uppercase; font-size: 11.5px; }
.finding .rule { font-weight: 600; }
.finding .loc { color: var(--muted); }
.finding .msg { white-space: pre-wrap; flex-basis: 100%; }
pre.excerpt { margin: 6px 0 0; padding: 6px 10px; background: #fff;
  border: 1px solid var(--line); border-radius: 4px;
  overflow-x: auto; tab-size: 4; white-space: pre; }
pre.excerpt .ln { display: inline-block; min-width: 3em; padding-right: 10px; margin-right: 10px;
  text-align: right;
  color: #8c959f; border-right: 1px solid var(--line); user-select: none; }
pre.excerpt mark { background: color-mix(in srgb, var(--sev) 18%, transparent); color: inherit;
  text-decoration: underline wavy var(--sev); text-underline-offset: 3px; border-radius: 2px; }
.help { margin: 6px 0 0; color: var(--muted); white-space: pre-wrap; }
.help b { color: #1f2328; }
li.file.hide { display: none; }
.clean { color: var(--ok); font-weight: 600; }
footer { color: var(--muted); margin-top: 28px; font-size: 12px; }
)css";
}

std::string_view HtmlScript() {
  return R"js(
(function () {
  var boxes = document.querySelectorAll('.filters input[data-severity]');
  var only = document.getElementById('only-with-findings');
  function update() {
    var off = {};
    boxes.forEach(function (b) { if (!b.checked) off[b.dataset.severity] = true; });
    document.querySelectorAll('.finding').forEach(function (f) {
      f.hidden = !!off[f.dataset.severity];
    });
    document.querySelectorAll('li.file').forEach(function (li) {
      var shown = li.querySelectorAll('.finding:not([hidden])').length;
      li.classList.toggle('hide', only.checked && shown === 0);
    });
  }
  boxes.forEach(function (b) { b.addEventListener('change', update); });
  if (only) only.addEventListener('change', update);
})();
)js";
}

}  // namespace migralint::report
