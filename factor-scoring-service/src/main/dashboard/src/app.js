// 运营看板: loads the panels through the scoring HTTP API and follows GET /api/v1/live/stream.
// The token lives only in this tab's sessionStorage and goes out only in the Authorization header
// (EventSource cannot send headers, so the stream is read with fetch() and a ReadableStream).
import * as echarts from 'echarts';

// Exposed for operators' debugging and for the browser test (it reads the charts' options).
window.echarts = echarts;

const TOKEN_KEY = 'mma.dashboard.token';
const FACTORS = [
  ['PREVENTION', '预防'], ['OUTPATIENT', '门诊'], ['INPATIENT', '住院'], ['REFERRAL', '转诊'],
  ['QUALITY_EFFICIENCY', '质效'], ['CAPABILITY', '能力'], ['INSURANCE', '医保'], ['CONDUCT', '行风'], ['SUPPORT', '保障'],
];
const NO_DATA = '暂无数据';
const NO_FACTOR_DATA = '无数据';
const MEMBERS_SHOWN = 15;

const $ = (id) => document.getElementById(id);
const charts = {
  ranking: echarts.init($('ranking')),
  radar: echarts.init($('radar')),
  trend: echarts.init($('trend')),
  surplus: echarts.init($('surplus')),
};
const state = { liveEvents: 0, burnDown: [], burnDownOf: null, surplus: null, stream: null, refreshTimer: null, loading: null };
window.dashboard = state;

function token() { return sessionStorage.getItem(TOKEN_KEY) ?? ''; }
function period() { return $('period').value; }
// Budgets are approved per year: the surplus API and the surplus events speak of years ("2025").
function budgetYear() { return period().slice(0, 4); }
function status(text) { $('status').textContent = text; }

async function api(path) {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${token()}`, Accept: 'application/json' } });
  if (response.status === 404) return null;
  if (!response.ok) {
    let detail = '';
    try { detail = (await response.json()).detail ?? ''; } catch { /* not problem+json */ }
    throw new Error(`${response.status} ${path} ${detail}`);
  }
  return response.json();
}

function empty(chart, text = NO_DATA) {
  chart.clear();
  chart.setOption({ title: { text, left: 'center', top: 'middle', textStyle: { color: '#999', fontSize: 16 } }, series: [] });
}

// --- 排名 -----------------------------------------------------------------------------------
async function loadRanking() {
  const ranking = await api(`/api/v1/rankings/alliance/${period()}?by=composite&size=20`);
  const entries = ranking?.entries ?? [];
  fillSelect($('alliance'), entries.map((e) => [e.id, e.name ?? e.id]));
  if (entries.length === 0) return empty(charts.ranking);
  const rows = [...entries].reverse();
  charts.ranking.setOption({
    title: { show: false },
    grid: { left: 150, right: 40, top: 10, bottom: 30 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', max: 100, name: '综合得分' },
    yAxis: { type: 'category', data: rows.map((e) => `${e.rank}. ${e.name ?? e.id}`) },
    series: [{ name: '综合得分', type: 'bar', data: rows.map((e) => Number(e.value)), label: { show: true, position: 'right' } }],
  }, true);
}

// --- 雷达 -----------------------------------------------------------------------------------
async function loadInstitutions() {
  const alliance = $('alliance').value;
  if (!alliance) return fillSelect($('institution'), []);
  const ranking = await api(`/api/v1/rankings/institution/${period()}?by=composite&alliance=${encodeURIComponent(alliance)}&size=50`);
  fillSelect($('institution'), (ranking?.entries ?? []).map((e) => [e.id, e.name ?? e.id]));
}

async function loadRadar() {
  const institution = $('institution').value;
  const score = institution ? await api(`/api/v1/scores/institution/${encodeURIComponent(institution)}/${period()}`) : null;
  if (!score?.factors) return empty(charts.radar);
  // A factor with no scored indicator is null in the API: no data, not 0. ECharts' radar has no gap (a missing value
  // is drawn at the centre, like 0), so its axis says 无数据 in grey and its value stays missing (the tooltip's "-").
  const scored = ([key]) => score.factors[key] !== null && score.factors[key] !== undefined;
  charts.radar.setOption({
    title: { show: false },
    tooltip: {},
    radar: {
      indicator: FACTORS.map((factor) => (scored(factor)
        ? { name: factor[1], max: 100 }
        : { name: `${factor[1]} ${NO_FACTOR_DATA}`, max: 100, color: '#999' })),
      radius: '65%',
    },
    series: [{
      name: $('institution').selectedOptions[0]?.textContent ?? institution,
      type: 'radar',
      data: [{ name: `综合 ${score.composite}`, value: FACTORS.map((factor) => (scored(factor) ? Number(score.factors[factor[0]]) : null)) }],
      areaStyle: { opacity: 0.25 },
    }],
  }, true);
}

// --- 趋势 -----------------------------------------------------------------------------------
async function loadTrend() {
  const alliance = $('alliance').value;
  const year = period().slice(0, 4);
  const months = alliance ? await api(`/api/v1/scores/alliance/${encodeURIComponent(alliance)}/history?year=${year}`) : null;
  if (!months?.length) return empty(charts.trend);
  // A month nothing was counted in has no point (null, a gap): the API still answers it, every factor unscored and the
  // composite 0.00 (before 2026-11-25 (9) the violations nobody reported scored 100, and an empty month ~30).
  charts.trend.setOption({
    title: { show: false },
    grid: { left: 50, right: 20, top: 30, bottom: 30 },
    tooltip: { trigger: 'axis' },
    legend: { data: ['综合得分'] },
    xAxis: { type: 'category', data: months.map((m) => `${Number(m.period.slice(5))}月`) },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: [{ name: '综合得分', type: 'line', smooth: true, data: months.map((m) => (counted(m) ? Number(m.composite) : null)), connectNulls: false }],
  }, true);
}

// The history API has no "empty" flag; its indicators carry their numerators and denominators, and a
// month with no events has every numerator 0 and no positive denominator.
function counted(month) {
  const indicators = month.indicators ?? [];
  return indicators.some((i) => Number(i.numerator) !== 0 || (i.denominator !== null && i.denominator !== undefined && Number(i.denominator) !== 0));
}

// --- 预算与结余 --------------------------------------------------------------------------------
// The projection (SurplusView: GET /api/v1/surplus/{allianceId}/{period} and the surplus events)
// carries fen: budgetFen, spendToDateFen, surplusFen / overspendFen and members[].projectedFen.
// Without a projection (no budget yet, or the API not deployed) the panel says 暂无数据.
function fen(value) {
  const number = Number(value);
  return value === null || value === undefined || !Number.isFinite(number) ? null : number / 100;
}

function surplusFigures(projection) {
  if (!projection || typeof projection !== 'object' || projection.budgetFen === undefined) return null;
  const surplus = fen(projection.surplusFen);
  const overspend = fen(projection.overspendFen);
  return {
    budget: fen(projection.budgetFen),
    spent: fen(projection.spendToDateFen),
    surplus: surplus === null ? null : surplus - (overspend ?? 0),
    // A city group has hundreds of members: the bars show the largest shares, the tooltip each one's amount.
    shares: (projection.members ?? []).map((m) => ({ name: m.institutionId, value: fen(m.projectedFen) }))
      .filter((m) => m.value !== null).sort((a, b) => b.value - a.value).slice(0, MEMBERS_SHOWN),
  };
}

function yuan(value) {
  return value === null ? '—' : value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function renderSurplus(figures, projection) {
  state.surplus = figures ? {
    budgetFen: Number(projection.budgetFen), spendToDateFen: Number(projection.spendToDateFen),
    surplusFen: Number(projection.surplusFen), overspendFen: Number(projection.overspendFen),
  } : null;
  if (!figures) return empty(charts.surplus);
  const outcome = figures.surplus !== null && figures.surplus < 0 ? `预计超支 ${yuan(-figures.surplus)} 元` : `预计结余 ${yuan(figures.surplus)} 元`;
  const wan = (v) => (v === null ? null : Math.round(v / 100) / 100); // 万元, two decimals
  state.burnDown.push([new Date(), wan(figures.budget !== null && figures.spent !== null ? figures.budget - figures.spent : null), wan(figures.surplus)]);
  state.burnDown = state.burnDown.slice(-200);
  charts.surplus.setOption({
    // The figures in words, exact to the fen: the lines are in 万元 and rounded.
    title: { text: `预算 ${yuan(figures.budget)} 元 · 已支出 ${yuan(figures.spent)} 元 · ${outcome}`, left: 'center', top: 0,
      textStyle: { fontSize: 13, fontWeight: 'normal', color: '#333' } },
    tooltip: { trigger: 'axis' },
    legend: { top: 20, data: ['剩余预算（万元）', '预计结余（万元）', `成员预计分配（前${MEMBERS_SHOWN}，万元）`] },
    grid: [{ left: 60, right: '45%', top: 60, bottom: 30 }, { left: '62%', right: 20, top: 60, bottom: 60 }],
    xAxis: [{ type: 'time', gridIndex: 0, splitNumber: 3, axisLabel: { hideOverlap: true } },
      { type: 'category', gridIndex: 1, data: figures.shares.map((s) => s.name), axisLabel: { rotate: 40, fontSize: 9 } }],
    // scale: the spend of a few days is a sliver of a yearly package; from 0 the lines would look flat.
    yAxis: [{ type: 'value', gridIndex: 0, name: '万元', scale: true }, { type: 'value', gridIndex: 1 }],
    series: [
      { name: '剩余预算（万元）', type: 'line', step: 'end', xAxisIndex: 0, yAxisIndex: 0, data: state.burnDown.map(([t, r]) => [t, r]) },
      { name: '预计结余（万元）', type: 'line', xAxisIndex: 0, yAxisIndex: 0, data: state.burnDown.map(([t, , s]) => [t, s]) },
      { name: `成员预计分配（前${MEMBERS_SHOWN}，万元）`, type: 'bar', xAxisIndex: 1, yAxisIndex: 1, data: figures.shares.map((s) => wan(s.value)) },
    ],
  }, true);
}

async function loadSurplus() {
  const alliance = $('alliance').value;
  let projection = null;
  if (alliance) {
    try {
      projection = await api(`/api/v1/surplus/${encodeURIComponent(alliance)}/${budgetYear()}`);
    } catch (e) {
      projection = null; // not deployed yet, or no budget for the period: 暂无数据
    }
  }
  // The burn-down is what this page has seen of the alliance-year: kept across reloads, restarted on a switch.
  const shown = `${alliance}|${budgetYear()}`;
  if (state.burnDownOf !== shown) { state.burnDown = []; state.burnDownOf = shown; }
  renderSurplus(surplusFigures(projection), projection);
}

// --- loading and live updates ---------------------------------------------------------------
function fillSelect(select, options) {
  const previous = select.value;
  select.replaceChildren(...options.map(([value, label]) => new Option(label, value)));
  if (options.some(([value]) => value === previous)) select.value = previous;
}

async function loadAll() {
  // One load at a time; a change during a load schedules one more.
  if (state.loading) { state.reloadAgain = true; return state.loading; }
  state.loading = (async () => {
    try {
      await loadRanking();
      await loadInstitutions();
      await Promise.all([loadRadar(), loadTrend(), loadSurplus()]);
      $('updated').textContent = new Date().toLocaleTimeString('zh-CN', { hour12: false });
    } catch (e) {
      status(`加载失败：${e.message}`);
    } finally {
      state.loading = null;
      if (state.reloadAgain) { state.reloadAgain = false; scheduleRefresh(); }
    }
  })();
  return state.loading;
}

function scheduleRefresh() {
  clearTimeout(state.refreshTimer);
  state.refreshTimer = setTimeout(loadAll, 800);
}

function onLiveEvent(name, data) {
  if (name === 'hello') { status('实时推送已连接'); return; }
  if (name === 'resync') {
    // The server dropped what this tab could not read in time; the API has the current state.
    status('实时推送已连接（积压后已重新加载）');
    loadAll();
    return;
  }
  let payload;
  try { payload = JSON.parse(data); } catch { return; }
  state.liveEvents += 1;
  $('live-count').textContent = String(state.liveEvents);
  if (name === 'score' && payload.period?.slice(0, 4) === period().slice(0, 4)) {
    scheduleRefresh();
  } else if (name === 'surplus' && payload.allianceId === $('alliance').value && payload.period === budgetYear()) {
    renderSurplus(surplusFigures(payload.projection), payload.projection);
  }
}

async function follow() {
  const controller = new AbortController();
  state.stream?.abort();
  state.stream = controller;
  try {
    const response = await fetch('/api/v1/live/stream', {
      headers: { Authorization: `Bearer ${token()}`, Accept: 'text/event-stream' },
      signal: controller.signal,
      cache: 'no-store',
    });
    if (!response.ok) { status(`实时推送被拒绝（${response.status}），请检查令牌`); return; }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value.replace(/\r\n/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let name = 'message';
        const data = [];
        for (const line of frame.split('\n')) {
          if (line.startsWith('event:')) name = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
        }
        if (data.length) onLiveEvent(name, data.join('\n'));
      }
    }
  } catch (e) {
    if (controller.signal.aborted) return;
  }
  if (state.stream === controller) {
    status('实时推送已断开，3 秒后重连');
    setTimeout(() => { if (state.stream === controller) { follow(); loadAll(); } }, 3000);
  }
}

function start() {
  if (!token()) { status('请粘贴访问令牌后点击“连接”'); Object.values(charts).forEach((c) => empty(c, '未连接')); return; }
  status('正在连接…');
  loadAll();
  follow();
}

$('period').value = new URLSearchParams(location.search).get('period') ?? new Date().toISOString().slice(0, 7);
$('controls').addEventListener('submit', (event) => {
  event.preventDefault();
  const typed = $('token').value.trim();
  if (typed) sessionStorage.setItem(TOKEN_KEY, typed.replace(/^Bearer\s+/i, ''));
  $('token').value = '';
  start();
});
$('forget').addEventListener('click', () => { sessionStorage.removeItem(TOKEN_KEY); state.stream?.abort(); state.stream = null; status('令牌已清除'); });
$('period').addEventListener('change', loadAll);
$('alliance').addEventListener('change', () => loadInstitutions().then(() => Promise.all([loadRadar(), loadTrend(), loadSurplus()])));
$('institution').addEventListener('change', loadRadar);
window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
start();
