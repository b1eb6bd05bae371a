// Dyad dashboard: a small hash-routed app over the JSON API. No framework, no CDN: it works offline.
// Every text from the data is inserted with textContent (never innerHTML), so hostile text stays inert.
"use strict";

const QUADS = { 0: ["Neutral statement", "var(--neutral)"], 1: ["Verbal cooperation", "var(--coopv)"],
  2: ["Material cooperation", "var(--coop)"], 3: ["Verbal conflict", "var(--confv)"], 4: ["Material conflict", "var(--conf)"] };
const SVG = "http://www.w3.org/2000/svg";

function el(tag, attrs = {}, ...children) {
  const node = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "text") node.textContent = String(v);
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, String(v));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function api(path, params = {}) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") url.searchParams.set(k, v);
  const twin = document.getElementById("json-twin");
  twin.href = url.pathname + url.search; twin.textContent = url.pathname + url.search;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${(await response.json().catch(() => ({}))).detail || ""}`);
  return response.json();
}

const codes = (list) => (list || []).join(", ") || "?";
const quadOf = (e) => e.quad_code ?? 0;
function dyadLink(a, b) { return el("a", { href: `#/dyad/${a}-${b}`, text: `${a}–${b}` }); }

function eventsTable(events, { showDoc = true } = {}) {
  if (!events.length) return el("p", { class: "muted", text: "No events." });
  return el("table", {},
    el("thead", {}, el("tr", {}, ["Date", "Event", "Actor → recipient", "What", "Where"].map((h) => el("th", { scope: "col", text: h })))),
    el("tbody", {}, events.map((e) => el("tr", {},
      el("td", { text: e.event_date || e.doc_date || "" }),
      el("td", {}, el("span", { class: `q${quadOf(e)}`, text: e.event }), " ", el("span", { class: "muted", text: e.cameo })),
      el("td", { text: `${codes(e.actor_codes)} → ${codes(e.recipient_codes)}` }),
      el("td", { class: "wrap" }, el("b", { text: e.event_text }), el("div", { class: "evidence", text: e.evidence_text }),
        showDoc ? el("a", { href: `#/doc/${encodeURIComponent(e.doc_id)}`, text: "article & evidence" }) : null),
      el("td", { text: e.event_loc ? e.event_loc.name : "" })))));
}

function continuousMonths(periods) {
  // a time axis without holes: every month from the first to the last (quiet months show as gaps)
  if (periods.length < 2 || periods.length > 600) return periods;
  const [y0, m0] = periods[0].split("-").map(Number), [y1, m1] = periods[periods.length - 1].split("-").map(Number);
  const months = (y1 - y0) * 12 + (m1 - m0);
  if (months > 240) return periods;
  const out = [];
  for (let i = 0; i <= months; i++) {
    const y = y0 + Math.floor((m0 - 1 + i) / 12), m = ((m0 - 1 + i) % 12) + 1;
    out.push(`${y}-${String(m).padStart(2, "0")}-01`);
  }
  return out;
}

function barChart(series, { title, width = 720, height = 240 }) {
  // stacked bars of event counts per period and quad class, with mean Goldstein as a line
  const periods = continuousMonths([...new Set(series.map((s) => s.period))].sort());
  const byPeriod = Object.fromEntries(periods.map((p) => [p, { 0: 0, 1: 0, 2: 0, 3: 0, 4: 0, g: 0, n: 0 }]));
  for (const s of series) { const b = byPeriod[s.period]; if (!b) continue; b[s.quad_code] += s.events; b.g += s.goldstein_sum; b.n += s.events; }
  const max = Math.max(1, ...periods.map((p) => [0, 1, 2, 3, 4].reduce((t, q) => t + byPeriod[p][q], 0)));
  const left = 40, bottom = 30, plotW = width - left - 40, plotH = height - bottom - 10;
  const step = plotW / Math.max(1, periods.length);
  const bw = Math.min(48, Math.max(1, step * 0.8));
  const svg = el("svg:svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": title, width: "100%" });
  svg.append(el("svg:line", { x1: left, y1: 10 + plotH, x2: left + plotW, y2: 10 + plotH, stroke: "#8c959f" }));
  svg.append(el("svg:text", { x: 4, y: 16, text: String(max) }), el("svg:text", { x: 4, y: 10 + plotH, text: "0" }));
  periods.forEach((p, i) => {
    const x = left + i * step; let y = 10 + plotH;
    for (const q of [4, 3, 0, 1, 2]) {
      const h = (byPeriod[p][q] / max) * plotH; if (!h) continue; y -= h;
      svg.append(el("svg:rect", { x, y, width: bw, height: h, fill: QUADS[q][1] },
        el("svg:title", { text: `${p}: ${byPeriod[p][q]} ${QUADS[q][0].toLowerCase()}` })));
    }
    if (periods.length <= 12 || i % Math.ceil(periods.length / 12) === 0)
      svg.append(el("svg:text", { x, y: height - 10, text: periods.length > 36 ? p.slice(0, 4) : p.slice(0, 7) }));
  });
  const points = periods.flatMap((p, i) => {
    if (!byPeriod[p].n) return [];  // no events that month: no mean to draw
    const mean = byPeriod[p].g / byPeriod[p].n;
    return [`${left + i * step + bw / 2},${10 + plotH / 2 - (mean / 10) * (plotH / 2)}`];
  });
  for (const point of points) {  // dots, not a line: months without events have no mean to join
    const [cx, cy] = point.split(",");
    svg.append(el("svg:circle", { cx, cy, r: 3, fill: "#1b1f24" }));
  }
  svg.append(el("svg:text", { x: width - 38, y: 16, text: "+10" }), el("svg:text", { x: width - 38, y: 10 + plotH, text: "−10" }));
  const legend = el("div", { class: "legend" }, [1, 2, 0, 3, 4].map((q) => el("span", {}, el("i", { style: `background:${QUADS[q][1]}` }), QUADS[q][0])),
    el("span", {}, "● mean Goldstein (right axis)"));
  return el("figure", {}, svg, el("figcaption", { text: title }), legend);
}

async function overview(main) {
  const [stats, dyads, latest, timeline] = await Promise.all([api("/api/stats"), api("/api/dyads", { limit: 12 }),
    api("/api/events", { limit: 10 }), api("/api/timeline", { interval: "month" })]);
  main.replaceChildren(el("h1", { text: "Overview" }),
    el("div", { class: "cards" }, ["documents", "events", "quotes", "commitments"].map((k) =>
      el("div", { class: "card" }, el("b", { text: stats[k] ?? 0 }), k))),
    el("h2", { text: "Activity over time" }), barChart(timeline.series, { title: "Events per month by quad class" }),
    el("div", { class: "grid2" },
      el("section", {}, el("h2", { text: "Top dyads" }), el("table", {}, el("thead", {}, el("tr", {}, ["Dyad", "Events", "Mean Goldstein"].map((h) => el("th", { scope: "col", text: h })))),
        el("tbody", {}, dyads.dyads.map((d) => { const [a, b] = d.dyad.split("-");
          return el("tr", {}, el("td", {}, dyadLink(a, b)), el("td", { text: d.events }), el("td", { text: d.goldstein.toFixed(1) })); })))),
      el("section", {}, el("h2", { text: "Latest events" }), eventsTable(latest.events))));
}

async function dyadPage(main, dyad) {
  const [a, b] = dyad.toUpperCase().split("-");
  const [timeline, events, quotes, commitments] = await Promise.all([api("/api/timeline", { dyad, interval: "month" }),
    api("/api/events", { dyad, limit: 100 }), api("/api/quotes", { dyad, limit: 50 }), api("/api/commitments", { dyad })]);
  const topics = {};
  for (const e of events.events) for (const t of e.topics || []) topics[t] = (topics[t] || 0) + 1;
  main.replaceChildren(el("h1", { text: `${a} – ${b}` }),
    el("p", { class: "muted", text: `${events.total} events between ${a} and ${b}, both directions.` }),
    barChart(timeline.series, { title: `Cooperation and conflict between ${a} and ${b}, per month` }),
    el("h2", { text: "Themes" }), el("p", {}, Object.entries(topics).sort((x, y) => y[1] - x[1]).map(([t, n]) => el("span", { class: "tag", text: `${t} (${n})` }))),
    el("h2", { text: "Commitments" }),
    commitments.commitments.length ? el("table", {}, el("thead", {}, el("tr", {}, ["Made", "Who → whom", "What", "Status"].map((h) => el("th", { scope: "col", text: h })))),
      el("tbody", {}, commitments.commitments.map((c) => el("tr", {}, el("td", { text: c.made_on }),
        el("td", { text: `${codes(c.actor_codes)} → ${codes(c.recipient_codes)}` }), el("td", { class: "wrap", text: c.what }),
        el("td", {}, el("span", { class: `status-${c.status}`, text: c.status })))))) : el("p", { class: "muted", text: "No commitments." }),
    el("h2", { text: "Quotes" }),
    quotes.quotes.length ? el("ul", {}, quotes.quotes.map((q) => el("li", { class: "wrap" },
      el("b", { text: `${q.speaker ? q.speaker.entity_name : "?"} (${q.speaker_code || "?"}): ` }), `“${q.text}”`,
      " ", el("a", { href: `#/doc/${encodeURIComponent(q.doc_id)}`, text: "source" })))) : el("p", { class: "muted", text: "No quotes." }),
    el("h2", { text: "Events" }), eventsTable(events.events));
}

async function network(main) {
  const data = await api("/api/network", { min_count: 1 });
  const size = 560, r = 220, c = size / 2;
  const nodes = data.nodes.slice(0, 40);
  const pos = Object.fromEntries(nodes.map((n, i) => [n.id, [c + r * Math.cos((2 * Math.PI * i) / nodes.length), c + r * Math.sin((2 * Math.PI * i) / nodes.length)]]));
  const svg = el("svg:svg", { viewBox: `0 0 ${size} ${size}`, width: "100%", role: "img", "aria-label": "Network of countries" });
  const maxE = Math.max(1, ...data.edges.map((e) => e.events));
  for (const e of data.edges) {
    if (!pos[e.source] || !pos[e.target]) continue;
    svg.append(el("svg:line", { x1: pos[e.source][0], y1: pos[e.source][1], x2: pos[e.target][0], y2: pos[e.target][1],
      stroke: e.goldstein >= 0 ? "var(--coop)" : "var(--conf)", "stroke-width": 1 + (4 * e.events) / maxE, opacity: 0.6 },
      el("svg:title", { text: `${e.source} → ${e.target}: ${e.events} events, mean Goldstein ${e.goldstein}` })));
  }
  const maxN = Math.max(1, ...nodes.map((n) => n.events));
  for (const n of nodes) {
    const link = el("svg:a", { href: `#/search?actor=${n.id}` },
      el("svg:circle", { cx: pos[n.id][0], cy: pos[n.id][1], r: 6 + (14 * n.events) / maxN, fill: "#ddf4ff", stroke: "#0969da" }),
      el("svg:text", { x: pos[n.id][0] + 12, y: pos[n.id][1] + 4, text: n.id }), el("svg:title", { text: `${n.id}: ${n.events} events` }));
    svg.append(link);
  }
  main.replaceChildren(el("h1", { text: "Network" }), el("p", { class: "muted", text: "Countries and organisations; lines are interactions (green: cooperative on average, red: conflictual; width: number of events)." }),
    el("figure", {}, svg), el("h2", { text: "Edges" }), el("table", {}, el("tbody", {}, data.edges.slice(0, 50).map((e) =>
      el("tr", {}, el("td", {}, dyadLink(e.source, e.target)), el("td", { text: `${e.events} events` }), el("td", { text: `Goldstein ${e.goldstein}` }))))));
}

async function map(main) {
  const data = await api("/api/places");
  const w = 900, h = 450;
  const x = (lon) => ((lon + 180) / 360) * w, y = (lat) => ((90 - lat) / 180) * h;
  const svg = el("svg:svg", { viewBox: `0 0 ${w} ${h}`, width: "100%", role: "img", "aria-label": "Map of located events" });
  svg.append(el("svg:rect", { x: 0, y: 0, width: w, height: h, fill: "#f0f6fc" }));
  for (let lon = -180; lon <= 180; lon += 30) svg.append(el("svg:line", { x1: x(lon), y1: 0, x2: x(lon), y2: h, stroke: "#d0d7de" }));
  for (let lat = -60; lat <= 60; lat += 30) svg.append(el("svg:line", { x1: 0, y1: y(lat), x2: w, y2: y(lat), stroke: lat === 0 ? "#8c959f" : "#d0d7de" }));
  const max = Math.max(1, ...data.places.map((p) => p.events));
  for (const p of data.places) {
    svg.append(el("svg:circle", { cx: x(p.lon), cy: y(p.lat), r: 3 + (12 * Math.sqrt(p.events)) / Math.sqrt(max),
      fill: p.goldstein >= 0 ? "var(--coop)" : "var(--conf)", opacity: 0.65 }, el("svg:title", { text: `${p.name} (${p.loc_country}): ${p.events} events` })));
  }
  main.replaceChildren(el("h1", { text: "Map" }), el("p", { class: "muted", text: "Where events happened (equirectangular; circle area: events; colour: mean Goldstein)." }),
    el("figure", {}, svg), el("table", {}, el("tbody", {}, data.places.slice(0, 30).map((p) =>
      el("tr", {}, el("td", { text: p.name }), el("td", { text: p.loc_country }), el("td", { text: `${p.events} events` }))))));
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

async function article(main, id) {
  const doc = await api(`/api/documents/${encodeURIComponent(id)}`);
  const marks = [];
  for (const m of doc.mentions) if (m.code) marks.push({ start: m.start_char, end: m.end_char, cls: "actor", title: `${m.entity_name || m.text} = ${m.code} ${m.sector || ""}` });
  for (const e of doc.events) if (e.trigger_start !== null) marks.push({ start: e.trigger_start, end: e.trigger_end, cls: "trigger", id: `ev-${e.event_id}`, title: `${e.event} ${e.cameo}` });
  for (const q of doc.quotes) if (q.kind === "direct") marks.push({ start: q.evidence.start, end: q.evidence.end, cls: "quote", title: `quote: ${q.speaker_code || "?"}` });
  main.replaceChildren(el("h1", { class: "wrap", text: doc.title || doc.id }),
    el("p", { class: "muted", text: `${doc.date || "date unknown"} · ${doc.source || ""} · tone ${doc.tone ?? "–"}${doc.duplicate_of ? " · duplicate of " + doc.duplicate_of : ""}` }),
    el("p", { class: "legend" }, el("span", {}, el("mark", { class: "actor", text: "actor" })), el("span", {}, el("mark", { class: "trigger", text: "event trigger" })), el("span", {}, el("mark", { class: "quote", text: "quote" }))),
    el("div", { class: "article", id: "article-text" }, highlighted(doc.text, marks)),
    el("h2", { text: `Events (${doc.events.length})` }),
    el("ol", {}, doc.events.map((e) => el("li", { class: "wrap" },
      el("a", { href: `#/doc/${encodeURIComponent(id)}`, onclick: (ev) => { ev.preventDefault(); document.getElementById(`ev-${e.event_id}`)?.scrollIntoView({ block: "center" }); }, text: `${e.event} ${e.cameo}` }),
      ` ${codes(e.actor_codes)} → ${codes(e.recipient_codes)}: “${e.event_text}”`,
      el("div", { class: "evidence", text: `why: rule ${e.rule}; trigger “${e.event_text}”; actor ${(e.actor || []).map((a) => a.raw_text).join(", ") || "?"}; recipient ${(e.recipient || []).map((a) => a.raw_text).join(", ") || "?"}; date ${e.event_date} (${e.date_precision}); place ${e.event_loc ? e.event_loc.name : "–"}; confidence ${e.confidence}` })))),
    el("h2", { text: "Quotes" }), el("ul", {}, doc.quotes.map((q) => el("li", { class: "wrap" }, el("b", { text: `${q.speaker ? q.speaker.entity_name : "?"} [${q.kind}]: ` }), `“${q.text}”`))),
    el("h2", { text: "Commitments" }), el("ul", {}, doc.commitments.map((c) => el("li", { class: "wrap" }, el("span", { class: `status-${c.status}`, text: c.status }), ` ${codes(c.actor_codes)} → ${codes(c.recipient_codes)}: ${c.what}`))));
}

async function search(main, params) {
  const q = params.get("q") || "", actor = params.get("actor") || "", event = params.get("event") || "";
  const form = el("form", { role: "search", onsubmit: (e) => { e.preventDefault(); const f = new FormData(e.target);
      location.hash = `#/search?${new URLSearchParams([...f.entries()].filter(([, v]) => v)).toString()}`; } },
    el("label", { for: "q", text: "Words " }), el("input", { id: "q", name: "q", value: q }), " ",
    el("label", { for: "actor", text: "Actor " }), el("input", { id: "actor", name: "actor", value: actor, size: 4 }), " ",
    el("label", { for: "event", text: "Type " }), el("input", { id: "event", name: "event", value: event, size: 10 }), " ",
    el("button", { type: "submit", text: "Search" }));
  const results = await api("/api/events", { q, actor, event, limit: 100 });
  main.replaceChildren(el("h1", { text: "Search" }), form, el("p", { class: "muted", text: `${results.total} events` }), eventsTable(results.events));
}

async function route() {
  const main = document.getElementById("main");
  const [path, query] = location.hash.replace(/^#/, "").split("?");
  const params = new URLSearchParams(query || "");
  const parts = (path || "/").split("/").filter(Boolean);
  try {
    if (parts[0] === "dyad" && parts[1]) await dyadPage(main, decodeURIComponent(parts[1]));
    else if (parts[0] === "network") await network(main);
    else if (parts[0] === "map") await map(main);
    else if (parts[0] === "doc" && parts[1]) await article(main, decodeURIComponent(parts.slice(1).join("/")));
    else if (parts[0] === "search") await search(main, params);
    else await overview(main);
    document.title = `Dyad — ${main.querySelector("h1")?.textContent || "events"}`;
  } catch (error) {
    main.replaceChildren(el("h1", { text: "Something went wrong" }), el("p", { text: String(error.message || error) }));
  }
  main.focus();
}

document.getElementById("dyad-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const value = document.getElementById("dyad-input").value.trim().toUpperCase();
  if (/^[A-Z]{3}-[A-Z]{3}$/.test(value)) location.hash = `#/dyad/${value}`;
});
window.addEventListener("hashchange", route);
route();
