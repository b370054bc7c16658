// An officer records what was measured: one unit, one criteria set, one date; every indicator of the set with this
// unit's threshold and what is known on that date; the whole form is one request (criteria-service's
// measurement-forms, ADR 12), so a refusal names the line and nothing is half-saved. From an indicator's history a
// measurement can be corrected or retracted, with a reason.
'use strict';
const TEXT = {
  vi: {
    title: 'Nông thôn mới — Ghi số liệu chỉ tiêu',
    intro: 'Chọn đơn vị, bộ tiêu chí và ngày của số liệu; điền kết quả từng chỉ tiêu rồi ghi một lần cho cả biểu mẫu.', evidenceHeading: 'Căn cứ (dùng chung cho cả biểu mẫu)', documentLabel: 'Số văn bản',
    documentPlaceholder: 'ví dụ: 12/BC-UBND', documentDateLabel: 'Ngày văn bản', officeLabel: 'Cơ quan', noteLabel: 'Ghi chú',
    unverifiedLegend: '* ngưỡng chưa kiểm chứng với văn bản pháp luật', colIndicator: 'Chỉ tiêu',
    colThreshold: 'Ngưỡng của đơn vị', colCurrent: 'Hiện tại (vào ngày đã chọn)', colNew: 'Kết quả mới', colHistory: 'Lịch sử',
    submit: 'Ghi số liệu', clear: 'Xoá các ô đã nhập', reasonLabel: 'Lý do', cancel: 'Huỷ', close: 'Đóng',
    MET: 'Đạt', NOT_MET: 'Chưa đạt', UNKNOWN: 'Chưa rõ', NUMBER: 'số', RATE: 'tỷ lệ', PASS_FAIL: 'đạt / không đạt',
    MUST_BE_NONE: 'phải bằng 0', numerator: 'Tử số', denominator: 'Mẫu số', value: 'Giá trị', passed: 'Kết quả',
    choose: '— chọn —', pass: 'Đạt', fail: 'Không đạt', assessingOffice: 'Cơ quan đánh giá',
    noValue: 'chưa có', on: 'ngày', by: 'người ghi', history: 'Lịch sử', historyOf: 'Lịch sử chỉ tiêu',
    notANumber: 'Không phải là số. Dùng dấu phẩy cho phần thập phân, ví dụ 74,5.', both: 'Cần điền cả tử số và mẫu số.',
    nothingTyped: 'Chưa điền kết quả nào.', saved: 'Đã ghi số liệu của {n} chỉ tiêu, ngày {date}.', savedOne: 'Đã ghi.',
    correct: 'Sửa', retract: 'Rút lại', correctHeading: 'Sửa số liệu ngày {date}', retractHeading: 'Rút lại số liệu ngày {date}',
    correctSubmit: 'Ghi bản sửa', retractSubmit: 'Rút lại số liệu', reasonRequired: 'Cần ghi lý do.',
    MEASUREMENT_RECORDED: 'Ghi số liệu', MEASUREMENT_CORRECTED: 'Sửa số liệu', MEASUREMENT_RETRACTED: 'Rút lại số liệu',
    STATUS_CHANGED: 'Trạng thái', INDICATOR_STATUS_CHANGED: 'Trạng thái', reason: 'lý do', until: 'đến', restored: 'Đã khôi phục những gì bạn đã nhập trước khi đăng nhập lại.',
    error: 'Không tải được dữ liệu', percentOf: 'tức'
  },
  en: {
    title: 'New Rural Development — record indicator figures',
    intro: 'Pick the unit, the criteria set and the date of the figures; fill in each indicator and record the whole form at once.',
    evidenceHeading: 'Evidence (for the whole form)', documentLabel: 'Document number', documentPlaceholder: 'e.g. 12/BC-UBND',
    documentDateLabel: 'Document date', officeLabel: 'Office', noteLabel: 'Note',
    unverifiedLegend: '* threshold not verified against the legal text', colIndicator: 'Indicator',
    colThreshold: 'Threshold for this unit', colCurrent: 'Current (on the chosen date)', colNew: 'New result', colHistory: 'History',
    submit: 'Record figures', clear: 'Clear what was typed', reasonLabel: 'Reason', cancel: 'Cancel', close: 'Close',
    MET: 'Met', NOT_MET: 'Not met', UNKNOWN: 'Unknown', NUMBER: 'number', RATE: 'rate', PASS_FAIL: 'pass / fail',
    MUST_BE_NONE: 'must be none', numerator: 'Numerator', denominator: 'Denominator', value: 'Value', passed: 'Result',
    choose: '— choose —', pass: 'Pass', fail: 'Fail', assessingOffice: 'Assessing office',
    noValue: 'none', on: 'on', by: 'by', history: 'History', historyOf: 'History of indicator',
    notANumber: 'Not a number. Use a decimal comma or point, e.g. 74,5.', both: 'Fill in both the numerator and the denominator.',
    nothingTyped: 'No result has been filled in.', saved: 'Recorded {n} indicators as of {date}.', savedOne: 'Recorded.',
    correct: 'Correct', retract: 'Retract', correctHeading: 'Correct the figure of {date}', retractHeading: 'Retract the figure of {date}',
    correctSubmit: 'Record the correction', retractSubmit: 'Retract the figure', reasonRequired: 'A reason is needed.',
    MEASUREMENT_RECORDED: 'Recorded', MEASUREMENT_CORRECTED: 'Corrected', MEASUREMENT_RETRACTED: 'Retracted',
    STATUS_CHANGED: 'Status', INDICATOR_STATUS_CHANGED: 'Status', reason: 'reason', until: 'until', restored: 'What you typed before signing in again has been restored.',
    error: 'Could not load data', percentOf: 'that is'
  }
};
Object.keys(TEXT).forEach(lang => Object.assign(TEXT[lang], Chooser.texts[lang], TEXT[lang]));
const { el, t } = Portal;
const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, k) => values[k] ?? '');
const byId = id => document.getElementById(id);
const DRAFT = 'ntm.record.draft';
const page = { units: [], sets: [], standing: null, indicators: [] };

// ------------------------------------------------------------------------------------------ the chosen standing
async function loadStanding({ unitId, criteriaSet, validOn }) {
  page.standing = await Portal.json(`/criteria/api/units/${unitId}/standing?criteriaSet=${encodeURIComponent(criteriaSet)}&asOf=${validOn}`);
  page.indicators = page.standing.criteria.flatMap(c => c.indicators);
  renderRows();
  showForm(true);
}
const reload = () => loadStanding(Chooser.value());
function showForm(visible) { byId('measurement-form').hidden = !visible; }
const message = Chooser.message;

// ------------------------------------------------------------------------------------------------------- the form
function name(i) { return Portal.state.lang === 'en' && i.nameEn ? i.nameEn : i.nameVi; }
function comparator(c) { return { LE: '≤', LT: '<', GT: '>', EQ: '=', GE: '≥' }[c] ?? '≥'; }
function number(v) { return v === null || v === undefined ? '' : Number(v).toLocaleString(Portal.state.lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 }); }
function thresholdText(i) {
  if (i.kind === 'PASS_FAIL') return t('pass');
  if (i.threshold === null || i.threshold === undefined) return '—';
  return `${comparator(i.comparator)} ${number(i.threshold)}${i.unit ? ` ${Portal.unit(i.unit)}` : ''}`;
}
function currentText(i) {
  if (!i.validOn) return t('noValue');
  let value;
  if (i.kind === 'PASS_FAIL') value = i.passed ? t('pass') : t('fail');
  else if (i.numerator !== null && i.numerator !== undefined) value = `${number(i.numerator)}/${number(i.denominator)} (${number(i.value)}%)`;
  else value = `${number(i.value)}${i.unit ? ` ${Portal.unit(i.unit)}` : ''}`;
  return `${value} · ${t('on')} ${Portal.vnDate(i.validOn)}`;
}
function inputsFor(i) {
  const code = i.code;
  if (i.kind === 'RATE') {
    return el('div', { class: 'inputs' },
      el('label', { for: `num-${code}`, class: 'small' }, t('numerator')),
      el('input', { id: `num-${code}`, 'data-code': code, 'data-part': 'numerator', inputmode: 'decimal', size: 8 }), ' / ',
      el('label', { for: `den-${code}`, class: 'small' }, t('denominator')),
      el('input', { id: `den-${code}`, 'data-code': code, 'data-part': 'denominator', inputmode: 'decimal', size: 8 }),
      el('output', { id: `pct-${code}`, for: `num-${code} den-${code}`, class: 'percent' }));
  }
  if (i.kind === 'PASS_FAIL') {
    return el('div', { class: 'inputs' },
      el('label', { for: `pass-${code}`, class: 'small' }, t('passed')),
      el('select', { id: `pass-${code}`, 'data-code': code, 'data-part': 'passed' },
        el('option', { value: '' }, t('choose')), el('option', { value: 'true' }, t('pass')), el('option', { value: 'false' }, t('fail'))),
      el('label', { for: `office-${code}`, class: 'small' }, t('assessingOffice')),
      el('input', { id: `office-${code}`, 'data-code': code, 'data-part': 'office', maxlength: 200 }));
  }
  return el('div', { class: 'inputs' },
    el('label', { for: `val-${code}`, class: 'small' }, t('value')),
    el('input', { id: `val-${code}`, 'data-code': code, 'data-part': 'value', inputmode: 'decimal', size: 10 }),
    i.unit ? ` ${Portal.unit(i.unit)}` : '');
}
function renderRows() {
  const rows = page.indicators.map(i => el('tr', { 'data-code': i.code },
    el('th', { scope: 'row' }, el('span', { class: 'code' }, i.code), ' ', name(i), el('br'),
      el('span', { class: 'note' }, `${t(i.kind)}${i.unit ? ` · ${Portal.unit(i.unit)}` : ''}`)),
    el('td', {}, thresholdText(i), i.thresholdVerified ? '' : el('span', { class: 'unverified', title: t('unverifiedLegend') }, ' *')),
    el('td', {}, el('span', { class: `status ${i.status ?? 'UNKNOWN'}` }, t(i.status ?? 'UNKNOWN')), ' ', currentText(i)),
    el('td', {}, inputsFor(i), el('p', { class: 'field-error', id: `error-${i.code}`, role: 'alert', hidden: '' })),
    el('td', {}, el('button', { type: 'button', class: 'link', 'data-history': i.code }, t('history')))));
  byId('indicator-rows').replaceChildren(...rows);
  byId('indicator-rows').querySelectorAll('input[data-part="numerator"], input[data-part="denominator"]')
    .forEach(input => input.addEventListener('input', () => percent(input.dataset.code)));
  byId('indicator-rows').querySelectorAll('[data-history]').forEach(b => b.addEventListener('click', () => showHistory(b.dataset.history)));
}
// The percentage as the officer types, so a slip (numerator above denominator) shows before sending.
function percent(code) {
  const n = Portal.parseNumber(byId(`num-${code}`).value);
  const d = Portal.parseNumber(byId(`den-${code}`).value);
  const out = byId(`pct-${code}`);
  out.textContent = n !== null && d && !Number.isNaN(n) && !Number.isNaN(d) ? ` = ${number(Math.round(n / d * 10000) / 100)}%` : '';
}
function part(code, name) { return byId('indicator-rows').querySelector(`[data-code="${CSS.escape(code)}"][data-part="${name}"]`); }
function clearErrors() {
  byId('form-problem').hidden = true;
  document.querySelectorAll('.field-error').forEach(e => { e.hidden = true; e.textContent = ''; });
  document.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
}
function fieldError(code, text, partName) {
  const box = byId(`error-${code}`);
  if (!box) { const p = byId('form-problem'); p.hidden = false; p.textContent = text; return; }
  box.hidden = false; box.textContent = text;
  const input = (partName && part(code, partName)) || byId('indicator-rows').querySelector(`[data-code="${CSS.escape(code)}"][data-part]`);
  input?.setAttribute('aria-invalid', 'true');
  input?.focus();
}
// What was typed, as form items; a line that is clearly wrong is refused here, the rest by the service.
function items() {
  const result = [];
  let ok = true;
  for (const i of page.indicators) {
    const item = { indicatorCode: i.code };
    if (i.kind === 'RATE') {
      const n = part(i.code, 'numerator').value.trim(), d = part(i.code, 'denominator').value.trim();
      if (!n && !d) continue;
      if (!n || !d) { fieldError(i.code, t('both'), n ? 'denominator' : 'numerator'); ok = false; continue; }
      const num = Portal.parseNumber(n), den = Portal.parseNumber(d);
      if (Number.isNaN(num) || Number.isNaN(den)) { fieldError(i.code, t('notANumber'), Number.isNaN(num) ? 'numerator' : 'denominator'); ok = false; continue; }
      item.numerator = num; item.denominator = den;
    } else if (i.kind === 'PASS_FAIL') {
      const v = part(i.code, 'passed').value;
      if (!v) continue;
      item.passed = v === 'true';
      const office = part(i.code, 'office').value.trim();
      if (office) item.evidence = { office };
    } else {
      const v = part(i.code, 'value').value.trim();
      if (!v) continue;
      const parsed = Portal.parseNumber(v);
      if (Number.isNaN(parsed)) { fieldError(i.code, t('notANumber'), 'value'); ok = false; continue; }
      item.value = parsed;
    }
    result.push(item);
  }
  return ok ? result : null;
}
function evidence() {
  const documentNumber = byId('evidence-document').value.trim();
  const documentDate = byId('evidence-date').value;
  const document = [documentNumber, documentDate ? `${Portal.state.lang === 'en' ? 'dated' : 'ngày'} ${Portal.vnDate(documentDate)}` : '']
    .filter(Boolean).join(' ');
  const result = { document, office: byId('evidence-office').value.trim(), note: byId('evidence-note').value.trim() };
  Object.keys(result).forEach(k => { if (!result[k]) delete result[k]; });
  return Object.keys(result).length ? result : undefined;
}
// A refusal of the form names its line: item.index (the n-th item sent) or a field such as items[1].numerator.
function showProblem(error, sent) {
  const problem = error.problem ?? {};
  const fields = [problem.field, ...(problem.errors ?? []).map(e => e.field)].filter(Boolean);
  let index = problem.item?.index;
  let partName = null;
  for (const f of fields) {
    const m = /^items\[(\d+)\](?:\.(\w+))?/.exec(f);
    if (m) { index ??= Number(m[1]); partName = m[2] ?? null; break; }
  }
  if (partName === null && problem.field && !problem.field.startsWith('items')) partName = problem.field;
  if (index !== undefined && index !== null && sent[index]) fieldError(sent[index].indicatorCode, error.message, partName);
  else { const p = byId('form-problem'); p.hidden = false; p.textContent = error.message; }
}
async function submit(event) {
  event.preventDefault();
  clearErrors();
  const sent = items();
  if (sent === null) return;
  if (!sent.length) { const p = byId('form-problem'); p.hidden = false; p.textContent = t('nothingTyped'); return; }
  const unitId = byId('unit').value;
  const body = { criteriaSet: byId('criteria-set').value, validOn: byId('valid-on').value, evidence: evidence(), items: sent };
  byId('submit-form').disabled = true;
  try {
    const answer = await Portal.json(`/criteria/api/units/${unitId}/measurement-forms`, { method: 'POST', body });
    sessionStorage.removeItem(DRAFT);
    clearInputs();
    await reload();
    message(fill(t('saved'), { n: answer.items.length, date: Portal.vnDate(answer.validOn) }));
  } catch (e) {
    if (!(e instanceof Portal.SessionEnded)) showProblem(e, sent);
  } finally {
    byId('submit-form').disabled = false;
  }
}
function clearInputs() {
  byId('indicator-rows').querySelectorAll('input, select').forEach(i => { i.value = ''; });
  byId('indicator-rows').querySelectorAll('output').forEach(o => { o.textContent = ''; });
}

// ------------------------------------------------------------------------------ a session that ends keeps the draft
function saveDraft() {
  const inputs = {};
  document.querySelectorAll('#measurement-form input, #measurement-form select, #change-form input').forEach(i => { if (i.id && i.value) inputs[i.id] = i.value; });
  sessionStorage.setItem(DRAFT, JSON.stringify({ unit: byId('unit').value, set: byId('criteria-set').value,
    date: byId('valid-on').value, inputs }));
}
function restoreDraft() {
  const draft = JSON.parse(sessionStorage.getItem(DRAFT) ?? 'null');
  if (!draft || draft.unit !== byId('unit').value || draft.set !== byId('criteria-set').value || draft.date !== byId('valid-on').value) return;
  Object.entries(draft.inputs).forEach(([id, value]) => { const input = byId(id); if (input) input.value = value; });
  byId('indicator-rows').querySelectorAll('input[data-part="numerator"]').forEach(i => percent(i.dataset.code));
  sessionStorage.removeItem(DRAFT);
  message(t('restored'));
}
Portal.onSessionEnded(saveDraft);

// ------------------------------------------------------------------------------------- history, correct, retract
let historyCode = null;
let changing = null;
async function showHistory(code) {
  historyCode = code;
  const indicator = page.indicators.find(i => i.code === code);
  const unitId = byId('unit').value, set = byId('criteria-set').value;
  const entries = await Portal.json(`/criteria/api/units/${unitId}/history?criteriaSet=${encodeURIComponent(set)}&code=${encodeURIComponent(code)}`);
  byId('history').hidden = false;
  byId('history-heading').textContent = `${t('historyOf')} ${code} — ${name(indicator)}`;
  byId('change-form').hidden = true;
  const measurements = entries.filter(e => e.kind.startsWith('MEASUREMENT'));
  const retracted = new Set(measurements.filter(e => e.kind === 'MEASUREMENT_RETRACTED').map(e => e.measurementId));
  const latestOf = new Map();
  measurements.forEach(e => latestOf.set(e.measurementId, e));
  const rows = entries.map((e, index) => {
    const live = e.kind.startsWith('MEASUREMENT') && !retracted.has(e.measurementId) && latestOf.get(e.measurementId) === e;
    return el('tr', { 'data-entry': index, 'data-kind': e.kind },
      el('td', {}, t(e.kind)),
      el('td', {}, Portal.vnDate(e.validOn), e.validUntil ? ` ${t('until')} ${Portal.vnDate(e.validUntil)}` : ''),
      el('td', {}, e.status ? el('span', { class: `status ${e.status}` }, t(e.status)) : entryValue(e, indicator)),
      el('td', {}, e.reason ? `${t('reason')}: ${e.reason}` : ''),
      el('td', {}, `${e.recordedBy ?? ''} · ${new Date(e.recordedAt).toLocaleString(Portal.state.lang === 'vi' ? 'vi-VN' : 'en-GB')}`),
      el('td', {}, live ? [el('button', { type: 'button', class: 'link', 'data-correct': e.measurementId }, t('correct')), ' ',
        el('button', { type: 'button', class: 'link', 'data-retract': e.measurementId }, t('retract'))] : ''));
  });
  byId('history-entries').replaceChildren(el('table', { class: 'history-table' }, el('tbody', {}, rows)));
  byId('history-entries').querySelectorAll('[data-correct]').forEach(b => b.addEventListener('click', () =>
    openChange('correct', latestOf.get(b.dataset.correct), indicator)));
  byId('history-entries').querySelectorAll('[data-retract]').forEach(b => b.addEventListener('click', () =>
    openChange('retract', latestOf.get(b.dataset.retract), indicator)));
  byId('history').scrollIntoView?.();
}
function entryValue(e, indicator) {
  if (e.passed !== null && e.passed !== undefined) return e.passed ? t('pass') : t('fail');
  if (e.numerator !== null && e.numerator !== undefined) return `${number(e.numerator)}/${number(e.denominator)}`;
  if (e.value !== null && e.value !== undefined) return `${number(e.value)}${indicator?.unit ? ` ${Portal.unit(indicator.unit)}` : ''}`;
  return '';
}
function openChange(kind, entry, indicator) {
  changing = { kind, entry, indicator };
  const form = byId('change-form');
  form.hidden = false;
  byId('change-problem').hidden = true;
  byId('change-reason').value = '';
  byId('change-heading').textContent = fill(t(kind === 'correct' ? 'correctHeading' : 'retractHeading'), { date: Portal.vnDate(entry.validOn) });
  byId('change-submit').textContent = t(kind === 'correct' ? 'correctSubmit' : 'retractSubmit');
  const value = byId('change-value');
  if (kind === 'retract') value.replaceChildren();
  else if (indicator.kind === 'RATE') value.replaceChildren(
    el('label', { for: 'change-numerator' }, t('numerator')), el('input', { id: 'change-numerator', inputmode: 'decimal', value: entry.numerator ?? '' }),
    el('label', { for: 'change-denominator' }, t('denominator')), el('input', { id: 'change-denominator', inputmode: 'decimal', value: entry.denominator ?? '' }));
  else if (indicator.kind === 'PASS_FAIL') value.replaceChildren(el('label', { for: 'change-passed' }, t('passed')),
    el('select', { id: 'change-passed' }, el('option', { value: 'true' }, t('pass')), el('option', { value: 'false' }, t('fail'))));
  else value.replaceChildren(el('label', { for: 'change-number' }, t('value')),
    el('input', { id: 'change-number', inputmode: 'decimal', value: entry.value ?? '' }));
  byId('change-reason').focus();
}
async function submitChange(event) {
  event.preventDefault();
  const problem = byId('change-problem');
  problem.hidden = true;
  const reason = byId('change-reason').value.trim();
  if (!reason) { problem.hidden = false; problem.textContent = t('reasonRequired'); return; }
  const { kind, entry, indicator } = changing;
  const unitId = byId('unit').value;
  const body = { reason };
  if (kind === 'correct') {
    if (indicator.kind === 'RATE') { body.numerator = Portal.parseNumber(byId('change-numerator').value); body.denominator = Portal.parseNumber(byId('change-denominator').value); }
    else if (indicator.kind === 'PASS_FAIL') body.passed = byId('change-passed').value === 'true';
    else body.value = Portal.parseNumber(byId('change-number').value);
    if ([body.numerator, body.denominator, body.value].some(v => Number.isNaN(v))) { problem.hidden = false; problem.textContent = t('notANumber'); return; }
  }
  const path = kind === 'correct' ? 'corrections' : 'retraction';
  try {
    await Portal.json(`/criteria/api/units/${unitId}/measurements/${entry.measurementId}/${path}`, { method: 'POST', body });
    await reload();
    await showHistory(historyCode);
    message(t('savedOne'));
  } catch (e) {
    if (!(e instanceof Portal.SessionEnded)) { problem.hidden = false; problem.textContent = e.message; }
  }
}

// ------------------------------------------------------------------------------------------------------------ start
byId('measurement-form').addEventListener('submit', submit);
byId('clear-form').addEventListener('click', () => { clearErrors(); clearInputs(); });
byId('change-form').addEventListener('submit', submitChange);
byId('change-cancel').addEventListener('click', () => { byId('change-form').hidden = true; });
byId('history-close').addEventListener('click', () => { byId('history').hidden = true; });
Chooser.guard(Portal.start('record', TEXT).then(async () => {
  const draft = JSON.parse(sessionStorage.getItem(DRAFT) ?? 'null');
  if (draft) history.replaceState(null, '', `?${new URLSearchParams({ unit: draft.unit, criteriaSet: draft.set, date: draft.date })}`);
  await Chooser.start({ date: draft?.date, onChosen: loadStanding, onNothing: () => showForm(false) });
  restoreDraft();
  document.body.dataset.loaded = 'true';
}));
