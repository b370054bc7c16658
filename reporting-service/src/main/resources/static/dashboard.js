// The province dashboard: the unit tree from reporting-service with each unit's indicator statuses.
// Vietnamese first; the English switch swaps labels only (names of places stay as written).
const TEXT = {
  vi: { title: 'Nông thôn mới — Bảng theo dõi tiêu chí', intro: 'Các đơn vị hành chính và trạng thái từng chỉ tiêu (đạt / chưa đạt), cập nhật từ các sự kiện của nền tảng.',
        MET: 'Đạt', NOT_MET: 'Chưa đạt', UNKNOWN: 'Chưa rõ', loading: 'Đang tải…', empty: 'Chưa có đơn vị nào.',
        unverifiedLegend: '* ngưỡng chưa kiểm chứng với văn bản pháp luật', set: 'Bộ tiêu chí', indicator: 'Chỉ tiêu',
        status: 'Trạng thái', value: 'Giá trị', threshold: 'Ngưỡng', validOn: 'Ngày số liệu', by: 'Người ghi',
        PROVINCE: 'Tỉnh', DISTRICT: 'Huyện', COMMUNE: 'Xã', VILLAGE: 'Thôn', error: 'Không tải được dữ liệu' },
  en: { title: 'New Rural Development — criteria dashboard', intro: 'Administrative units and the status of each indicator (met / not met), updated from the platform\'s events.',
        MET: 'Met', NOT_MET: 'Not met', UNKNOWN: 'Unknown', loading: 'Loading…', empty: 'No units yet.',
        unverifiedLegend: '* threshold not verified against the legal text', set: 'Criteria set', indicator: 'Indicator',
        status: 'Status', value: 'Value', threshold: 'Threshold', validOn: 'Valid on', by: 'Recorded by',
        PROVINCE: 'Province', DISTRICT: 'District', COMMUNE: 'Commune', VILLAGE: 'Village', error: 'Could not load data' }
};
let lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'vi';
const t = key => TEXT[lang][key] ?? key;
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
  children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(c ?? '')));
  return node;
};
function statusTable(statuses) {
  const head = el('tr', {}, ['set', 'indicator', 'status', 'value', 'threshold', 'validOn', 'by'].map(k => el('th', { scope: 'col' }, t(k))));
  const rows = statuses.map(s => el('tr', {},
    el('td', {}, s.criteriaSet),
    el('td', {}, `${s.indicatorCode} ${s.indicatorName ?? ''}`),
    el('td', {}, el('span', { class: `status ${s.status}` }, t(s.status))),
    el('td', {}, s.value ?? ''),
    el('td', s.thresholdVerified ? {} : { class: 'unverified', title: s.thresholdSource ?? '' },
      s.threshold == null ? '' : `${s.comparator === 'LE' ? '≤' : s.comparator === 'EQ' ? '=' : '≥'} ${s.threshold}${s.thresholdVerified ? '' : ' *'}`),
    el('td', {}, s.validOn ?? ''),
    el('td', {}, s.actorSubject ?? '')));
  return el('table', {}, el('thead', {}, head), el('tbody', {}, rows));
}
function unitNode(unit) {
  const summary = el('summary', {}, el('span', { class: 'level' }, t(unit.level)), unit.name, ' ',
    unit.summary.met ? el('span', { class: 'status MET' }, `${unit.summary.met} ${t('MET')}`) : '', ' ',
    unit.summary.notMet ? el('span', { class: 'status NOT_MET' }, `${unit.summary.notMet} ${t('NOT_MET')}`) : '');
  const details = el('details', { open: '' }, summary);
  if (unit.statuses.length) details.append(statusTable(unit.statuses));
  unit.children.forEach(child => details.append(unitNode(child)));
  return details;
}
async function render() {
  document.documentElement.lang = lang;
  document.querySelectorAll('[data-i18n]').forEach(n => { n.textContent = t(n.dataset.i18n); });
  document.getElementById('lang-vi').setAttribute('aria-pressed', lang === 'vi');
  document.getElementById('lang-en').setAttribute('aria-pressed', lang === 'en');
  const tree = document.getElementById('tree');
  try {
    const units = await (await fetch('api/units', { headers: { 'Accept-Language': lang } })).json();
    tree.replaceChildren(...(units.length ? units.map(unitNode) : [el('p', {}, t('empty'))]));
  } catch (e) {
    tree.replaceChildren(el('p', { role: 'alert' }, `${t('error')}: ${e.message}`));
  }
}
document.getElementById('lang-vi').addEventListener('click', () => { lang = 'vi'; render(); });
document.getElementById('lang-en').addEventListener('click', () => { lang = 'en'; render(); });
render();
// Live: the server pushes every committed change (server-sent events); a slow poll covers a dropped connection.
let pending = null;
const feed = new EventSource('api/feed');
feed.addEventListener('update', () => { clearTimeout(pending); pending = setTimeout(render, 300); });
setInterval(render, 60000);
