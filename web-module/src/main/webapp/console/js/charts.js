// Charts with Apache ECharts (pinned in the WAR from WebJars, D56), canvas renderer; tooltips are drawn on the
// canvas too (richText), so nothing is written into the page as markup under the strict content policy.
import * as echarts from '/webjars/echarts/5.3.1/dist/echarts.esm.min.js';

const charts = new Map();
const COLORS = ['#2f5bd8', '#d6336c', '#1f7a3a', '#9a5b00', '#6741d9'];

/** Draws (or redraws) a chart in the element with that id; the element has a text alternative set by the caller. */
export function chart(id, option) {
  const node = document.getElementById(id);
  if (!node) return;
  let instance = charts.get(id);
  if (!instance || instance.getDom() !== node) {
    instance?.dispose();
    instance = echarts.init(node, null, { renderer: 'canvas' });
    charts.set(id, instance);
  }
  instance.setOption({
    color: COLORS,
    textStyle: { fontFamily: '"Noto Sans CJK SC", "PingFang SC", sans-serif', color: '#17202f' },
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    grid: { left: 48, right: 16, top: 36, bottom: 32 },
    animation: false,
    ...option,
  }, true);
}

/** Lines over days: one series per entry of {name, values}. */
export function lines(id, days, series) {
  chart(id, {
    legend: { top: 0 },
    xAxis: { type: 'category', data: days },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({ name: s.name, type: 'line', smooth: true, data: s.values })),
  });
}

/** Bars over categories. */
export function bars(id, categories, name, values) {
  chart(id, {
    xAxis: { type: 'category', data: categories },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name, type: 'bar', data: values, barMaxWidth: 36 }],
  });
}

window.addEventListener('resize', () => charts.forEach((c) => c.resize()));
