/**
 * The page's own style sheet and script, inlined into report.html (no file beside it, no network).
 * The script is plain browser JavaScript kept as a string: it sorts tables (aria-sort on the header),
 * filters the event tables, and shows a chart mark's detail (its vega aria-label or SVG <title>) in
 * a small tooltip on hover. Without JavaScript the page still reads in full.
 */

export const STYLE = `
:root{--fg:#1c2230;--muted:#5a6372;--line:#d8dde4;--soft:#eef1f5;--head:#f3f5f8;--pos:#13773a;--neg:#b42318;--accent:#1f5fa8}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;color:var(--fg);background:#fff;font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif}
header.page,main,footer.page{max-width:1180px;margin:0 auto;padding-left:24px;padding-right:24px}
header.page{padding-top:28px;padding-bottom:14px;border-bottom:2px solid var(--fg)}
h1{font-size:1.75rem;line-height:1.25;margin:0 0 .5rem;letter-spacing:-.01em}
.meta{display:flex;flex-wrap:wrap;gap:.2rem 1.4rem;margin:0;padding:0;color:var(--muted);font-size:.9rem}
.meta div{display:flex;gap:.4rem}
.meta dt{font-weight:600;color:var(--fg)}
.meta dd{margin:0}
nav.toc{font-size:.88rem;margin:.9rem 0 0;color:var(--muted)}
nav.toc ol{display:flex;flex-wrap:wrap;gap:.15rem 1rem;list-style:none;margin:0;padding:0}
nav.toc a{color:var(--accent);text-decoration:none}
nav.toc a:hover{text-decoration:underline}
h2{font-size:1.3rem;line-height:1.3;margin:2.4rem 0 .7rem;padding-bottom:.3rem;border-bottom:1px solid var(--line)}
h3{font-size:1.05rem;margin:1.5rem 0 .5rem}
p,li{overflow-wrap:break-word;max-width:78rem}
ul{padding-left:1.3rem}
li{margin:.2rem 0}
a{color:var(--accent)}
code{font:.86em/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--soft);padding:0 .25em;border-radius:3px;overflow-wrap:anywhere}
.notice{background:#fff8e6;border:1px solid #ecd591;border-radius:6px;padding:.55rem .8rem;margin:1rem 0}
.filter-box{padding:.5rem 0;margin:.4rem 0;display:flex;flex-wrap:wrap;align-items:center;gap:.5rem}
.filter-box label{font-weight:600;font-size:.9rem}
#filter{font:inherit;font-size:.95rem;padding:.35rem .6rem;border:1px solid #b5bdc9;border-radius:6px;width:min(24rem,100%)}
#filter-count{color:var(--muted);font-size:.85rem}
.table-wrap{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:.6rem 0 1.1rem;border:1px solid var(--line);border-radius:6px;max-width:100%}
table{border-collapse:collapse;font-size:.85rem;min-width:100%}
th,td{padding:.38rem .65rem;text-align:left;vertical-align:top;border-bottom:1px solid var(--soft)}
td{min-width:4.5rem}
td.long{min-width:14rem;max-width:34rem}
td.s,td:first-child{white-space:nowrap}
thead th{background:var(--head);font-weight:600;white-space:nowrap;border-bottom:1px solid var(--line)}
th button{all:unset;cursor:pointer;display:inline-flex;align-items:center;gap:.3em}
th button::after{content:"\\2195";color:#a3abb8;font-size:.8em}
th[aria-sort=ascending] button::after{content:"\\25B2";color:var(--accent)}
th[aria-sort=descending] button::after{content:"\\25BC";color:var(--accent)}
th button:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
th.n,td.n{text-align:right;font-variant-numeric:tabular-nums lining-nums;white-space:nowrap}
tbody tr:nth-child(even){background:#fafbfc}
tbody tr:hover{background:#edf3fb}
tbody tr:has(:target){background:#fff1bf}
.pos{color:var(--pos)}
.neg{color:var(--neg)}
figure.chart{margin:1.4rem 0;text-align:center}
figure.chart svg{max-width:100%;height:auto}
figure.chart.small{display:inline-block;width:calc(50% - 1rem);margin:.6rem .4rem;vertical-align:top}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.tip{position:fixed;z-index:10;pointer-events:none;background:#1c2230;color:#fff;padding:.3rem .55rem;border-radius:4px;font-size:.8rem;line-height:1.35;max-width:22rem;box-shadow:0 2px 8px rgba(0,0,0,.25)}
footer.page{color:var(--muted);font-size:.82rem;border-top:1px solid var(--line);margin-top:2.5rem;padding-top:.8rem;padding-bottom:2rem}
@media (max-width:640px){
body{font-size:14px}
header.page,main,footer.page{padding-left:12px;padding-right:12px}
h1{font-size:1.35rem}
h2{font-size:1.15rem}
nav.toc{font-size:.8rem}
figure.chart.small{display:block;width:auto;margin:1rem 0}
table{font-size:.8rem}
td.long{min-width:12rem}
}
@media print{
@page{size:A4 landscape;margin:10mm}
body{font-size:9.5pt;color:#000}
header.page,main,footer.page{max-width:none;padding:0}
.filter-box,nav.toc,.tip{display:none!important}
th button::after{content:none}
.table-wrap{overflow:visible;border:0;border-radius:0}
table{font-size:7.5pt;width:100%;min-width:0}
th,td{padding:2px 3px;white-space:normal!important;min-width:0!important;max-width:none!important}
th{overflow-wrap:anywhere}
td.long{overflow-wrap:anywhere}
thead{display:table-header-group}
tr,figure,li{break-inside:avoid}
h2,h3{break-after:avoid}
tbody tr:nth-child(even),tbody tr:hover{background:none}
.pos{color:#000;font-weight:600}
.neg{color:#555}
figure.chart svg{max-width:100%;max-height:22cm;height:auto}
a{color:inherit;text-decoration:none}
}
`;

export const SCRIPT = `
(function () {
  'use strict';
  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  function keyOf(td, num) {
    if (!td) return null;
    if (num) { var v = td.getAttribute('data-v'); return v === null ? null : Number(v); }
    var t = td.textContent.trim();
    return t === '' || t === '\\u2014' ? null : t;
  }
  function sortTable(table, col, th) {
    var body = table.tBodies[0];
    var num = th.getAttribute('data-type') === 'num';
    var dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
    var sign = dir === 'ascending' ? 1 : -1;
    var rows = Array.prototype.map.call(body.rows, function (r, i) { return { r: r, i: i, k: keyOf(r.cells[col], num) }; });
    rows.sort(function (a, b) {
      // Missing values go last in either direction.
      if (a.k === null || b.k === null) return a.k === b.k ? a.i - b.i : a.k === null ? 1 : -1;
      var c = num ? a.k - b.k : collator.compare(a.k, b.k);
      return c * sign || a.i - b.i;
    });
    var frag = document.createDocumentFragment();
    rows.forEach(function (x) { frag.appendChild(x.r); });
    body.appendChild(frag);
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.setAttribute('aria-sort', 'none'); });
    th.setAttribute('aria-sort', dir);
  }
  document.querySelectorAll('table.sortable').forEach(function (table) {
    if (!table.tHead) return;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
      var b = th.querySelector('button');
      if (b) b.addEventListener('click', function () { sortTable(table, col, th); });
    });
  });

  var input = document.getElementById('filter');
  if (input) {
    var count = document.getElementById('filter-count');
    var rows = [];
    document.querySelectorAll('table.filterable').forEach(function (t) {
      Array.prototype.forEach.call(t.tBodies[0].rows, function (r) { rows.push(r); });
    });
    var texts = null;
    input.addEventListener('input', function () {
      if (!texts) texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
      var q = input.value.trim().toLowerCase();
      var shown = 0;
      for (var i = 0; i < rows.length; i++) {
        var ok = !q || texts[i].indexOf(q) >= 0;
        rows[i].hidden = !ok;
        if (ok) shown++;
      }
      count.textContent = q ? shown + ' of ' + rows.length + ' rows match' : '';
    });
  }

  var tip = document.createElement('div');
  tip.className = 'tip';
  tip.id = 'chart-tip';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  document.body.appendChild(tip);
  function detail(el) {
    for (; el && el.nodeType === 1 && el.tagName.toLowerCase() !== 'svg'; el = el.parentNode) {
      for (var c = el.firstElementChild; c; c = c.nextElementSibling) if (c.tagName.toLowerCase() === 'title') return c.textContent;
      var label = el.getAttribute('aria-label');
      var role = el.getAttribute('aria-roledescription') || '';
      if (label && !/axis|container|legend|title/.test(role)) return label;
    }
    return '';
  }
  document.querySelectorAll('figure.chart').forEach(function (fig) {
    fig.addEventListener('mousemove', function (e) {
      var text = detail(e.target);
      if (!text) { tip.hidden = true; return; }
      // vega writes unformatted fields at full precision (hi: 0.00925282742124): 4 significant digits.
      tip.textContent = text.replace(/-?\d+\.\d{5,}/g, function (m) { return String(Number(Number(m).toPrecision(4))); });
      tip.hidden = false;
      var x = Math.min(e.clientX + 14, window.innerWidth - tip.offsetWidth - 4);
      var y = e.clientY + 16 + tip.offsetHeight > window.innerHeight ? e.clientY - tip.offsetHeight - 8 : e.clientY + 16;
      tip.style.left = Math.max(4, x) + 'px';
      tip.style.top = Math.max(4, y) + 'px';
    });
    fig.addEventListener('mouseleave', function () { tip.hidden = true; });
  });
})();
`;
