// 总览's week: the shop's last 7 days as a chart (server figures, docs/analytics.md) and the questions the
// assistant could not answer, each one click from the knowledge base.
import * as echarts from '../vendor/echarts.esm.min.js';
import { request } from './bridge.js';
import { byId } from './dom.js';
import { t } from './i18n.js';
import { unansweredItem } from './learning.js';

const SHOWN = 5;
let chart;

/** Draws the week: conversations and customer messages per day. */
export function renderTrend(trends) {
  const days = Array.isArray(trends?.days) ? trends.days : [];
  byId('trend-empty').hidden = days.length > 0;
  const box = byId('trend-chart');
  box.hidden = days.length === 0;
  if (!days.length) return;
  const labels = days.map((d) => String(d.day).slice(5));
  byId('trend-summary').textContent = days.map((d) => t('overview.trendDay',
    { day: d.day, conversations: d.conversations, messages: d.customerMessages })).join('; ');
  if (!chart || chart.getDom() !== box) chart = echarts.init(box, null, { renderer: 'canvas' });
  chart.setOption({
    animation: false,
    color: ['#8fb3ff', '#f5a3c7'],
    textStyle: { color: '#e8edf7', fontFamily: '"Noto Sans CJK SC", sans-serif' },
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    legend: { top: 0, textStyle: { color: '#e8edf7' } },
    grid: { left: 36, right: 12, top: 30, bottom: 24 },
    xAxis: { type: 'category', data: labels, axisLine: { lineStyle: { color: '#9aa7bd' } } },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: 'rgba(255,255,255,0.12)' } } },
    series: [
      { name: t('overview.conversations7'), type: 'bar', data: days.map((d) => d.conversations), barMaxWidth: 22 },
      { name: t('overview.messages7'), type: 'line', smooth: true, data: days.map((d) => d.customerMessages) },
    ],
  }, true);
  chart.resize();
}

/** The week's questions without an answer (this PC's record, with staff's replies when there were any). */
export async function loadOpenQuestions() {
  let questions = [];
  try {
    questions = (await request('knowledge.unanswered', {})).questions ?? [];
  } catch (e) {
    console.warn(`knowledge.unanswered failed: ${e.code}`);
  }
  byId('open-questions-count').textContent = String(questions.length);
  byId('open-questions-empty').hidden = questions.length > 0;
  byId('open-questions').replaceChildren(...questions.slice(0, SHOWN).map((q) => {
    const { item, body, add } = unansweredItem(q);
    item.append(body, add);
    return item;
  }));
}

window.addEventListener('resize', () => chart?.resize());
