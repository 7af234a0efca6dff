// The country page's chart: one mark per reported year, from the JSON in #chart-data (never executed).
// render.chart_data chose each year's mark: the furthest stage's recorded vote as a stacked bar, else how the
// furthest stage was adopted (consensus, without a vote), else "reported"; the hover lists every stage.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const holder = document.getElementById("chart");
  const source = document.getElementById("chart-data");
  if (!holder || !source || typeof Plotly === "undefined") return;
  const years = JSON.parse(source.textContent).sort((a, b) => a.year - b.year);
  if (!years.length) {
    holder.textContent = "No dated resolution to chart.";
    return;
  }
  // Plotly reads hover text as markup: stored values are escaped before they meet the <br> between lines.
  const esc = (value) => String(value).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const ADOPTION = { recorded_vote: "recorded vote", consensus: "consensus", without_vote: "without a vote" };
  const stage = (s) => [
    `${s.body}: ${ADOPTION[s.adoption] || s.adoption || "adoption not reported"}${s.status ? " (" + s.status + ")" : ""}`,
    s.votes ? `yes ${s.votes.yes}, no ${s.votes.no}, abstain ${s.votes.abstain}`
      : s.adoption === "recorded_vote" ? "tally not reported" : null,
    `co-sponsors: ${s.cosponsors ?? "not reported"}`,
    `streak: ${s.streak ? s.streak + " years in a row" : "not reported"}`,
  ].filter((line) => line !== null).map(esc).join("; ");
  const hover = (y) => [`<b>${y.year}</b>`, ...y.stages.map(stage)].join("<br>");
  const traces = [];
  const voted = years.filter((y) => y.mark === "votes");
  const bar = (name, key, color) => ({
    type: "bar", name, x: voted.map((y) => String(y.year)), y: voted.map((y) => y.votes[key]), marker: { color },
    hovertext: voted.map(hover), hoverinfo: "text", textposition: "none",
  });
  if (voted.length) {  // one stacked bar per year: its three segments are one mark
    traces.push(bar("yes", "yes", "#2a7f62"), bar("no", "no", "#b23a48"), bar("abstain", "abstain", "#c9a227"));
  }
  const marks = [
    ["consensus", "consensus", "diamond", "#1f4e79"],
    ["without a vote", "without_vote", "square", "#6a4c93"],
    ["reported", "reported", "circle-open", "#555"],
  ];
  for (const [name, mark, symbol, color] of marks) {
    const list = years.filter((y) => y.mark === mark);
    if (!list.length) continue;
    traces.push({
      type: "scatter", mode: "markers", name, x: list.map((y) => String(y.year)), y: list.map((y) => y.cosponsors ?? 0),
      marker: { symbol, size: 14, color, line: { width: 1, color: "#222" } }, cliponaxis: false,
      hovertext: list.map(hover), hoverinfo: "text",
    });
  }
  holder.dataset.years = years.map((y) => y.year).join(",");
  Plotly.newPlot(holder, traces, {
    barmode: "stack", hovermode: "closest", margin: { t: 20, r: 10, b: 50, l: 50 }, height: 380,
    xaxis: { type: "category", categoryorder: "array", categoryarray: years.map((y) => String(y.year)) },
    yaxis: { title: { text: "votes / co-sponsors" }, rangemode: "tozero" },
    showlegend: true, legend: { orientation: "h", y: 1.12 },
  }, { displayModeBar: false, responsive: true }).then(() => holder.setAttribute("data-rendered", "true"));
});
