// The country page's chart: resolutions by year and body, from the JSON in #chart-data (never executed).
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const holder = document.getElementById("chart");
  const source = document.getElementById("chart-data");
  if (!holder || !source || typeof Plotly === "undefined") return;
  const rows = JSON.parse(source.textContent).sort((a, b) => a.year - b.year || a.body.localeCompare(b.body));
  if (!rows.length) {
    holder.textContent = "No dated resolution to chart.";
    return;
  }
  const x = (r) => [String(r.year), r.body];
  const hover = (r) => [
    `${r.year} ${r.body}`,
    `adoption: ${r.adoption || "not reported"}${r.status ? " (" + r.status + ")" : ""}`,
    r.votes ? `yes ${r.votes.yes}, no ${r.votes.no}, abstain ${r.votes.abstain}` : "no recorded vote",
    `co-sponsors: ${r.cosponsors ?? "not reported"}`,
    `streak: ${r.streak ? r.streak + " years in a row" : "not reported"}`,
  ].join("<br>");
  const axis = (list) => [list.map((r) => String(r.year)), list.map((r) => r.body)];
  const voted = rows.filter((r) => r.votes);
  // First an invisible trace over every (year, body), so that the axis lists them in order.
  const traces = [{ type: "scatter", mode: "markers", x: axis(rows), y: rows.map(() => 0), hoverinfo: "skip",
    showlegend: false, marker: { opacity: 0 } }];
  const bar = (name, key, color) => ({
    type: "bar", name, x: axis(voted), y: voted.map((r) => r.votes[key]), marker: { color },
    text: voted.map(hover), hoverinfo: "text", textposition: "none",
  });
  if (voted.length) {
    traces.push(bar("yes", "yes", "#2a7f62"), bar("no", "no", "#b23a48"), bar("abstain", "abstain", "#c9a227"));
  }
  const marks = [
    ["consensus", (r) => !r.votes && r.adoption === "consensus", "diamond", "#1f4e79"],
    ["without a vote", (r) => !r.votes && r.adoption === "without_vote", "square", "#6a4c93"],
    ["reported", (r) => !r.votes && r.adoption !== "consensus" && r.adoption !== "without_vote", "circle-open", "#555"],
  ];
  for (const [name, keep, symbol, color] of marks) {
    const list = rows.filter(keep);
    if (!list.length) continue;
    traces.push({
      type: "scatter", mode: "markers", name, x: axis(list), y: list.map((r) => r.cosponsors ?? 0),
      marker: { symbol, size: 14, color, line: { width: 1, color: "#222" } },
      text: list.map(hover), hoverinfo: "text",
    });
  }
  const years = [...new Set(rows.map((r) => String(r.year)))];
  holder.dataset.years = years.join(",");
  Plotly.newPlot(holder, traces, {
    barmode: "stack", margin: { t: 20, r: 10, b: 90, l: 50 }, height: 380,
    xaxis: { type: "multicategory" }, yaxis: { title: { text: "votes / co-sponsors" }, rangemode: "tozero" },
    legend: { orientation: "h", y: 1.12 },
  }, { displayModeBar: false, responsive: true }).then(() => holder.setAttribute("data-rendered", "true"));
});
