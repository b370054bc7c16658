// Import a quarter's figures from a spreadsheet: download the blank template of a unit, set and date (the layout of
// the progress report the dashboard exports), fill in "Kết quả thực hiện", upload it. A dry run first shows every row
// — recorded, changed, unchanged, empty or refused and why — and only "Ghi" records, all rows or none
// (criteria-service's measurement-imports; the same request for scripts).
'use strict';
const TEXT = {
  vi: {
    title: 'Nông thôn mới — Nhập số liệu từ bảng tính',
    intro: 'Tải biểu mẫu trống của đơn vị, điền cột “Kết quả thực hiện”, rồi tải tệp lên. Hệ thống cho xem trước từng dòng; chỉ khi bạn xác nhận mới ghi, và ghi tất cả hoặc không ghi gì.',
    templateXlsx: 'Tải biểu mẫu trống (XLSX)', templateCsv: 'Tải biểu mẫu trống (CSV)',
    fileLabel: 'Tệp đã điền (XLSX hoặc CSV, tối đa 2 MB)', evidenceHeading: 'Căn cứ (không bắt buộc)',
    documentLabel: 'Số văn bản', officeLabel: 'Cơ quan', noteLabel: 'Ghi chú', dryRun: 'Xem trước', previewHeading: 'Xem trước',
    commit: 'Ghi các dòng này', chooseFile: 'Hãy chọn tệp đã điền.', uploading: 'Đang tải lên', reading: 'Đang đọc tệp…',
    row: 'Dòng', indicator: 'Chỉ tiêu', found: 'Trong tệp', current: 'Hiện tại', toRecord: 'Sẽ ghi', outcome: 'Kết quả',
    NEW: 'Ghi mới', CHANGED: 'Thay đổi', UNCHANGED: 'Không đổi', EMPTY: 'Để trống', REFUSED: 'Bị từ chối',
    summary: 'Tệp {file}{sheet}: {total} dòng — {NEW} ghi mới, {CHANGED} thay đổi, {UNCHANGED} không đổi, {EMPTY} để trống, {REFUSED} bị từ chối.',
    sheet: ', trang “{sheet}”', refusedNote: 'Có dòng bị từ chối: sửa tệp rồi tải lên lại. Không dòng nào được ghi.',
    nothingToRecord: 'Không có gì để ghi: mọi dòng đều không đổi hoặc để trống.',
    recorded: 'Đã ghi {n} chỉ tiêu của {unit}, ngày {date}.', error: 'Không tải được dữ liệu', downloadFailed: 'Không tải xuống được',
    MET: 'Đạt', NOT_MET: 'Chưa đạt', UNKNOWN: 'Chưa rõ', statusAfter: 'Trạng thái sau khi ghi'
  },
  en: {
    title: 'New Rural Development — import figures from a spreadsheet',
    intro: 'Download the blank template of the unit, fill in the "Result" column and upload it. Every row is previewed; nothing is recorded until you confirm, and then all rows or none.',
    templateXlsx: 'Download the blank template (XLSX)', templateCsv: 'Download the blank template (CSV)',
    fileLabel: 'The filled-in file (XLSX or CSV, at most 2 MB)', evidenceHeading: 'Evidence (optional)',
    documentLabel: 'Document number', officeLabel: 'Office', noteLabel: 'Note', dryRun: 'Preview', previewHeading: 'Preview',
    commit: 'Record these rows', chooseFile: 'Choose the filled-in file.', uploading: 'Uploading', reading: 'Reading the file…',
    row: 'Row', indicator: 'Indicator', found: 'In the file', current: 'Current', toRecord: 'To record', outcome: 'Outcome',
    NEW: 'New', CHANGED: 'Changed', UNCHANGED: 'Unchanged', EMPTY: 'Empty', REFUSED: 'Refused',
    summary: 'File {file}{sheet}: {total} rows — {NEW} new, {CHANGED} changed, {UNCHANGED} unchanged, {EMPTY} empty, {REFUSED} refused.',
    sheet: ', sheet "{sheet}"', refusedNote: 'Some rows are refused: fix the file and upload it again. No row has been recorded.',
    nothingToRecord: 'Nothing to record: every row is unchanged or empty.',
    recorded: 'Recorded {n} indicators of {unit} as of {date}.', error: 'Could not load data', downloadFailed: 'Download failed',
    MET: 'Met', NOT_MET: 'Not met', UNKNOWN: 'Unknown', statusAfter: 'Status after recording'
  }
};
Object.keys(TEXT).forEach(lang => Object.assign(TEXT[lang], Chooser.texts[lang], TEXT[lang]));
const { el, t } = Portal;
const byId = id => document.getElementById(id);
const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, k) => values[k] ?? '');
let file = null;
let lastPreview = null;

function problem(text) { const p = byId('import-problem'); p.hidden = !text; p.textContent = text ?? ''; }

// The template, fetched through the portal and handed to the browser as a file.
async function download(format) {
  const { unitId, criteriaSet, validOn } = Chooser.value();
  try {
    const response = await Portal.request(`/criteria/api/units/${unitId}/measurement-template?${new URLSearchParams({ criteriaSet, validOn, format, lang: Portal.state.lang })}`);
    if (!response.ok) { let d = response.statusText; try { d = (await response.json()).detail || d; } catch (e) { /* not JSON */ } throw new Error(d); }
    const disposition = response.headers.get('Content-Disposition') ?? '';
    const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
    const url = URL.createObjectURL(await response.blob());
    const link = el('a', { href: url, download: utf8 ? decodeURIComponent(utf8[1]) : `bieu-mau.${format}`, hidden: '' });
    document.body.append(link); link.click(); link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  } catch (e) {
    if (!(e instanceof Portal.SessionEnded)) problem(`${t('downloadFailed')}: ${e.message}`);
  }
}

// The upload, with its progress (a large file takes a while on a commune's connection): XMLHttpRequest reports
// upload progress, fetch does not.
function upload(dryRun) {
  const { unitId, criteriaSet, validOn } = Chooser.value();
  const body = new FormData();
  body.append('file', file);
  [['document', 'import-document'], ['office', 'import-office'], ['note', 'import-note']].forEach(([name, id]) => {
    const value = byId(id).value.trim();
    if (value) body.append(name, value);
  });
  const bar = byId('upload-progress'), status = byId('upload-status');
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/criteria/api/units/${unitId}/measurement-imports?${new URLSearchParams({ criteriaSet, validOn, dryRun })}`);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Accept-Language', Portal.state.lang);
    xhr.setRequestHeader('X-XSRF-TOKEN', Portal.csrf());
    xhr.upload.addEventListener('progress', e => {
      if (!e.lengthComputable) return;
      bar.hidden = false; bar.value = e.loaded / e.total;
      status.textContent = e.loaded < e.total ? `${t('uploading')} ${Math.round(e.loaded / e.total * 100)}%` : t('reading');
    });
    xhr.addEventListener('load', () => {
      bar.hidden = true; status.textContent = '';
      if (xhr.status === 401 || xhr.responseURL && !xhr.responseURL.includes('/criteria/api/')) {
        Portal.sessionEnded(); reject(new Portal.SessionEnded(t('sessionEnded'))); return;
      }
      let answer = null;
      try { answer = JSON.parse(xhr.responseText); } catch (e) { answer = { detail: xhr.statusText }; }
      if (xhr.status >= 400) { const error = new Error(answer.detail || answer.title || xhr.statusText); error.problem = answer; reject(error); return; }
      resolve(answer);
    });
    xhr.addEventListener('error', () => { bar.hidden = true; status.textContent = ''; reject(new Error(t('error'))); });
    xhr.send(body);
  });
}

function renderPreview(view) {
  lastPreview = view;
  byId('preview').hidden = false;
  const totals = view.totals ?? {};
  byId('preview-summary').textContent = fill(t('summary'), { file: view.fileName ?? '', sheet: view.sheet ? fill(t('sheet'), { sheet: view.sheet }) : '', ...totals });
  const head = el('thead', {}, el('tr', {}, [t('row'), t('indicator'), t('found'), t('current'), t('toRecord'), t('outcome')]
    .map(h => el('th', { scope: 'col' }, h))));
  const rows = (view.rows ?? []).map(r => el('tr', { 'data-row': r.row, 'data-classification': r.classification },
    el('td', {}, String(r.row)),
    el('td', {}, r.indicatorCode ?? '', r.indicatorName ? ` — ${r.indicatorName}` : ''),
    el('td', {}, r.text ?? ''),
    el('td', {}, r.current ? `${r.current.text} (${Portal.vnDate(r.current.validOn)})` : '', r.currentStatus ? [' ', el('span', { class: `status ${r.currentStatus}` }, t(r.currentStatus))] : ''),
    el('td', {}, r.toRecord?.text ?? ''),
    el('td', { class: r.classification }, t(r.classification), r.reason ? `: ${r.reason}` : '',
      r.statusAfter ? [' → ', el('span', { class: `status ${r.statusAfter}`, title: t('statusAfter') }, t(r.statusAfter))] : '')));
  byId('preview-table').replaceChildren(head, el('tbody', {}, rows));
  const refused = totals.REFUSED > 0;
  const toRecord = (totals.NEW ?? 0) + (totals.CHANGED ?? 0);
  byId('commit').hidden = !view.dryRun || refused || toRecord === 0;
  if (view.dryRun && refused) problem(t('refusedNote'));
  else if (view.dryRun && toRecord === 0) Chooser.message(t('nothingToRecord'));
}

async function dryRun(event) {
  event.preventDefault();
  problem(null); Chooser.message(null);
  file = byId('import-file').files[0] ?? null;
  if (!file) { problem(t('chooseFile')); return; }
  try {
    renderPreview(await upload(true));
  } catch (e) {
    if (!(e instanceof Portal.SessionEnded)) { byId('preview').hidden = true; problem(e.message); }
  }
}

async function commit() {
  problem(null);
  byId('commit').disabled = true;
  try {
    const view = await upload(false);
    renderPreview(view);
    Chooser.message(fill(t('recorded'), { n: view.recorded, unit: view.unitName ?? '', date: Portal.vnDate(view.validOn) }));
  } catch (e) {
    if (e instanceof Portal.SessionEnded) return;
    problem(e.message);
    if (e.problem?.rows && lastPreview) renderPreview({ ...lastPreview, dryRun: true });
  } finally {
    byId('commit').disabled = false;
  }
}

byId('template-xlsx').addEventListener('click', e => { e.preventDefault(); download('xlsx'); });
byId('template-csv').addEventListener('click', e => { e.preventDefault(); download('csv'); });
byId('import-form').addEventListener('submit', dryRun);
byId('commit').addEventListener('click', commit);
Chooser.guard(Portal.start('import', TEXT).then(async () => {
  await Chooser.start({ onChosen: () => { byId('preview').hidden = true; problem(null); } });
  document.body.dataset.loaded = 'true';
}));
