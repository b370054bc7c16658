// The province dashboard: drill down province → commune → village by the tree as it stood on the chosen date, the
// criteria matrix coloured by status, plan progress charts (plain SVG), deadlines, recognitions, replay progress.
// Vietnamese first; the English switch swaps labels only (names of places stay as written).
'use strict';
const TEXT = {
  vi: {
    title: 'Nông thôn mới — Bảng theo dõi tiêu chí', skip: 'Bỏ qua, đến nội dung chính',
    intro: 'Các đơn vị hành chính và trạng thái từng tiêu chí, chỉ tiêu (đạt / chưa đạt) theo từng ngày, cập nhật trực tiếp từ các sự kiện của nền tảng.',
    timeHeading: 'Thời điểm', dateLabel: 'Xem số liệu tính đến ngày', play: '▶ Phát lại lịch sử', pause: '❚❚ Dừng',
    today: 'Hôm nay', live: 'Đã cập nhật trực tiếp lúc', unitsHeading: 'Đơn vị trực thuộc', countsHeading: 'Tổng hợp theo cấp',
    matrixHeading: 'Ma trận tiêu chí', indicatorsHeading: 'Chỉ tiêu của đơn vị', progressHeading: 'Tiến độ thực hiện kế hoạch',
    deadlinesHeading: 'Thời hạn', recognitionsHeading: 'Công nhận', replayHeading: 'Dựng lại dữ liệu từ đầu lịch sử',
    replayStart: 'Dựng lại', MET: 'Đạt', NOT_MET: 'Chưa đạt', UNKNOWN: 'Chưa rõ', loading: 'Đang tải…',
    unverifiedLegend: '* ngưỡng chưa kiểm chứng với văn bản pháp luật', all: 'Toàn bộ', none: 'Không có.',
    PROVINCE: 'Tỉnh', DISTRICT: 'Huyện', COMMUNE: 'Xã', VILLAGE: 'Thôn', unit: 'Đơn vị', whole: 'Cả bộ',
    set: 'Bộ tiêu chí', indicator: 'Chỉ tiêu', status: 'Trạng thái', value: 'Giá trị', threshold: 'Ngưỡng',
    validOn: 'Ngày số liệu', by: 'Người ghi', source: 'Căn cứ', verified: 'đã kiểm chứng', unverified: 'chưa kiểm chứng',
    setVersion: 'phiên bản', mergedInto: 'đã sáp nhập vào', mergedOn: 'từ ngày', ofUnits: 'trên', meet: 'đạt',
    noUnit: 'Đơn vị này không tồn tại vào ngày đã chọn; đang xem toàn bộ.', answeredBy: 'đã sáp nhập; đang xem đơn vị kế thừa',
    target: 'Mục tiêu', latest: 'Mới nhất', due: 'Hạn', ACHIEVED: 'Đã đạt', ON_TRACK: 'Đúng tiến độ', AT_RISK: 'Có nguy cơ chậm',
    MISSED: 'Không đạt đúng hạn', NO_DATA: 'Chưa có số liệu', UP: '↑ tăng', DOWN: '↓ giảm', FLAT: '→ không đổi',
    task: 'Nhiệm vụ', office: 'Cơ quan phụ trách', state: 'Tình trạng', OPEN: 'Đang thực hiện', DONE: 'Đã xong',
    late: '(trễ hạn)', plan: 'Kế hoạch', stage: 'Giai đoạn', level: 'Mức', decision: 'Quyết định', reward: 'Khen thưởng',
    REQUESTED: 'Đã đề nghị', PUBLIC_COMMENT: 'Lấy ý kiến', SATISFACTION_SURVEY: 'Khảo sát sự hài lòng',
    HIGHER_LEVEL_CHECK: 'Cấp trên thẩm tra', APPRAISAL: 'Thẩm định', PUBLICATION: 'Công bố', REJECTED: 'Không đạt',
    RECOGNISED: 'Đã công nhận', REVOKED: 'Đã thu hồi', STANDARD: 'Đạt chuẩn', ADVANCED: 'Nâng cao', MODEL: 'Kiểu mẫu',
    IDLE: 'Chưa chạy', RUNNING: 'Đang dựng', SWAPPING: 'Đang chuyển sang bản mới', CANCELLED: 'Đã huỷ', FAILED: 'Lỗi',
    events: 'sự kiện', perSecond: 'sự kiện/giây', secondsLeft: 'giây còn lại', liveGeneration: 'bản đang dùng',
    error: 'Không tải được dữ liệu', chartOf: 'Biểu đồ tiến độ', predecessor: 'đơn vị cũ',
    downloadMatrixXlsx: 'Tải ma trận (XLSX)', downloadMatrixCsv: 'Tải ma trận (CSV)',
    downloadReportXlsx: 'Tải báo cáo kết quả (XLSX)', downloadReportCsv: 'Tải báo cáo kết quả (CSV)', downloadFailed: 'Không tải xuống được'
  },
  en: {
    title: 'New Rural Development — criteria dashboard', skip: 'Skip to main content',
    intro: 'Administrative units and the status of each criterion and indicator (met / not met) on any date, updated live from the platform\'s events.',
    timeHeading: 'Point in time', dateLabel: 'Show figures as of', play: '▶ Replay history', pause: '❚❚ Pause',
    today: 'Today', live: 'Updated live at', unitsHeading: 'Units below', countsHeading: 'Totals by level',
    matrixHeading: 'Criteria matrix', indicatorsHeading: 'Indicators of the unit', progressHeading: 'Plan progress',
    deadlinesHeading: 'Deadlines', recognitionsHeading: 'Recognitions', replayHeading: 'Rebuild the data from the start of history',
    replayStart: 'Rebuild', MET: 'Met', NOT_MET: 'Not met', UNKNOWN: 'Unknown', loading: 'Loading…',
    unverifiedLegend: '* threshold not verified against the legal text', all: 'Everything', none: 'None.',
    PROVINCE: 'Province', DISTRICT: 'District', COMMUNE: 'Commune', VILLAGE: 'Village', unit: 'Unit', whole: 'Whole set',
    set: 'Criteria set', indicator: 'Indicator', status: 'Status', value: 'Value', threshold: 'Threshold',
    validOn: 'Valid on', by: 'Recorded by', source: 'Source', verified: 'verified', unverified: 'not verified',
    setVersion: 'set version', mergedInto: 'merged into', mergedOn: 'on', ofUnits: 'of', meet: 'meet',
    noUnit: 'This unit did not exist on the chosen date; showing everything.', answeredBy: 'was merged; showing its successor',
    target: 'Target', latest: 'Latest', due: 'Due', ACHIEVED: 'Achieved', ON_TRACK: 'On track', AT_RISK: 'At risk',
    MISSED: 'Missed', NO_DATA: 'No data yet', UP: '↑ up', DOWN: '↓ down', FLAT: '→ flat',
    task: 'Task', office: 'Responsible office', state: 'State', OPEN: 'Open', DONE: 'Done',
    late: '(late)', plan: 'Plan', stage: 'Stage', level: 'Level', decision: 'Decision', reward: 'Reward',
    REQUESTED: 'Requested', PUBLIC_COMMENT: 'Public comment', SATISFACTION_SURVEY: 'Satisfaction survey',
    HIGHER_LEVEL_CHECK: 'Checked by the level above', APPRAISAL: 'Appraisal', PUBLICATION: 'Publication', REJECTED: 'Rejected',
    RECOGNISED: 'Recognised', REVOKED: 'Revoked', STANDARD: 'Standard', ADVANCED: 'Advanced', MODEL: 'Model',
    IDLE: 'Not run yet', RUNNING: 'Rebuilding', SWAPPING: 'Switching to the new copy', CANCELLED: 'Cancelled', FAILED: 'Failed',
    events: 'events', perSecond: 'events/s', secondsLeft: 's left', liveGeneration: 'live copy',
    error: 'Could not load data', chartOf: 'Progress chart', predecessor: 'former unit',
    downloadMatrixXlsx: 'Download matrix (XLSX)', downloadMatrixCsv: 'Download matrix (CSV)',
    downloadReportXlsx: 'Download progress report (XLSX)', downloadReportCsv: 'Download progress report (CSV)', downloadFailed: 'Download failed'
  }
};
TEXT.vi.DONE_REPLAY = 'Xong'; TEXT.en.DONE_REPLAY = 'Done';

const params = new URLSearchParams(location.search);
const state = {
  lang: Portal.state.lang,
  unit: params.get('unit'),
  date: params.get('date') || Portal.today(), // Vietnam's calendar date
  selected: params.get('unit'),
  notice: null
};
const FIRST_DAY = '2024-01-01';
const t = key => TEXT[state.lang][key] ?? key;
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => { if (v !== null && v !== undefined && v !== false) node.setAttribute(k, v); });
  children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(c ?? '')));
  return node;
};
const svg = (tag, attrs = {}, ...children) => {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
  children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(c ?? '')));
  return node;
};
function isoDay(d) { return d.toISOString().slice(0, 10); }
function dayIndex(iso) { return Math.round((Date.parse(iso) - Date.parse(FIRST_DAY)) / 86400000); }
function dayOf(index) { return isoDay(new Date(Date.parse(FIRST_DAY) + index * 86400000)); }
function vnDate(iso) { if (!iso) return ''; const [y, m, d] = iso.split('-'); return `${d}/${m}/${y}`; }
function statusBadge(status, text) { return el('span', { class: `status ${status}` }, text ?? t(status)); }
function comparator(c) { return { LE: '≤', LT: '<', GT: '>', EQ: '=', GE: '≥', '<=': '≤', '>=': '≥' }[c] ?? (c || '≥'); }
function number(v) { return v === null || v === undefined ? '' : Number(v).toLocaleString(state.lang === 'vi' ? 'vi-VN' : 'en-GB'); }
// ---------------------------------------------------------------------------------------------------- requests
// Everything goes through the portal (Portal.request/json: the session cookie, the CSRF header; the portal relays
// the user's token to reporting-service under /reporting/).
const REPORTING = '/reporting/';
const SessionEnded = Portal.SessionEnded;
const authFetch = (path, options) => Portal.request(REPORTING + path, options);
const getJson = path => Portal.json(REPORTING + path);
function query(extra = {}) {
  const q = new URLSearchParams({ asOf: state.date, ...extra });
  if (state.unit) q.set('unit', state.unit);
  return q.toString();
}

// ---------------------------------------------------------------------------------------------------- rendering
function renderStatic() {
  document.documentElement.lang = state.lang;
  document.querySelectorAll('[data-i18n]').forEach(n => { n.textContent = t(n.dataset.i18n); });
  document.getElementById('date-label').textContent = vnDate(state.date);
  document.getElementById('play').textContent = playing ? t('pause') : t('play');
}

function renderBreadcrumb(matrix) {
  const nav = document.getElementById('breadcrumb');
  const items = [el('li', {}, el('button', { type: 'button', 'data-unit-id': '', class: 'crumb' }, t('all')))];
  const rootRow = matrix.root ? matrix.rows.find(r => r.unitId === matrix.root.id) : null;
  (rootRow ? rootRow.path : []).forEach((p, i, all) => items.push(el('li', {},
    i === all.length - 1 ? el('span', { 'aria-current': 'page' }, `${t(p.level)} ${p.name}`)
      : el('button', { type: 'button', 'data-unit-id': p.id, class: 'crumb' }, `${t(p.level)} ${p.name}`))));
  nav.replaceChildren(el('ol', {}, items));
  nav.querySelectorAll('button[data-unit-id]').forEach(b => b.addEventListener('click', () => drill(b.dataset.unitId || null)));
}

function criterionStatus(row, set, code) {
  const c = row.criteria.find(x => x.criteriaSet === set && x.criterionCode === code);
  return c ? c.status : 'UNKNOWN';
}

function renderMatrix(matrix) {
  const box = document.getElementById('matrix');
  const sets = matrix.criteriaSets;
  if (!matrix.rows.length || !sets.length) { box.replaceChildren(el('p', {}, t('none'))); return; }
  const head1 = el('tr', {}, el('th', { rowspan: 2 }, t('unit')),
    // each set as the version in force on the date shown describes it (its criteria are the columns)
    sets.map(s => el('th', { colspan: s.criteria.length + 1, title: s.legalBasis ?? '', 'data-set-version': s.version },
      `${state.lang === 'en' && s.titleEn ? s.titleEn : s.titleVi} · ${t('setVersion')} ${s.version}`)));
  const head2 = el('tr', {}, sets.flatMap(s => [el('th', { }, t('whole')),
    ...s.criteria.map(c => el('th', { title: state.lang === 'en' && c.nameEn ? c.nameEn : c.nameVi }, c.code))]));
  const rows = matrix.rows.map(r => {
    const name = r.predecessorOf
      ? `${r.name} (${t('mergedInto')} ${matrix.rows.find(x => x.unitId === r.predecessorOf)?.name ?? ''} ${vnDate(r.endedOn)})`
      : r.name;
    const unitCell = el('th', { class: `depth-${Math.min(r.depth, 4)}` },
      el('button', { type: 'button', class: 'link', 'data-select': r.unitId, 'aria-pressed': state.selected === r.unitId },
        el('span', { class: 'level' }, t(r.level)), name));
    const cells = sets.flatMap(s => {
      const whole = r.sets.find(x => x.criteriaSet === s.code);
      const wholeStatus = whole ? whole.status : 'UNKNOWN';
      return [el('td', { class: `cell ${wholeStatus}` }, t(wholeStatus) + (whole ? ` ${whole.criteriaMet}/${whole.criteriaTotal}` : '')),
        ...s.criteria.map(c => { const st = criterionStatus(r, s.code, c.code); return el('td', { class: `cell ${st}` }, t(st)); })];
    });
    return el('tr', { 'data-unit-id': r.unitId, class: r.predecessorOf ? 'predecessor' : '' }, unitCell, cells);
  });
  box.replaceChildren(el('table', { class: 'matrix' },
    el('caption', {}, `${t('matrixHeading')} — ${vnDate(matrix.asOf)}`), el('thead', {}, head1, head2), el('tbody', {}, rows)));
  box.querySelectorAll('button[data-select]').forEach(b => b.addEventListener('click', () => {
    state.selected = b.dataset.select; renderIndicators(lastMatrix);
    box.querySelectorAll('button[data-select]').forEach(x => x.setAttribute('aria-pressed', x === b));
  }));
}

let tipCount = 0;
function provenance(s) {
  const id = `tip-${++tipCount}`;
  const text = `${t('source')}: ${s.thresholdSource ?? '—'} · ${s.thresholdVerified ? t('verified') : t('unverified')}`
    + (s.setVersion ? ` · ${s.criteriaSet} ${t('setVersion')} ${s.setVersion}` : '');
  const label = s.threshold == null ? '—' : `${comparator(s.comparator)} ${number(s.threshold)}${s.unit ? ' ' + Portal.unit(s.unit) : ''}${s.thresholdVerified ? '' : ' *'}`;
  return el('span', { class: `prov${s.thresholdVerified ? '' : ' unverified'}`, tabindex: 0, 'aria-describedby': id, 'data-provenance': text },
    label, el('span', { role: 'tooltip', id, class: 'tip' }, text));
}

// The matrix itself carries sets and criteria only; the selected unit's indicator cells come with a matrix of that
// unit alone (depth 0; a merged unit is listed under its successor).
let indicatorsLoading = 0;
async function renderIndicators(matrix) {
  const box = document.getElementById('indicators');
  const row = matrix && (matrix.rows.find(r => r.unitId === state.selected) ?? matrix.rows[0]);
  if (!row) { box.replaceChildren(el('p', {}, t('none'))); return; }
  const ticket = ++indicatorsLoading;
  const q = new URLSearchParams({ asOf: state.date, unit: row.predecessorOf ?? row.unitId, depth: '0', indicators: 'true' });
  let indicators;
  try {
    indicators = (await getJson(`api/matrix?${q}`)).rows.find(r => r.unitId === row.unitId)?.indicators ?? [];
  } catch (e) {
    if (e instanceof SessionEnded) return;
    box.replaceChildren(el('p', { role: 'alert' }, `${t('error')}: ${e.message}`));
    return;
  }
  if (ticket !== indicatorsLoading) return;
  if (!indicators.length) { box.replaceChildren(el('p', {}, t('none'))); return; }
  const head = el('tr', {}, ['set', 'indicator', 'status', 'value', 'threshold', 'validOn', 'by'].map(k => el('th', { }, t(k))));
  const rows = indicators.map(s => el('tr', {},
    el('td', {}, s.criteriaSet), el('td', {}, `${s.indicatorCode} ${s.indicatorName ?? ''}`),
    el('td', {}, statusBadge(s.status)), el('td', {}, number(s.value)), el('td', {}, provenance(s)),
    el('td', {}, vnDate(s.validOn)), el('td', {}, s.actorSubject ?? '')));
  box.replaceChildren(el('table', { id: 'indicator-table' }, el('caption', {}, `${t(row.level)} ${row.name}`),
    el('thead', {}, head), el('tbody', {}, rows)));
}

function renderChildren(matrix) {
  const list = document.getElementById('children');
  const root = matrix.root ? matrix.root.id : null;
  const direct = matrix.rows.filter(r => root ? (r.parentId === root && !r.predecessorOf) || r.predecessorOf === root
    : r.depth === 0 && !r.predecessorOf);
  if (!direct.length) { list.replaceChildren(el('li', {}, t('none'))); return; }
  list.replaceChildren(...direct.map(r => {
    const whole = r.sets[0];
    return el('li', {}, el('button', { type: 'button', class: 'unit', 'data-unit-id': r.unitId },
      el('span', { class: 'level' }, t(r.level)), r.name,
      r.predecessorOf ? el('span', { class: 'note' }, ` (${t('predecessor')}, ${vnDate(r.endedOn)})`) : '',
      whole ? [' ', statusBadge(whole.status, `${whole.criteriaMet}/${whole.criteriaTotal}`)] : ''));
  }));
  list.querySelectorAll('button[data-unit-id]').forEach(b => b.addEventListener('click', () => drill(b.dataset.unitId)));
}

function renderCounts(matrix) {
  const list = document.getElementById('counts');
  const items = matrix.counts.flatMap(c => c.sets.filter(s => s.met + s.notMet > 0 || c.sets.length === 1).map(s =>
    el('li', {}, el('strong', {}, `${s.met} ${t('ofUnits')} ${c.units}`), ` ${t(c.level).toLowerCase()} ${t('meet')} `,
      el('em', {}, state.lang === 'en' && s.titleEn ? s.titleEn : s.titleVi))));
  list.replaceChildren(...(items.length ? items : [el('li', {}, t('none'))]));
}

function chart(target) {
  const w = 360, h = 150, pad = 34;
  const points = target.series.map(p => ({ x: Date.parse(p.validOn), y: Number(p.value) }));
  const goal = target.target == null ? null : Number(target.target);
  const xs = points.map(p => p.x).concat(target.dueDate ? [Date.parse(target.dueDate)] : []);
  const ys = points.map(p => p.y).concat(goal == null ? [] : [goal]);
  const titleId = `chart-${target.targetId}-${++tipCount}`;
  const description = `${t('target')} ${comparator(target.comparator)} ${number(goal)} ${Portal.unit(target.unit)}; ` +
    points.map(p => `${vnDate(isoDay(new Date(p.x)))}: ${number(p.y)}`).join('; ');
  const root = svg('svg', { viewBox: `0 0 ${w} ${h}`, role: 'img', 'aria-labelledby': titleId, class: 'chart' },
    svg('title', { id: titleId }, `${t('chartOf')}: ${target.description ?? target.indicatorCode}. ${description}`));
  if (!xs.length) return root;
  const x0 = Math.min(...xs), x1 = Math.max(...xs, x0 + 86400000);
  const y0 = Math.min(...ys, goal ?? Infinity) * 0.98, y1 = Math.max(...ys) * 1.02 || 1;
  const X = x => pad + (x - x0) / (x1 - x0) * (w - 2 * pad);
  const Y = y => h - pad + 10 - (y - y0) / ((y1 - y0) || 1) * (h - 2 * pad);
  root.append(svg('line', { x1: pad, y1: h - pad + 10, x2: w - pad, y2: h - pad + 10, class: 'axis' }));
  if (goal != null) {
    root.append(svg('line', { x1: pad, y1: Y(goal), x2: w - pad, y2: Y(goal), class: 'goal' }),
      svg('text', { x: w - pad, y: Y(goal) - 4, 'text-anchor': 'end', class: 'goal-label' }, `${t('target')} ${number(goal)}`));
  }
  if (target.dueDate) {
    const dx = X(Date.parse(target.dueDate));
    root.append(svg('line', { x1: dx, y1: 8, x2: dx, y2: h - pad + 10, class: 'due' }),
      svg('text', { x: dx < w / 2 ? dx + 3 : dx - 3, y: 16, 'text-anchor': dx < w / 2 ? 'start' : 'end', class: 'due-label' },
        `${t('due')} ${vnDate(target.dueDate)}`));
  }
  if (points.length) {
    root.append(svg('polyline', { points: points.map(p => `${X(p.x)},${Y(p.y)}`).join(' '), class: 'series' }));
    points.forEach(p => root.append(svg('circle', { cx: X(p.x), cy: Y(p.y), r: 3.5, class: 'point' },
      svg('title', {}, `${vnDate(isoDay(new Date(p.x)))}: ${number(p.y)}`))));
  }
  root.append(svg('text', { x: pad, y: h - 4, class: 'tick' }, vnDate(isoDay(new Date(x0)))),
    svg('text', { x: w - pad, y: h - 4, 'text-anchor': 'end', class: 'tick' }, vnDate(isoDay(new Date(x1)))));
  return root;
}

function renderProgress(plans) {
  const box = document.getElementById('progress');
  const figures = plans.flatMap(p => p.targets.map(target => el('figure', { class: 'target' }, chart(target),
    el('figcaption', {}, el('strong', {}, `${p.number} — ${p.unitName ?? ''}: `), target.description ?? target.indicatorCode, ' ',
      el('span', { class: `progress-state ${target.state}` }, t(target.state)),
      target.latestValue != null ? ` · ${t('latest')} ${number(target.latestValue)}${target.trend ? ' ' + t(target.trend) : ''}` : ''))));
  box.replaceChildren(...(figures.length ? figures : [el('p', {}, t('none'))]));
}

function renderDeadlines(deadlines) {
  const box = document.getElementById('deadlines');
  if (!deadlines.length) { box.replaceChildren(el('p', {}, t('none'))); return; }
  const head = el('tr', {}, ['due', 'task', 'office', 'state'].map(k => el('th', { }, t(k))));
  box.replaceChildren(el('table', { id: 'deadline-table' }, el('thead', {}, head), el('tbody', {}, deadlines.map(d => el('tr', { 'data-task': d.taskId },
    el('td', {}, vnDate(d.dueDate)), el('td', {}, `${d.description} (${d.planNumber ?? ''})`), el('td', {}, d.office ?? ''),
    el('td', {}, el('span', { class: `deadline ${d.state}` }, t(d.state)), d.late ? ` ${t('late')}` : ''))))));
}

function renderRecognitions(pipeline) {
  const box = document.getElementById('recognitions');
  if (!pipeline.recognitions.length) { box.replaceChildren(el('p', {}, t('none'))); return; }
  const head = el('tr', {}, ['unit', 'level', 'stage', 'decision', 'reward'].map(k => el('th', { }, t(k))));
  box.replaceChildren(el('table', { id: 'recognition-table' }, el('thead', {}, head), el('tbody', {}, pipeline.recognitions.map(r => el('tr', {},
    el('td', {}, r.unitName ?? ''), el('td', {}, t(r.level)), el('td', {}, el('span', { class: `stage ${r.stage}` }, t(r.stage))),
    el('td', {}, r.decisionNumber ? `${r.decisionNumber} (${vnDate(r.decidedOn)})` : ''),
    el('td', {}, Number(r.rewarded) > 0 ? `${number(r.rewarded)} đ` : ''))))));
}

function setDownloads() {
  const q = query();
  // the links name reporting-service's route on the portal, so they work opened in a tab of their own as well
  document.getElementById('download-matrix-xlsx').href = `${REPORTING}api/exports/matrix.xlsx?${q}&lang=${state.lang}`;
  document.getElementById('download-matrix-csv').href = `${REPORTING}api/exports/matrix.csv?${q}&lang=${state.lang}`;
  const report = state.selected || state.unit;
  for (const [id, format] of [['download-report-xlsx', 'xlsx'], ['download-report-csv', 'csv']]) {
    const link = document.getElementById(id);
    if (report) { link.href = `${REPORTING}api/exports/progress-report.${format}?unit=${report}&asOf=${state.date}&lang=${state.lang}`; link.hidden = false; }
    else link.hidden = true;
  }
}

// A download is fetched through the portal and handed to the browser as a file: a plain link would go without it.
function fileName(disposition) {
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (utf8) return decodeURIComponent(utf8[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition ?? '');
  return plain ? plain[1] : 'tai-xuong';
}
document.querySelectorAll('#downloads a').forEach(link => link.addEventListener('click', async event => {
  event.preventDefault();
  try {
    const response = await Portal.request(link.getAttribute('href'));
    if (!response.ok) {
      let detail = response.statusText;
      try { detail = (await response.json()).detail || detail; } catch (e) { /* not a problem detail */ }
      throw new Error(detail);
    }
    const url = URL.createObjectURL(await response.blob());
    const save = el('a', { href: url, download: fileName(response.headers.get('Content-Disposition')), hidden: '' });
    document.body.append(save); save.click(); save.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  } catch (e) {
    if (e instanceof SessionEnded) return;
    const notice = document.getElementById('notice');
    notice.hidden = false; notice.textContent = `${t('downloadFailed')}: ${e.message}`;
  }
}));

// ---------------------------------------------------------------------------------------------------- loading
let lastMatrix = null;
let loading = 0;
async function load() {
  const ticket = ++loading;
  renderStatic();
  let matrix;
  try {
    matrix = await getJson(`api/matrix?${query()}`);
  } catch (e) {
    if (e instanceof SessionEnded) return;
    if (e.status === 404 && state.unit) { state.unit = null; state.selected = null; state.notice = t('noUnit'); return load(); }
    document.getElementById('matrix').replaceChildren(el('p', { role: 'alert' }, `${t('error')}: ${e.message}`));
    return;
  }
  if (ticket !== loading) return;
  if (state.unit && matrix.root && matrix.root.id !== state.unit) {
    const former = matrix.rows.find(r => r.unitId === state.unit);
    state.notice = `${former ? former.name : ''} ${t('answeredBy')} ${matrix.root.name}.`;
    state.unit = matrix.root.id;
    state.selected = state.unit;
  }
  if (state.selected && !matrix.rows.some(r => r.unitId === state.selected)) state.selected = state.unit;
  lastMatrix = matrix;
  const notice = document.getElementById('notice');
  notice.hidden = !state.notice; notice.textContent = state.notice ?? '';
  renderBreadcrumb(matrix); renderChildren(matrix); renderCounts(matrix); renderMatrix(matrix);
  setDownloads();
  const [plans, deadlines, recognitions] = await Promise.all([getJson(`api/progress?${query()}`),
    getJson(`api/deadlines?${query()}`), getJson(`api/recognitions?${query()}`), renderIndicators(matrix)])
    .catch(() => [[], [], { recognitions: [] }]);
  if (ticket !== loading || !Portal.state.me) return;
  renderProgress(plans); renderDeadlines(deadlines); renderRecognitions(recognitions);
  document.body.dataset.loaded = `${state.date}|${state.unit ?? ''}`;
  history.replaceState(null, '', address());
}

// What the address bar holds: the date and unit shown, so a reload (or signing in again) comes back to them.
function address() {
  return `?${new URLSearchParams({ date: state.date, ...(state.unit ? { unit: state.unit } : {}), ...(state.lang === 'en' ? { lang: 'en' } : {}) })}`;
}

function drill(unitId) {
  state.unit = unitId; state.selected = unitId; state.notice = null;
  load().then(() => document.getElementById('matrix-heading').focus?.());
}

// ---------------------------------------------------------------------------------------------------- time
const slider = document.getElementById('date-slider');
const todayIndex = dayIndex(Portal.today());
slider.max = String(todayIndex);
slider.value = String(Math.min(todayIndex, Math.max(0, dayIndex(state.date))));
slider.setAttribute('aria-valuetext', vnDate(state.date));
let debounce = null;
function setDate(iso) {
  state.date = iso; state.notice = null;
  slider.setAttribute('aria-valuetext', vnDate(iso));
  document.getElementById('date-label').textContent = vnDate(iso);
  clearTimeout(debounce); debounce = setTimeout(load, 200);
}
slider.addEventListener('input', () => setDate(dayOf(Number(slider.value))));
document.getElementById('today').addEventListener('click', () => { slider.value = String(todayIndex); setDate(dayOf(todayIndex)); });
let playing = null;
document.getElementById('play').addEventListener('click', () => {
  const button = document.getElementById('play');
  if (playing) { clearInterval(playing); playing = null; button.setAttribute('aria-pressed', 'false'); renderStatic(); return; }
  if (Number(slider.value) >= todayIndex) slider.value = '0';
  button.setAttribute('aria-pressed', 'true');
  playing = setInterval(() => {
    const next = Math.min(todayIndex, Number(slider.value) + 30);
    slider.value = String(next); setDate(dayOf(next));
    if (next >= todayIndex) { clearInterval(playing); playing = null; button.setAttribute('aria-pressed', 'false'); renderStatic(); }
  }, 700);
  renderStatic();
});

// ---------------------------------------------------------------------------------------------------- replay
const replayButton = document.getElementById('replay-start');
let replayTimer = null;
async function showReplay() {
  try {
    const p = await getJson('api/replay');
    const bar = document.getElementById('replay-progress');
    bar.max = Math.max(1, p.eventsTotal); bar.value = p.eventsDone;
    const running = p.state === 'RUNNING' || p.state === 'SWAPPING';
    replayButton.disabled = running;
    document.getElementById('replay-status').textContent = [
      p.state === 'DONE' ? t('DONE_REPLAY') : t(p.state),
      p.eventsTotal ? `${number(p.eventsDone)} / ${number(p.eventsTotal)} ${t('events')}` : '',
      running ? `${number(p.ratePerSecond)} ${t('perSecond')}` : '',
      running && p.secondsLeft != null ? `${p.secondsLeft} ${t('secondsLeft')}` : '',
      `${t('liveGeneration')}: ${p.liveGeneration}`].filter(Boolean).join(' · ');
    clearTimeout(replayTimer);
    if (running) replayTimer = setTimeout(showReplay, 1000);
  } catch (e) { /* the replay panel is informative only */ }
}
replayButton.addEventListener('click', async () => {
  try { await authFetch('api/replay', { method: 'POST' }); } catch (e) { return; }
  showReplay();
});

// ---------------------------------------------------------------------------------------------------- session
let feed = null;
let poll = null;
Portal.onSessionEnded(() => {
  // "sign in again" returns to this address: the date and unit chosen, not the last ones that loaded
  history.replaceState(null, '', address());
  feed?.close(); feed = null;
  clearInterval(poll); poll = null;
  clearTimeout(replayTimer);
  loading++; // answers still on their way are dropped
});
function enter(me) {
  const roles = me.roles ?? [];
  // what the platform would refuse anyway is not offered: downloads to analysts and provincial administrators,
  // rebuilding the read models to those of them whose scope is the whole platform
  const exporter = roles.includes('analyst') || roles.includes('provincial-admin');
  document.getElementById('downloads').hidden = !exporter;
  replayButton.hidden = !(exporter && me.unit === '*');
  document.getElementById('dashboard').hidden = false;
  load();
  showReplay();
  startFeed();
  poll = setInterval(load, 60000);
}
// Live: the server pushes every committed change of the caller's units (server-sent events, relayed by the portal
// with the session's token); a slow poll covers a dropped connection, and tells when the session has ended.
let pending = null;
function startFeed() {
  feed?.close();
  feed = new EventSource(`${REPORTING}api/feed`);
  feed.addEventListener('update', () => {
    clearTimeout(pending);
    pending = setTimeout(() => {
      load();
      document.getElementById('live-status').textContent = `${t('live')} ${new Date().toLocaleTimeString(state.lang === 'vi' ? 'vi-VN' : 'en-GB')}`;
    }, 300);
  });
  feed.addEventListener('error', () => {
    if (feed && feed.readyState === EventSource.CLOSED) authFetch('api/replay').catch(() => {});
  });
}

// ---------------------------------------------------------------------------------------------------- start
Portal.onLanguage(lang => { state.lang = lang; load(); showReplay(); });
Portal.start('dashboard', TEXT).then(enter).catch(e => {
  if (!(e instanceof SessionEnded)) document.getElementById('matrix').replaceChildren(el('p', { role: 'alert' }, `${t('error')}: ${e.message}`));
});
