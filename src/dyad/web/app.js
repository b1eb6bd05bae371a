// Dyad dashboard: a small hash-routed app over the JSON API. Charts with Observable Plot, the map and the
// network with D3 (d3-geo, d3-force), geometry from world-atlas (Natural Earth): all vendored under
// /static/vendor/, so it works offline, with no CDN.
// Every text from the data is inserted with textContent (never innerHTML), so hostile text stays inert.
/* global d3, Plot, topojson */
"use strict";

const QUADS = { 0: ["Neutral statement", "#8c959f"], 1: ["Verbal cooperation", "#6cc28a"],
  2: ["Material cooperation", "#1a7f37"], 3: ["Verbal conflict", "#f08c7e"], 4: ["Material conflict", "#b42318"] };
const STACK = [4, 3, 0, 1, 2];  // conflict at the bottom, cooperation on top
const SVG = "http://www.w3.org/2000/svg";
const FILTER_KEYS = ["since", "until", "types", "quad", "actor", "country", "source", "q"];
const INTERVALS = { day: () => d3.utcDay, week: () => d3.utcMonday, month: () => d3.utcMonth, year: () => d3.utcYear };

function el(tag, attrs = {}, ...children) {
  const node = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "text") node.textContent = String(v);
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, String(v));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// --- state in the URL ----------------------------------------------------------------------------

function currentRoute() {
  const [path, query] = location.hash.replace(/^#/, "").split("?");
  return { path: path || "/", params: new URLSearchParams(query || "") };
}

function filtersOf(params) {
  const f = {};
  for (const k of FILTER_KEYS) { const v = params.get(k); if (v) f[k] = v; }
  return f;
}

function hashFor(path, params) {
  const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v !== null && v !== undefined)).toString();
  return `#${path}${q ? "?" + q : ""}`;
}

function go(path, params) { location.hash = hashFor(path, params); }

function setParams(changes) {
  const { path, params } = currentRoute();
  const next = Object.fromEntries(params.entries());
  Object.assign(next, changes);
  go(path, next);
}

function withFilters(path, extra = {}) { return hashFor(path, { ...filtersOf(currentRoute().params), ...extra }); }

// --- the API -------------------------------------------------------------------------------------

function apiURL(path, params = {}) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") url.searchParams.set(k, v);
  return url;
}

async function api(path, params = {}) {
  const response = await fetch(apiURL(path, params));
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    const detail = Array.isArray(body.detail) ? body.detail.map((d) => `${(d.loc || []).slice(-1)[0]}: ${d.msg}`).join("; ") : body.detail || "";
    throw new Error(`${response.status} ${detail}`);
  }
  return response.json();
}

function twin(path, params = {}) {
  // the footer links to the JSON of the view's main table
  const url = apiURL(path, params), a = document.getElementById("json-twin");
  a.href = url.pathname + url.search; a.textContent = url.pathname + url.search;
}

let FACETS = null;  // what the filter bar offers, fetched once per visit (the overview refreshes it for its counts)
async function facets(fresh = false) {
  if (fresh || !FACETS) FACETS = api("/api/facets").catch((error) => { FACETS = null; throw error; });
  return FACETS;
}

// --- downloads -----------------------------------------------------------------------------------

function save(name, type, content) {
  const url = URL.createObjectURL(content instanceof Blob ? content : new Blob([content], { type }));
  const a = el("a", { href: url, download: name });
  document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}

function csvCell(v) {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  let s = Array.isArray(v) ? v.join(";") : typeof v === "object" ? JSON.stringify(v) : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;  // a spreadsheet must not read a cell as a formula
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function toCSV(rows, columns) {
  return [columns.join(","), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(","))].join("\r\n") + "\r\n";
}

function dataDownloads(name, rows, columns) {
  // exactly the rows shown, as CSV and JSON
  return el("span", { class: "downloads" }, "Download ",
    el("button", { type: "button", class: "link", "data-download": "csv", text: "CSV",
      onclick: () => save(`${name}.csv`, "text/csv", toCSV(rows, columns)) }), " ",
    el("button", { type: "button", class: "link", "data-download": "json", text: "JSON",
      onclick: () => save(`${name}.json`, "application/json", JSON.stringify(rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? null]))), null, 1)) }));
}

function svgText(svg) {
  const copy = svg.cloneNode(true);
  copy.setAttribute("xmlns", SVG);
  const box = svg.getBoundingClientRect();
  if (!copy.getAttribute("width") || copy.getAttribute("width").endsWith("%")) copy.setAttribute("width", Math.round(box.width));
  if (!copy.getAttribute("height")) copy.setAttribute("height", Math.round(box.height));
  copy.insertBefore(el("svg:style", { text: "text{font:12px system-ui,sans-serif}" }), copy.firstChild);
  return new XMLSerializer().serializeToString(copy);
}

function imageDownloads(name, getSvg) {
  return el("span", { class: "downloads" }, "Save ",
    el("button", { type: "button", class: "link", text: "SVG", onclick: () => save(`${name}.svg`, "image/svg+xml", svgText(getSvg())) }), " ",
    el("button", { type: "button", class: "link", text: "PNG", onclick: () => {
      const svg = getSvg(), box = svg.getBoundingClientRect(), img = new Image();
      img.onload = () => {
        const canvas = el("canvas", { width: Math.round(box.width * 2), height: Math.round(box.height * 2) });
        const ctx = canvas.getContext("2d"); ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, canvas.width, canvas.height);
        ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
        canvas.toBlob((blob) => save(`${name}.png`, "image/png", blob));
      };
      img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svgText(svg));
    } }));
}

// --- the filter bar ------------------------------------------------------------------------------

async function filterBar(path, params) {
  const f = filtersOf(params), fac = await facets();
  const types = new Set((f.types || "").split(",").filter(Boolean)), quads = new Set((f.quad || "").split(",").filter(Boolean));
  const input = (name, label, attrs = {}) => el("label", {}, el("span", { text: label }), el("input", { name, value: f[name] || "", ...attrs }));
  const form = el("form", { id: "filters", class: "filters", role: "search", "aria-label": "Filter every view",
    onsubmit: (e) => {
      e.preventDefault();
      const data = new FormData(e.target), next = Object.fromEntries([...params.entries()].filter(([k]) => !FILTER_KEYS.includes(k)));
      for (const k of ["since", "until", "q", "source"]) next[k] = (data.get(k) || "").trim();
      for (const k of ["actor", "country"]) next[k] = (data.get(k) || "").trim().toUpperCase();
      next.types = data.getAll("types").join(","); next.quad = data.getAll("quad").join(",");
      go(path, next);
    } },
    input("since", "From", { type: "date", min: fac.first_date, max: fac.last_date }),
    input("until", "To", { type: "date", min: fac.first_date, max: fac.last_date }),
    input("actor", "Actor", { size: 5, maxlength: 8, placeholder: "TUR", pattern: "[A-Za-z0-9]{2,8}", title: "An actor code: either side" }),
    input("country", "Country", { size: 5, maxlength: 3, placeholder: "SYR", pattern: "[A-Za-z]{3}", title: "Where it happened (ISO alpha-3)" }),
    el("label", {}, el("span", { text: "Source" }), el("select", { name: "source" }, el("option", { value: "", text: "any" }),
      fac.sources.map((s) => el("option", { value: s, text: s, selected: s === f.source })))),
    input("q", "Words", { size: 12, maxlength: 200, placeholder: "talks" }),
    el("details", { class: "pick" }, el("summary", { text: types.size ? `Types (${types.size})` : "Types" }),
      el("div", {}, fac.types.map((t) => el("label", {}, el("input", { type: "checkbox", name: "types", value: t, checked: types.has(t) }), t)))),
    el("details", { class: "pick" }, el("summary", { text: quads.size ? `Quad classes (${quads.size})` : "Quad classes" }),
      el("div", {}, [1, 2, 0, 3, 4].map((q) => el("label", {}, el("input", { type: "checkbox", name: "quad", value: q, checked: quads.has(String(q)) }),
        el("i", { class: "swatch", style: `background:${QUADS[q][1]}` }), QUADS[q][0])))),
    el("button", { type: "submit", text: "Apply" }),
    Object.keys(f).length ? el("a", { href: hashFor(path, Object.fromEntries([...params.entries()].filter(([k]) => !FILTER_KEYS.includes(k)))), text: "clear" }) : null);
  return form;
}

function filterSummary(f) {
  const parts = Object.entries(f).map(([k, v]) => `${k}=${v}`);
  return parts.length ? `Filtered: ${parts.join(" · ")}` : "All events in the store.";
}

// --- tables --------------------------------------------------------------------------------------

const codes = (list) => (Array.isArray(list) ? list.join(", ") : list) || "?";
function dyadLink(a, b) { return el("a", { href: withFilters(`/dyad/${a}-${b}`), text: `${a}–${b}` }); }
const num = (v, digits = 1) => (v === null || v === undefined ? "–" : Number(v).toFixed(digits));

const FLAT_COLUMNS = ["date", "event", "cameo", "quad_code", "goldstein", "actors", "recipients", "event_text", "evidence_text", "place", "loc_country", "doc_id", "event_id"];
function flatRow(e) {
  return { date: e.event_date || e.doc_date || "", event: e.event, cameo: e.cameo, quad_code: e.quad_code, goldstein: e.goldstein,
    actors: e.actor_codes, recipients: e.recipient_codes, event_text: e.event_text, evidence_text: e.evidence_text,
    place: e.event_loc ? e.event_loc.name : "", loc_country: e.loc_country, doc_id: e.doc_id, event_id: e.event_id };
}

function eventsTable(events, { name = "events" } = {}) {
  if (!events.length) return el("p", { class: "muted", text: "No events." });
  const rows = events.map(flatRow);
  return el("div", {}, el("div", { class: "toolbar" }, el("span", { class: "muted", text: `${rows.length} mentions shown` }), dataDownloads(name, rows, FLAT_COLUMNS)),
    el("table", { class: "events flat" },
      el("thead", {}, el("tr", {}, ["Date", "Event", "Actor → recipient", "What", "Where"].map((h) => el("th", { scope: "col", text: h })))),
      el("tbody", {}, events.map((e) => el("tr", {},
        el("td", { text: e.event_date || e.doc_date || "" }),
        el("td", {}, el("span", { class: `q${e.quad_code ?? 0}`, text: e.event }), " ", el("span", { class: "muted", text: e.cameo })),
        el("td", { text: `${codes(e.actor_codes)} → ${codes(e.recipient_codes)}` }),
        el("td", { class: "wrap" }, el("b", { text: e.event_text }), el("div", { class: "evidence", text: e.evidence_text }),
          el("a", { href: `#/doc/${encodeURIComponent(e.doc_id)}`, text: "article & evidence" })),
        el("td", { text: e.event_loc ? e.event_loc.name : "" }))))));
}

const CANON_COLUMNS = ["date", "event", "cameo", "quad_code", "actor", "recipient", "both_directions", "place", "mentions", "articles", "sources", "goldstein"];
function canonicalTable(events, { name = "canonical-events", total = null } = {}) {
  // one real event, one row; a click opens its mentions and their evidence
  if (!events.length) return el("p", { class: "muted", text: "No events." });
  const body = el("tbody");
  for (const e of events) {
    const mutual = e.both_directions && e.event === "CONSULT";
    // the mentions are fetched when the row is first opened (the list itself reads no sentences)
    const cell = el("td", { colspan: 8 }, el("p", { class: "muted", text: "Loading the mentions…" }));
    const detail = el("tr", { class: "mentions", hidden: true }, cell);
    const fill = (evidence) => {
      cell.replaceChildren(el("ol", {}, evidence.map((m) => el("li", { class: "wrap" },
        el("b", { text: m.event_text }), " ", el("span", { class: "muted", text: `${m.cameo} · ${m.actor || "?"} → ${m.recipient || "?"}` }),
        el("div", { class: "evidence", text: m.evidence_text }),
        el("a", { href: `#/doc/${encodeURIComponent(m.doc_id)}`, text: m.title ? `article: ${m.title}` : "article & evidence" })))),
      ...(e.mentions > evidence.length ? [el("p", { class: "muted", text: `${e.mentions - evidence.length} more mentions in the flat list.` })] : []));
      detail.dataset.loaded = "true";
    };
    if (e.evidence && e.evidence.length) fill(e.evidence);
    const toggle = el("button", { type: "button", class: "expand", "aria-expanded": "false", text: `▸ ${e.mentions}`,
      title: "Show the mentions", onclick: async () => {
        const open = detail.hidden; detail.hidden = !open;
        toggle.setAttribute("aria-expanded", String(open)); toggle.textContent = `${open ? "▾" : "▸"} ${e.mentions}`;
        if (open && !detail.dataset.loaded) {
          try { fill((await api("/api/mentions", { ids: (e.members || []).slice(0, 12).join(",") })).mentions); }
          catch (error) { cell.replaceChildren(el("p", { class: "error", text: String(error.message || error) })); }
        }
      } });
    body.append(el("tr", { class: "canonical", "data-event": e.event },
      el("td", { text: e.date || "" }),
      el("td", {}, el("span", { class: `q${e.quad_code ?? 0}`, text: e.event }), " ", el("span", { class: "muted", text: e.cameo })),
      el("td", { text: `${e.actor} ${mutual ? "↔" : "→"} ${e.recipient}` }),
      el("td", { text: e.place || "" }),
      el("td", { class: "n mention-count" }, toggle),
      el("td", { class: "n", text: e.articles }), el("td", { class: "n", text: e.sources }),
      el("td", { class: "n", text: num(e.goldstein) })), detail);
  }
  return el("div", {}, el("div", { class: "toolbar" },
    el("span", { class: "muted", text: `${events.length} events shown${total !== null ? ` (${total} mentions match)` : ""}` }),
    dataDownloads(name, events, CANON_COLUMNS)),
    el("table", { class: "events canonical" },
      el("thead", {}, el("tr", {}, ["Date", "Event", "Who", "Where", "Mentions", "Articles", "Sources", "Goldstein"].map((h) => el("th", { scope: "col", text: h })))),
      body));
}

function listSwitch(view) {
  return el("p", { class: "switch" }, view === "mentions"
    ? [el("a", { href: withFilters(currentRoute().path, { view: "" }), text: "One row per event" }), " · ", el("b", { text: "All mentions" })]
    : [el("b", { text: "One row per event" }), " · ", el("a", { href: withFilters(currentRoute().path, { view: "mentions" }), text: "All mentions", id: "flat-link" })]);
}

async function eventList(base, view, limit = 100) {
  // the event list of a view: canonical rows by default, the flat mentions one click away
  if (view === "mentions") {
    twin("/api/events", { ...base, limit });
    const data = await api("/api/events", { ...base, limit });
    return [listSwitch(view), el("p", { class: "muted", text: `${data.total} mentions match${data.total > limit ? `; the first ${limit} shown` : ""}.` }), eventsTable(data.events)];
  }
  twin("/api/canonical", { ...base, mutual: true, limit });
  const canon = await api("/api/canonical", { ...base, mutual: true, limit, evidence: 0 });
  return [listSwitch(view), canonicalTable(canon.events, { total: canon.total })];
}

// --- the timeline (Observable Plot) --------------------------------------------------------------

function mainWidth() { return Math.max(320, Math.min(1168, (document.getElementById("main").clientWidth || 1000) - 32)); }

function timelineChart(series, { interval = "month", title, brush = true } = {}) {
  const iv = INTERVALS[interval] ? INTERVALS[interval]() : d3.utcMonth;
  const rows = series.map((s) => ({ date: new Date(`${String(s.period).slice(0, 10)}T00:00:00Z`), q: s.quad_code ?? 0,
    quad: QUADS[s.quad_code ?? 0][0], events: s.events, gsum: s.goldstein_sum }));
  if (!rows.length) return el("p", { class: "muted", text: "No dated events for this filter." });
  const start = iv.floor(d3.min(rows, (d) => d.date)), end = iv.offset(iv.floor(d3.max(rows, (d) => d.date)), 1);
  const periods = iv.range(start, end);  // every period, the empty ones too
  const by = d3.rollup(rows, (v) => ({ n: d3.sum(v, (d) => d.events), g: d3.sum(v, (d) => d.gsum) }), (d) => +d.date);
  const mid = (p) => new Date((+p + +iv.offset(p, 1)) / 2);
  const means = periods.map((p) => { const b = by.get(+p); return { date: mid(p), period: p, mean: b && b.n ? b.g / b.n : NaN, n: b ? b.n : 0 }; });
  const width = mainWidth(), margins = { marginLeft: 48, marginRight: 20 };
  const fmt = { day: d3.utcFormat("%Y-%m-%d"), week: d3.utcFormat("week of %Y-%m-%d"), month: d3.utcFormat("%B %Y"), year: d3.utcFormat("%Y") }[interval] || d3.utcFormat("%B %Y");
  const x = { type: "utc", domain: [start, end], label: null };
  const bars = Plot.plot({ width, height: 220, ...margins, marginTop: 16, marginBottom: 28, x,
    y: { grid: true, label: "events", tickFormat: "d" },
    color: { domain: STACK.map((q) => QUADS[q][0]), range: STACK.map((q) => QUADS[q][1]) },
    marks: [
      Plot.rectY(rows, { x: "date", interval: iv, y: "events", fill: "quad", order: STACK.map((q) => QUADS[q][0]), inset: 0.5,
        title: (d) => `${fmt(d.date)}: ${d.events} ${d.quad.toLowerCase()}` }),
      Plot.ruleY([0])] });
  const gold = Plot.plot({ width, height: 110, ...margins, marginTop: 8, marginBottom: 24, x,
    y: { domain: [-10, 10], ticks: [-10, 0, 10], label: null, grid: true },
    marks: [Plot.ruleY([0], { stroke: "#8c959f" }), Plot.lineY(means, { x: "date", y: "mean", stroke: "#1b1f24" }),
      Plot.dot(means.filter((m) => m.n), { x: "date", y: "mean", r: 2.5, fill: "#1b1f24",
        title: (m) => `${fmt(m.period)}: mean Goldstein ${m.mean.toFixed(1)} over ${m.n} events` })] });
  bars.classList.add("timeline"); gold.classList.add("goldstein");
  bars.setAttribute("role", "img"); bars.setAttribute("aria-label", title);
  bars.dataset.periods = String(periods.length);
  if (brush) {
    // drag across the bars to filter every view to those dates
    const sx = bars.scale("x"), h = 220;
    const b = d3.brushX().extent([[margins.marginLeft, 16], [width - margins.marginRight, h - 28]]).on("end", (ev) => {
      if (!ev.selection || !ev.sourceEvent) return;
      const [a, z] = ev.selection.map((px) => sx.invert(px));
      const day = d3.utcFormat("%Y-%m-%d");
      setParams({ since: day(iv.floor(a)), until: day(d3.utcDay.offset(iv.ceil(z), -1)) });
    });
    d3.select(bars).append("g").attr("class", "brush").call(b);
  }
  const select = el("select", { "aria-label": "Interval", onchange: (e) => setParams({ interval: e.target.value }) },
    ["day", "week", "month", "year"].map((i) => el("option", { value: i, text: `per ${i}`, selected: i === interval })));
  const legend = el("div", { class: "legend" }, [1, 2, 0, 3, 4].map((q) => el("span", {}, el("i", { style: `background:${QUADS[q][1]}` }), QUADS[q][0])),
    el("span", {}, "● mean Goldstein (lower panel; gaps: no events)"));
  const tableRows = periods.map((p) => {
    const r = { period: d3.utcFormat("%Y-%m-%d")(p) };
    for (const q of [0, 1, 2, 3, 4]) r[`q${q}`] = 0;
    return r;
  });
  const idx = new Map(periods.map((p, i) => [+p, i]));
  for (const r of rows) { const i = idx.get(+iv.floor(r.date)); if (i !== undefined) tableRows[i][`q${r.q}`] += r.events; }
  means.forEach((m, i) => { tableRows[i].goldstein_mean = Number.isNaN(m.mean) ? null : +m.mean.toFixed(3); tableRows[i].events = m.n; });
  return el("figure", { class: "chart" },
    el("div", { class: "toolbar" }, select, el("span", { class: "muted", text: brush ? "Drag across the bars to pick dates." : "" }),
      dataDownloads("timeline", tableRows, ["period", "events", "q0", "q1", "q2", "q3", "q4", "goldstein_mean"]),
      imageDownloads("timeline", () => bars)),
    bars, gold, el("figcaption", { text: title }), legend);
}

// --- the world map (d3-geo, world-atlas) ---------------------------------------------------------

let WORLD = null;
async function world() {
  if (!WORLD) {
    const [topo, iso] = await Promise.all([fetch("/static/vendor/countries-110m.json").then((r) => r.json()),
      fetch("/static/vendor/iso-3166.json").then((r) => r.json())]);
    const features = topojson.feature(topo, topo.objects.countries).features;
    for (const f of features) f.code = iso[f.id] || iso[f.properties.name] || null;
    WORLD = { features, borders: topojson.mesh(topo, topo.objects.countries, (a, b) => a !== b) };
  }
  return WORLD;
}

const SHADES = { events: "events", goldstein: "mean Goldstein" };

async function worldMap(countries, places, { height = 460, title = "Map of events", shadeBy = "events" } = {}) {
  const { features, borders } = await world();
  const width = mainWidth();
  const projection = d3.geoNaturalEarth1().fitExtent([[4, 4], [width - 4, height - 4]], { type: "Sphere" });
  const path = d3.geoPath(projection);
  const byCode = new Map(countries.map((c) => [c.country, c]));
  const max = d3.max(countries, (c) => c.events) || 1;
  const byGoldstein = shadeBy === "goldstein";
  const shade = d3.scaleSequentialSqrt([0, max], (t) => d3.interpolateBlues(0.12 + 0.78 * t));
  // mean Goldstein: red for conflict, green for cooperation, symmetric around 0 so that 0 stays pale
  const spread = Math.max(1, d3.max(countries, (c) => Math.abs(c.goldstein ?? 0)) || 1);
  const tone = d3.scaleDiverging([-spread, 0, spread], (t) => d3.interpolateRdYlGn(0.08 + 0.84 * t)).clamp(true);
  const fillOf = (c) => (byGoldstein ? tone(c.goldstein ?? 0) : shade(c.events));
  const radius = d3.scaleSqrt([0, d3.max(places, (p) => p.events) || 1], [0, 16]);
  const tip = el("div", { class: "tooltip", hidden: true, role: "status" });
  const wrap = el("div", { class: "mapwrap" });
  const show = (ev, lines) => {
    tip.replaceChildren(...lines.map((l, i) => el(i ? "div" : "b", { text: l })));
    const box = wrap.getBoundingClientRect();
    tip.style.left = `${Math.min(ev.clientX - box.left + 12, box.width - 220)}px`; tip.style.top = `${ev.clientY - box.top + 12}px`;
    tip.hidden = false;
  };
  const hide = () => { tip.hidden = true; };
  const svg = el("svg:svg", { viewBox: `0 0 ${width} ${height}`, width: "100%", role: "img", "aria-label": title, class: "worldmap", "data-shade": shadeBy });
  const g = el("svg:g");
  const zoom = d3.zoom().scaleExtent([1, 16]).on("zoom", (ev) => {
    g.setAttribute("transform", ev.transform.toString());
    g.style.setProperty("--k", ev.transform.k);
    for (const c of g.querySelectorAll("circle.place")) c.setAttribute("r", Number(c.dataset.r) / Math.sqrt(ev.transform.k));
  });
  const zoomTo = (f) => {
    const [[x0, y0], [x1, y1]] = path.bounds(f);
    const k = Math.min(16, 0.85 / Math.max((x1 - x0) / width, (y1 - y0) / height));
    d3.select(svg).transition().duration(600).call(zoom.transform,
      d3.zoomIdentity.translate(width / 2, height / 2).scale(k).translate(-(x0 + x1) / 2, -(y0 + y1) / 2));
  };
  g.append(el("svg:path", { d: path({ type: "Sphere" }), class: "sphere" }));
  g.append(el("svg:path", { d: path(d3.geoGraticule10()), class: "graticule" }));
  for (const f of features) {
    const c = f.code ? byCode.get(f.code) : null;
    const name = f.properties.name;
    g.append(el("svg:path", { d: path(f), class: c ? "country has-events" : "country", "data-code": f.code || "", style: c ? `fill:${fillOf(c)}` : null,
      onmousemove: (ev) => show(ev, [name, c ? `${c.events} events happened here, mean Goldstein ${num(c.goldstein)}` : "no events", "click: zoom in"]),
      onmouseleave: hide, onclick: () => zoomTo(f) }, el("svg:title", { text: c ? `${name}: ${c.events} events` : name })));
  }
  g.append(el("svg:path", { d: path(borders), class: "borders" }));
  for (const p of [...places].sort((a, b) => b.events - a.events)) {
    const xy = projection([p.lon, p.lat]);
    if (!xy) continue;
    const r = Math.max(2.5, radius(p.events));
    const link = el("svg:a", { href: withFilters("/search", { country: p.loc_country || "" }), "aria-label": `${p.name}: ${p.events} events` },
      el("svg:circle", { cx: xy[0], cy: xy[1], r, "data-r": r, class: "place", "data-place": p.name, fill: p.goldstein >= 0 ? QUADS[2][1] : QUADS[4][1],
        onmousemove: (ev) => show(ev, [`${p.name} (${p.loc_country || "?"})`, `${p.events} event mentions, mean Goldstein ${num(p.goldstein)}`,
          (p.types || []).join(", "), "click: the events there"]), onmouseleave: hide },
      el("svg:title", { text: `${p.name} (${p.loc_country || "?"}): ${p.events} events` })));
    g.append(link);
  }
  svg.append(g);
  d3.select(svg).call(zoom);
  wrap.append(svg, tip);
  const legendScale = el("div", { class: "legend" },
    ...(byGoldstein
      ? [el("span", {}, el("i", { style: `background:${tone(-spread)}` }), `${num(-spread)} conflict`), el("span", {}, el("i", { style: `background:${tone(0)}` }), "0"),
        el("span", {}, el("i", { style: `background:${tone(spread)}` }), `+${num(spread)} cooperation (country shade: mean Goldstein)`)]
      : [el("span", {}, el("i", { style: `background:${shade(0)}` }), "0"), el("span", {}, el("i", { style: `background:${shade(max)}` }), `${max} events (country shade)`)]),
    el("span", {}, el("i", { class: "dot", style: `background:${QUADS[2][1]}` }), "place, cooperative on average"),
    el("span", {}, el("i", { class: "dot", style: `background:${QUADS[4][1]}` }), "conflictual (area: mentions)"));
  const shadeSelect = el("select", { "aria-label": "Shade countries by", name: "shade", onchange: (e) => setParams({ shade: e.target.value === "events" ? "" : e.target.value }) },
    Object.entries(SHADES).map(([value, label]) => el("option", { value, text: `shade by ${label}`, selected: value === shadeBy })));
  return el("figure", { class: "chart" }, el("div", { class: "toolbar" }, shadeSelect,
    el("button", { type: "button", class: "link", text: "Reset zoom", onclick: () => d3.select(svg).transition().duration(400).call(zoom.transform, d3.zoomIdentity) }),
    el("span", { class: "muted", text: "Scroll or click a country to zoom; click a place for its events." }),
    dataDownloads("countries", countries, ["country", "events", "goldstein"]), imageDownloads("map", () => svg)),
  wrap, el("figcaption", { text: title }), legendScale);
}

// --- the views -----------------------------------------------------------------------------------

async function overview(main, params) {
  const f = filtersOf(params), interval = params.get("interval") || "month";
  const fac = facets(true);
  const [bar, { counts: stats }, dyads, timeline, countries, places] = await Promise.all([filterBar("/", params), fac,
    api("/api/dyads", { ...f, limit: 12 }), api("/api/timeline", { ...f, interval }), api("/api/countries", f), api("/api/places", { ...f, limit: 2000 })]);
  const [map, list] = await Promise.all([worldMap(countries.countries, places.places, { height: 420, shadeBy: params.get("shade") || "events", title: `Where events happened: countries shaded by ${SHADES[params.get("shade")] || "events"}, places sized by mentions` }),
    eventList(f, params.get("view"), 25)]);
  main.replaceChildren(el("h1", { text: "Overview" }), bar, el("p", { class: "muted", text: filterSummary(f) }),
    el("div", { class: "cards" }, ["documents", "events", "quotes", "commitments"].map((k) =>
      el("div", { class: "card" }, el("b", { text: stats[k] ?? 0 }), k === "events" ? "event mentions" : k))),
    el("h2", { text: "Activity over time" }), timelineChart(timeline.series, { interval, title: `Events per ${interval} by quad class` }),
    el("h2", { text: "Where" }), map,
    el("div", { class: "grid2" },
      el("section", {}, el("h2", { text: "Top dyads" }),
        el("div", { class: "toolbar" }, dataDownloads("dyads", dyads.dyads, ["dyad", "events", "goldstein"])),
        el("table", {}, el("thead", {}, el("tr", {}, ["Dyad", "Events", "Mean Goldstein"].map((h) => el("th", { scope: "col", text: h })))),
          el("tbody", {}, dyads.dyads.map((d) => { const [a, b] = d.dyad.split("-");
            return el("tr", {}, el("td", {}, dyadLink(a, b)), el("td", { class: "n", text: d.events }), el("td", { class: "n", text: num(d.goldstein) })); })))),
      el("section", {}, el("h2", { text: "Latest events" }), list)));
}

async function dyadPage(main, dyad, params) {
  const [a, b] = dyad.toUpperCase().split("-");
  const f = filtersOf(params), interval = params.get("interval") || "month", base = { ...f, dyad: `${a}-${b}` };
  const [bar, timeline, list, quotes, commitments, topics] = await Promise.all([filterBar(`/dyad/${a}-${b}`, params),
    api("/api/timeline", { ...base, interval }), eventList(base, params.get("view"), 200),
    api("/api/quotes", { ...base, limit: 50 }), api("/api/commitments", base), api("/api/topics", { ...base, limit: 20 })]);
  const ignored = ["types", "quad", "country"].filter((k) => f[k]);
  main.replaceChildren(el("h1", { text: `${a} – ${b}` }), bar,
    el("p", { class: "muted", text: `Events between ${a} and ${b}, both directions. ${filterSummary(f)}` }),
    timelineChart(timeline.series, { interval, title: `Cooperation and conflict between ${a} and ${b}, per ${interval}` }),
    el("h2", { text: "Themes" }),
    topics.topics.length ? el("p", { class: "themes" }, topics.topics.map((t) => el("span", { class: "tag", text: `${t.topic} (${t.events})` })))
      : el("p", { class: "muted", text: "No themes tagged on these events." }),
    el("h2", { text: "Events" }), ...list,
    ...(ignored.length ? [el("p", { class: "muted", text: `Commitments and quotes follow the dates, actor, source and words of the filter; ${ignored.join(", ")} apply to events only.` })] : []),
    el("h2", { text: "Commitments" }),
    commitments.commitments.length ? el("table", {}, el("thead", {}, el("tr", {}, ["Made", "Who → whom", "What", "Status"].map((h) => el("th", { scope: "col", text: h })))),
      el("tbody", {}, commitments.commitments.map((c) => el("tr", {}, el("td", { text: c.made_on }),
        el("td", { text: `${codes(c.actor_codes)} → ${codes(c.recipient_codes)}` }), el("td", { class: "wrap", text: c.what }),
        el("td", {}, el("span", { class: `status-${c.status}`, text: c.status })))))) : el("p", { class: "muted", text: "No commitments." }),
    el("h2", { text: "Quotes" }),
    quotes.quotes.length ? el("ul", {}, quotes.quotes.map((q) => el("li", { class: "wrap" },
      el("b", { text: `${q.speaker ? q.speaker.entity_name : "?"} (${q.speaker_code || "?"}): ` }), `“${q.text}”`,
      " ", el("a", { href: `#/doc/${encodeURIComponent(q.doc_id)}`, text: "source" })))) : el("p", { class: "muted", text: "No quotes." }));
}

async function network(main, params) {
  const f = filtersOf(params);
  twin("/api/network", { ...f, min_count: 1 });
  const [bar, data] = await Promise.all([filterBar("/network", params), api("/api/network", { ...f, min_count: 1 })]);
  const width = mainWidth(), height = 560, pad = 30;
  const nodes = data.nodes.slice(0, 60).map((n) => ({ ...n }));
  const keep = new Set(nodes.map((n) => n.id));
  const links = data.edges.filter((e) => keep.has(e.source) && keep.has(e.target)).map((e) => ({ ...e }));
  const maxN = d3.max(nodes, (n) => n.events) || 1, maxE = d3.max(links, (e) => e.events) || 1;
  const r = d3.scaleSqrt([0, maxN], [4, 22]);
  // a force layout run to rest before drawing (the same picture every time), kept inside the frame
  const sim = d3.forceSimulation(nodes).randomSource(d3.randomLcg(16))
    .force("link", d3.forceLink(links).id((n) => n.id).distance(120).strength(0.3))
    .force("charge", d3.forceManyBody().strength(-420))
    .force("x", d3.forceX(width / 2).strength(0.04)).force("y", d3.forceY(height / 2).strength(0.07))
    .force("collide", d3.forceCollide((n) => r(n.events) + 14)).stop();
  for (let i = 0; i < 300; i++) {
    sim.tick();
    for (const n of nodes) { n.x = Math.max(pad, Math.min(width - pad, n.x)); n.y = Math.max(pad, Math.min(height - pad, n.y)); }
  }
  const svg = el("svg:svg", { viewBox: `0 0 ${width} ${height}`, width: "100%", role: "img", "aria-label": "Network of countries", class: "network" });
  svg.append(el("svg:defs", {}, el("svg:marker", { id: "arrow", viewBox: "0 -4 8 8", refX: 8, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto" },
    el("svg:path", { d: "M0,-4L8,0L0,4", fill: "#8c959f" }))));
  const view = el("svg:g", { class: "viewport" });
  svg.append(view);
  const directed = new Set(links.map((e) => `${e.source.id}>${e.target.id}`));
  const placeLink = (e) => {
    const dx = e.target.x - e.source.x, dy = e.target.y - e.source.y, len = Math.hypot(dx, dy) || 1, rt = r(e.target.events) + 3;
    // both directions: two parallel arrows, side by side
    const off = directed.has(`${e.target.id}>${e.source.id}`) ? 4 : 0, ox = (-dy / len) * off, oy = (dx / len) * off;
    for (const [k, v] of Object.entries({ x1: e.source.x + ox, y1: e.source.y + oy, x2: e.target.x - (dx / len) * rt + ox, y2: e.target.y - (dy / len) * rt + oy })) e.line.setAttribute(k, v);
  };
  for (const e of links) {
    e.line = el("svg:line", { stroke: e.goldstein >= 0 ? QUADS[2][1] : QUADS[4][1], "stroke-width": 1 + (5 * e.events) / maxE, opacity: 0.55, "marker-end": "url(#arrow)" },
      el("svg:title", { text: `${e.source.id} → ${e.target.id}: ${e.events} events, mean Goldstein ${e.goldstein}` }));
    placeLink(e);
    view.append(el("svg:a", { href: withFilters(`/dyad/${e.source.id}-${e.target.id}`) }, e.line));
  }
  const touching = new Map(nodes.map((n) => [n, links.filter((e) => e.source === n || e.target === n)]));
  for (const n of nodes) {
    n.circle = el("svg:circle", { cx: n.x, cy: n.y, r: r(n.events), fill: "#ddf4ff", stroke: "#0969da", class: "node", "data-id": n.id });
    n.label = el("svg:text", { x: n.x, y: n.y + r(n.events) + 12, "text-anchor": "middle", text: n.id });
    const link = el("svg:a", { href: withFilters("/search", { actor: n.id }), class: "node-link" }, n.circle, n.label, el("svg:title", { text: `${n.id}: ${n.events} events` }));
    view.append(link);
    // drag a country to untangle the picture (d3-drag swallows the click that ends a drag, so it does not navigate)
    d3.select(link).datum(n).call(d3.drag().on("drag", (ev, d) => {
      d.x = ev.x; d.y = ev.y;
      d.circle.setAttribute("cx", d.x); d.circle.setAttribute("cy", d.y);
      d.label.setAttribute("x", d.x); d.label.setAttribute("y", d.y + r(d.events) + 12);
      for (const e of touching.get(d)) placeLink(e);
    }));
  }
  const zoom = d3.zoom().scaleExtent([0.4, 8]).on("zoom", (ev) => view.setAttribute("transform", ev.transform.toString()));
  d3.select(svg).call(zoom);
  const edges = data.edges.slice(0, 100);
  main.replaceChildren(el("h1", { text: "Network" }), bar, el("p", { class: "muted", text: `${filterSummary(f)} Countries and organisations; arrows are interactions (green: cooperative on average, red: conflictual; width: number of events). Click a country for its events, a line for the dyad.` }),
    el("figure", { class: "chart" }, el("div", { class: "toolbar" },
      el("button", { type: "button", class: "link", text: "Reset view", onclick: () => d3.select(svg).transition().duration(400).call(zoom.transform, d3.zoomIdentity) }),
      el("span", { class: "muted", text: "Scroll to zoom, drag the background to pan, drag a country to move it." }),
      imageDownloads("network", () => svg)), svg),
    el("h2", { text: "Edges" }), el("div", { class: "toolbar" }, dataDownloads("edges", edges, ["source", "target", "events", "goldstein"])),
    el("table", {}, el("thead", {}, el("tr", {}, ["Dyad", "Events", "Mean Goldstein"].map((h) => el("th", { scope: "col", text: h })))),
      el("tbody", {}, edges.map((e) => el("tr", {}, el("td", {}, dyadLink(e.source, e.target)), el("td", { class: "n", text: e.events }), el("td", { class: "n", text: num(e.goldstein) }))))));
}

async function mapPage(main, params) {
  const f = filtersOf(params);
  twin("/api/places", { ...f, limit: 2000 });
  const [bar, countries, places] = await Promise.all([filterBar("/map", params), api("/api/countries", f), api("/api/places", { ...f, limit: 2000 })]);
  const map = await worldMap(countries.countries, places.places, { height: 560, shadeBy: params.get("shade") || "events", title: `Where events happened: countries shaded by ${SHADES[params.get("shade")] || "events"}, places sized by mentions, coloured by mean Goldstein` });
  const shown = places.places.slice(0, 100);
  main.replaceChildren(el("h1", { text: "Map" }), bar, el("p", { class: "muted", text: filterSummary(f) }), map,
    el("h2", { text: "Places" }), el("div", { class: "toolbar" }, dataDownloads("places", shown, ["name", "loc_country", "lat", "lon", "events", "goldstein", "types"])),
    el("table", {}, el("thead", {}, el("tr", {}, ["Place", "Country", "Events", "Mean Goldstein", "Types"].map((h) => el("th", { scope: "col", text: h })))),
      el("tbody", {}, shown.map((p) => el("tr", {}, el("td", {}, el("a", { href: withFilters("/search", { country: p.loc_country || "" }), text: p.name })),
        el("td", { text: p.loc_country || "" }), el("td", { class: "n", text: p.events }), el("td", { class: "n", text: num(p.goldstein) }),
        el("td", { text: (p.types || []).join(", ") }))))));
}

function highlighted(text, marks) {
  // marks: [{start, end, cls, id, title}] — non-overlapping pieces of text wrapped in <mark>, the rest as text nodes
  const sorted = marks.filter((m) => m.start >= 0 && m.end <= text.length && m.start < m.end).sort((a, b) => a.start - b.start || b.end - a.end);
  const out = []; let at = 0;
  for (const m of sorted) {
    if (m.start < at) continue;
    out.push(text.slice(at, m.start));
    out.push(el("mark", { class: m.cls, id: m.id, title: m.title, text: text.slice(m.start, m.end) }));
    at = m.end;
  }
  out.push(text.slice(at));
  return out;
}

function mentionItem(id, e) {
  // one mention of an event in its article: the trigger (a link to it in the text) and why it was coded so
  return el("li", { class: "wrap" },
    el("a", { href: `#/doc/${encodeURIComponent(id)}`, onclick: (ev) => { ev.preventDefault(); document.getElementById(`ev-${e.event_id}`)?.scrollIntoView({ block: "center" }); }, text: `${e.event} ${e.cameo}` }),
    ` ${codes(e.actor_codes)} → ${codes(e.recipient_codes)}: “${e.event_text}”`,
    el("div", { class: "evidence", text: `why: rule ${e.rule}; trigger “${e.event_text}”; actor ${(e.actor || []).map((a) => a.raw_text).join(", ") || "?"}; recipient ${(e.recipient || []).map((a) => a.raw_text).join(", ") || "?"}; date ${e.event_date} (${e.date_precision}); place ${e.event_loc ? e.event_loc.name : "–"}; confidence ${e.confidence}` }));
}

function articleEvents(id, doc, canon) {
  // one row per real event of the article (the store's clustering, a meeting's two directions as one),
  // expandable to its mentions; mentions the clustering leaves out (no actor, a duplicate article) are rows of their own
  const order = new Map(doc.events.map((e, i) => [e.event_id, i]));
  const byId = new Map(doc.events.map((e) => [e.event_id, e]));
  const groups = canon.events.map((c) => ({ ...c, items: c.members.map((m) => byId.get(m.slice(id.length + 1))).filter(Boolean) }));
  const grouped = new Set(groups.flatMap((g) => g.items.map((e) => e.event_id)));
  for (const e of doc.events) if (!grouped.has(e.event_id)) {
    groups.push({ event: e.event, cameo: e.cameo, quad_code: e.quad_code, actor: codes(e.actor_codes), recipient: codes(e.recipient_codes),
      date: e.event_date || e.doc_date, place: e.loc_country, mentions: 1, goldstein: e.goldstein, both_directions: false, items: [e] });
  }
  groups.sort((a, b) => Math.min(...a.items.map((e) => order.get(e.event_id))) - Math.min(...b.items.map((e) => order.get(e.event_id))));
  if (!groups.length) return [el("p", { class: "muted", text: "No events." })];
  const body = el("tbody");
  for (const g of groups) {
    const detail = el("tr", { class: "mentions", hidden: true }, el("td", { colspan: 6 }, el("ol", {}, g.items.map((e) => mentionItem(id, e)))));
    const toggle = el("button", { type: "button", class: "expand", "aria-expanded": "false", text: `▸ ${g.items.length}`, title: "Show the mentions and why each was coded",
      onclick: () => { const open = detail.hidden; detail.hidden = !open; toggle.setAttribute("aria-expanded", String(open)); toggle.textContent = `${open ? "▾" : "▸"} ${g.items.length}`; } });
    body.append(el("tr", { class: "canonical", "data-event": g.event },
      el("td", {}, el("span", { class: `q${g.quad_code ?? 0}`, text: g.event }), " ", el("span", { class: "muted", text: g.cameo })),
      el("td", { text: `${g.actor} ${g.both_directions && g.event === "CONSULT" ? "↔" : "→"} ${g.recipient}` }),
      el("td", { text: g.date || "" }), el("td", { text: g.place || "" }),
      el("td", { class: "n mention-count" }, toggle), el("td", { class: "n", text: num(g.goldstein) })), detail);
  }
  const shown = groups.map((g) => ({ ...g, mentions: g.items.length, event_ids: g.items.map((e) => e.event_id) }));
  return [el("div", { class: "toolbar" }, el("span", { class: "muted", text: `${groups.length} events from ${doc.events.length} mentions` }),
    dataDownloads(`events-${id}`, shown, ["event", "cameo", "quad_code", "actor", "recipient", "both_directions", "date", "place", "mentions", "goldstein", "event_ids"]),
    el("span", { class: "downloads" }, "mentions: "), dataDownloads(`mentions-${id}`, doc.events.map(flatRow), FLAT_COLUMNS)),
  el("table", { class: "events canonical" },
    el("thead", {}, el("tr", {}, ["Event", "Who", "Date", "Where", "Mentions", "Goldstein"].map((h) => el("th", { scope: "col", text: h })))), body)];
}

async function article(main, id) {
  twin(`/api/documents/${encodeURIComponent(id)}`);
  const [doc, canon] = await Promise.all([api(`/api/documents/${encodeURIComponent(id)}`),
    api("/api/canonical", { doc_id: id, mutual: true, limit: 500, evidence: 0 })]);
  const marks = [];
  for (const m of doc.mentions) if (m.code) marks.push({ start: m.start_char, end: m.end_char, cls: "actor", title: `${m.entity_name || m.text} = ${m.code} ${m.sector || ""}` });
  for (const e of doc.events) if (e.trigger_start !== null) marks.push({ start: e.trigger_start, end: e.trigger_end, cls: "trigger", id: `ev-${e.event_id}`, title: `${e.event} ${e.cameo}` });
  for (const q of doc.quotes) if (q.kind === "direct") marks.push({ start: q.evidence.start, end: q.evidence.end, cls: "quote", title: `quote: ${q.speaker_code || "?"}` });
  main.replaceChildren(el("h1", { class: "wrap", text: doc.title || doc.id }),
    el("p", { class: "muted", text: `${doc.date || "date unknown"} · ${doc.source || ""} · tone ${doc.tone ?? "–"}${doc.duplicate_of ? " · duplicate of " + doc.duplicate_of : ""}` }),
    el("p", { class: "legend" }, el("span", {}, el("mark", { class: "actor", text: "actor" })), el("span", {}, el("mark", { class: "trigger", text: "event trigger" })), el("span", {}, el("mark", { class: "quote", text: "quote" }))),
    el("div", { class: "article", id: "article-text" }, highlighted(doc.text, marks)),
    el("h2", { text: "Events" }), ...articleEvents(id, doc, canon),
    el("h2", { text: "Quotes" }), el("ul", {}, doc.quotes.map((q) => el("li", { class: "wrap" }, el("b", { text: `${q.speaker ? q.speaker.entity_name : "?"} [${q.kind}]: ` }), `“${q.text}”`))),
    el("h2", { text: "Commitments" }), el("ul", {}, doc.commitments.map((c) => el("li", { class: "wrap" }, el("span", { class: `status-${c.status}`, text: c.status }), ` ${codes(c.actor_codes)} → ${codes(c.recipient_codes)}: ${c.what}`))));
}

async function search(main, params) {
  const f = filtersOf(params), interval = params.get("interval") || "month";
  const [bar, timeline, list] = await Promise.all([filterBar("/search", params), api("/api/timeline", { ...f, interval }),
    eventList(f, params.get("view"), 200)]);
  main.replaceChildren(el("h1", { text: "Search events" }), bar, el("p", { class: "muted", text: filterSummary(f) }),
    timelineChart(timeline.series, { interval, title: `Matching events per ${interval}` }), ...list);
}

async function route() {
  const main = document.getElementById("main");
  const { path, params } = currentRoute();
  const parts = path.split("/").filter(Boolean);
  const started = performance.now();
  main.setAttribute("aria-busy", "true");
  try {
    if (parts[0] === "dyad" && parts[1]) await dyadPage(main, decodeURIComponent(parts[1]), params);
    else if (parts[0] === "network") await network(main, params);
    else if (parts[0] === "map") await mapPage(main, params);
    else if (parts[0] === "doc" && parts[1]) await article(main, decodeURIComponent(parts.slice(1).join("/")));
    else if (parts[0] === "search") await search(main, params);
    else await overview(main, params);
    document.title = `Dyad — ${main.querySelector("h1")?.textContent || "events"}`;
  } catch (error) {
    main.replaceChildren(el("h1", { text: "Something went wrong" }), el("p", { class: "error", text: String(error.message || error) }));
  }
  main.removeAttribute("aria-busy");
  main.dataset.renderMs = String(Math.round(performance.now() - started));
  main.dataset.rendered = location.hash;
  for (const a of document.querySelectorAll("nav a")) {
    const target = a.getAttribute("href").replace(/^#/, "").split("?")[0];
    if (target === `/${parts[0] || ""}`) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
  }
  main.focus({ preventScroll: true });
}

document.getElementById("dyad-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const value = document.getElementById("dyad-input").value.trim().toUpperCase();
  if (/^[A-Z0-9]{2,8}-[A-Z0-9]{2,8}$/.test(value)) location.hash = withFilters(`/dyad/${value}`).slice(1);
});
window.addEventListener("hashchange", route);
route();
