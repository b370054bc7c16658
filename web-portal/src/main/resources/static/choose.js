// Choosing what to record, shared by the officers' pages: a date (Vietnam's today at most), a unit in the user's scope
// on that date (communes and villages of reporting-service's tree as it stood then) and a criteria set in force on it
// for the unit's level (criteria-service). Each choice refreshes the next; onChosen runs once all three are known.
'use strict';
const Chooser = (() => {
  const TEXT = {
    vi: { noUnits: 'Không có đơn vị nào trong phạm vi của bạn vào ngày này.',
      noSets: 'Không có bộ tiêu chí nào có hiệu lực cho đơn vị này vào ngày đã chọn.',
      skeleton: '(bộ khung, chưa đủ chỉ tiêu để ghi)', chooseHeading: 'Đơn vị, bộ tiêu chí, ngày',
      validOnLabel: 'Số liệu tính đến ngày', unitLabel: 'Đơn vị', setLabel: 'Bộ tiêu chí', skip: 'Bỏ qua, đến nội dung chính' },
    en: { noUnits: 'No unit in your scope on this date.', noSets: 'No criteria set is in force for this unit on the chosen date.',
      skeleton: '(skeleton, cannot be recorded yet)', chooseHeading: 'Unit, criteria set, date', validOnLabel: 'Figures as of',
      unitLabel: 'Unit', setLabel: 'Criteria set', skip: 'Skip to main content' }
  };
  const LEVELS = { COMMUNE: ['COMMUNE', 'ADVANCED_COMMUNE', 'MODEL_COMMUNE'], VILLAGE: ['VILLAGE', 'MODEL_VILLAGE'] };
  const byId = id => document.getElementById(id);
  const t = key => TEXT[Portal.state.lang][key] ?? Portal.t(key);
  const chosen = { units: [], sets: [] };
  let onChosen = () => {};
  let onNothing = () => {};
  function flatten(nodes, depth = 0) {
    return nodes.flatMap(n => [{ id: n.id, name: n.name, level: n.level, depth }, ...flatten(n.children ?? [], depth + 1)]);
  }
  function message(text) { const m = byId('page-message'); m.hidden = !text; m.textContent = text ?? ''; }
  async function loadUnits() {
    const tree = await Portal.json(`/reporting/api/units?asOf=${byId('valid-on').value}`);
    chosen.units = flatten(tree).filter(u => LEVELS[u.level]);
    const select = byId('unit');
    const previous = select.value || new URLSearchParams(location.search).get('unit');
    select.replaceChildren(...chosen.units.map(u => Portal.el('option', { value: u.id }, `${'\u00a0'.repeat(u.depth * 2)}${u.name}`)));
    if (chosen.units.some(u => u.id === previous)) select.value = previous;
    message(chosen.units.length ? null : t('noUnits'));
    return loadSets();
  }
  async function loadSets() {
    const unit = chosen.units.find(u => u.id === byId('unit').value);
    const select = byId('criteria-set');
    if (!unit) { select.replaceChildren(); return onNothing(); }
    const date = byId('valid-on').value;
    const lists = await Promise.all(LEVELS[unit.level].map(level =>
      Portal.json(`/criteria/api/criteria-sets/applicable?level=${level}&on=${date}`)));
    chosen.sets = lists.flat();
    const previous = select.value || new URLSearchParams(location.search).get('criteriaSet');
    select.replaceChildren(...chosen.sets.map(s => Portal.el('option', { value: s.code },
      `${Portal.state.lang === 'en' && s.titleEn ? s.titleEn : s.titleVi}${s.skeleton ? ` ${t('skeleton')}` : ''}`)));
    const usable = chosen.sets.find(s => s.code === previous) ?? chosen.sets.find(s => !s.skeleton) ?? chosen.sets[0];
    if (usable) select.value = usable.code;
    if (!chosen.sets.length) { message(t('noSets')); return onNothing(); }
    message(null);
    return changed();
  }
  function value() { return { unitId: byId('unit').value, criteriaSet: byId('criteria-set').value, validOn: byId('valid-on').value }; }
  function changed() {
    const v = value();
    history.replaceState(null, '', `?${new URLSearchParams({ unit: v.unitId, criteriaSet: v.criteriaSet, date: v.validOn,
      ...(Portal.state.lang === 'en' ? { lang: 'en' } : {}) })}`);
    return onChosen(v);
  }
  function guard(promise) {
    return Promise.resolve(promise).catch(e => { if (!(e instanceof Portal.SessionEnded)) message(`${Portal.t('error')}: ${e.message}`); });
  }
  // Starts the three pickers; the first date comes from the address (?date=), else today in Vietnam.
  async function start(handlers) {
    onChosen = handlers.onChosen; onNothing = handlers.onNothing ?? (() => {});
    byId('valid-on').max = Portal.today();
    byId('valid-on').value = handlers.date ?? new URLSearchParams(location.search).get('date') ?? Portal.today();
    byId('valid-on').addEventListener('change', () => guard(loadUnits()));
    byId('unit').addEventListener('change', () => guard(loadSets()));
    byId('criteria-set').addEventListener('change', () => guard(changed()));
    Portal.onLanguage(() => guard(loadSets()));
    return loadUnits();
  }
  return { start, value, message, guard, texts: TEXT };
})();
