// What every page of the portal shares: the signed-in user (/me), requests to the services through the portal
// (the session cookie and the CSRF header go with them; the portal relays the user's token), the header with the
// account, the pages and sign-out, and what happens when the session has ended: the page keeps what was typed and
// offers to sign in again.
'use strict';
const Portal = (() => {
  const TEXT = {
    vi: {
      signedInAs: 'Đang đăng nhập:', signOut: 'Đăng xuất', scope: 'Phạm vi', wholePlatform: 'toàn nền tảng',
      'commune-officer': 'Cán bộ xã', analyst: 'Chuyên viên phân tích', 'provincial-admin': 'Quản trị cấp tỉnh',
      viewer: 'Người xem', noRole: 'không có vai trò', navDashboard: 'Bảng theo dõi', navRecord: 'Ghi số liệu',
      navImport: 'Nhập từ bảng tính', sessionEndedTitle: 'Phiên đăng nhập đã kết thúc',
      sessionEnded: 'Phiên đăng nhập đã kết thúc. Những gì bạn đã nhập vẫn được giữ lại; hãy đăng nhập lại để tiếp tục.',
      signInAgain: 'Đăng nhập lại'
    },
    en: {
      signedInAs: 'Signed in:', signOut: 'Sign out', scope: 'Scope', wholePlatform: 'whole platform',
      'commune-officer': 'Commune officer', analyst: 'Analyst', 'provincial-admin': 'Provincial administrator',
      viewer: 'Viewer', noRole: 'no role', navDashboard: 'Dashboard', navRecord: 'Record figures',
      navImport: 'Import a spreadsheet', sessionEndedTitle: 'Your session has ended',
      sessionEnded: 'Your session has ended. What you typed is kept; sign in again to continue.',
      signInAgain: 'Sign in again'
    }
  };
  const params = new URLSearchParams(location.search);
  const state = { lang: params.get('lang') === 'en' ? 'en' : (localStorage.getItem('ntm.lang') || 'vi'), me: null };
  const pageText = { vi: {}, en: {} };
  const t = key => pageText[state.lang][key] ?? TEXT[state.lang][key] ?? key;
  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    Object.entries(attrs).forEach(([k, v]) => { if (v !== null && v !== undefined && v !== false) node.setAttribute(k, v); });
    children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(c ?? '')));
    return node;
  };

  class SessionEnded extends Error {}
  const sessionListeners = [];
  function csrf() {
    const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
    return cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : '';
  }
  // A request through the portal. 401 (no session) or a redirect (the portal could not refresh the token and wants
  // the user at the provider) both mean: sign in again.
  async function request(path, options = {}) {
    const headers = { 'Accept-Language': state.lang, ...(options.headers ?? {}) };
    if (options.method && options.method !== 'GET') headers['X-XSRF-TOKEN'] = csrf();
    let response;
    try {
      response = await fetch(path, { ...options, headers, credentials: 'same-origin', redirect: 'manual' });
    } catch (e) {
      throw new Error(e.message);
    }
    if (response.status === 401 || response.type === 'opaqueredirect') {
      sessionEnded();
      throw new SessionEnded(t('sessionEnded'));
    }
    return response;
  }
  // JSON in, JSON out; a refusal throws an error carrying the RFC 9457 problem (its detail and, for a form, the
  // field it is about).
  async function json(path, options = {}) {
    const headers = { Accept: 'application/json, application/problem+json', ...(options.headers ?? {}) };
    if (options.body !== undefined && !(options.body instanceof FormData)) headers['Content-Type'] = 'application/json';
    const body = options.body === undefined || options.body instanceof FormData ? options.body : JSON.stringify(options.body);
    const response = await request(path, { ...options, headers, body });
    const text = await response.text();
    let parsed = null;
    try { parsed = text ? JSON.parse(text) : null; } catch (e) { parsed = { detail: text }; }
    if (!response.ok) {
      const error = new Error(parsed?.detail || parsed?.title || response.statusText);
      error.status = response.status; error.problem = parsed ?? {};
      throw error;
    }
    return parsed;
  }
  function sessionEnded() {
    sessionListeners.forEach(listener => listener());
    let dialog = document.getElementById('session-ended');
    if (!dialog) {
      dialog = el('div', { id: 'session-ended', class: 'session-ended', role: 'alertdialog', 'aria-labelledby': 'session-ended-title' },
        el('h2', { id: 'session-ended-title' }, t('sessionEndedTitle')), el('p', {}, t('sessionEnded')),
        el('a', { id: 'sign-in-again', class: 'button', href: location.pathname + location.search }, t('signInAgain')));
      document.body.prepend(dialog);
    }
    dialog.hidden = false;
    dialog.querySelector('a').focus();
  }
  async function signOut() {
    sessionListeners.forEach(listener => listener());
    try {
      const response = await fetch('/logout', { method: 'POST', credentials: 'same-origin',
        headers: { 'X-XSRF-TOKEN': csrf(), 'X-Requested-With': 'fetch' } });
      const answer = response.ok ? await response.json() : null;
      location.href = answer?.redirect || '/';
    } catch (e) {
      location.href = '/';
    }
  }
  function roles() { return state.me?.roles ?? []; }
  function renderHeader(current) {
    const header = document.getElementById('portal-header');
    if (!header) return;
    const me = state.me;
    const pages = [['/', 'navDashboard', 'dashboard']];
    if (roles().includes('commune-officer')) pages.push(['/record.html', 'navRecord', 'record'], ['/import.html', 'navImport', 'import']);
    const lang = state.lang === 'en' ? '?lang=en' : '';
    header.replaceChildren(
      el('nav', { class: 'pages', 'aria-label': 'Trang / Pages' }, pages.map(([href, key, id]) =>
        el('a', { href: href + lang, id: `nav-${id}`, 'aria-current': id === current ? 'page' : null }, t(key)))),
      el('p', { id: 'account', class: 'account' }, `${t('signedInAs')} `, el('strong', { id: 'account-name' }, me?.name ?? '?'), ' ',
        el('span', { id: 'account-role' }, `(${roles().length ? roles().map(r => t(r)).join(', ') : t('noRole')})`), ' ',
        el('span', { id: 'account-scope' }, me?.unit === '*' ? `· ${t('scope')}: ${t('wholePlatform')}` : ''), ' ',
        el('button', { type: 'button', id: 'sign-out' }, t('signOut'))),
      el('nav', { 'aria-label': 'Ngôn ngữ / Language' },
        el('button', { type: 'button', id: 'lang-vi', 'aria-pressed': state.lang === 'vi' }, 'Tiếng Việt'),
        el('button', { type: 'button', id: 'lang-en', 'aria-pressed': state.lang === 'en' }, 'English')));
    header.querySelector('#sign-out').addEventListener('click', signOut);
    header.querySelector('#lang-vi').addEventListener('click', () => switchLanguage('vi'));
    header.querySelector('#lang-en').addEventListener('click', () => switchLanguage('en'));
  }
  function translate() {
    document.querySelectorAll('[data-i18n]').forEach(n => { n.textContent = t(n.dataset.i18n); });
    document.querySelectorAll('[data-i18n-placeholder]').forEach(n => { n.placeholder = t(n.dataset.i18nPlaceholder); });
  }
  const languageListeners = [];
  let currentPage = null;
  function switchLanguage(lang) {
    state.lang = lang;
    localStorage.setItem('ntm.lang', lang);
    document.documentElement.lang = lang;
    translate();
    renderHeader(currentPage);
    languageListeners.forEach(listener => listener(lang));
  }
  // Loads who is signed in and draws the header; resolves to the user.
  async function start(page, texts = {}) {
    currentPage = page;
    Object.entries(texts).forEach(([lang, entries]) => Object.assign(pageText[lang], entries));
    document.documentElement.lang = state.lang;
    translate();
    state.me = await json('/me');
    renderHeader(page);
    return state.me;
  }
  // "74,5" and "74.5" are the same number; thousands separators are not accepted (ambiguous with the decimal comma).
  function parseNumber(text) {
    const cleaned = String(text ?? '').trim().replace(/\s/g, '').replace(',', '.');
    if (cleaned === '') return null;
    return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : NaN;
  }
  // Indicator units as the criteria sets write them (some in English, some in Vietnamese), shown in the page's language.
  const UNITS = {
    '% households': ['% hộ', '% households'], '% km': ['% km', '% km'], '% workers': ['% lao động', '% workers'],
    '% villages': ['% thôn', '% villages'], '% population': ['% dân số', '% population'],
    '% students': ['% học sinh', '% students'], '% schools': ['% trường học', '% schools'],
    '% households+establishments': ['% hộ và cơ sở', '% households and establishments'], '% ha': ['% ha', '% ha'],
    '% farms': ['% trang trại', '% farms'], '% establishments': ['% cơ sở', '% establishments'],
    '% children': ['% trẻ em', '% children'], 'mô hình / models': ['mô hình', 'models'],
    'triệu đồng/người/năm': ['triệu đồng/người/năm', 'million VND per person per year'], 'm2/người': ['m²/người', 'm² per person']
  };
  function unit(text) { return text ? (UNITS[text]?.[state.lang === 'en' ? 1 : 0] ?? text) : ''; }
  function vnDate(iso) { if (!iso) return ''; const [y, m, d] = String(iso).slice(0, 10).split('-'); return `${d}/${m}/${y}`; }
  function today() {
    // Vietnam's calendar date, whatever the browser's zone
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  }
  return {
    state, t, el, request, json, start, signOut, roles, parseNumber, vnDate, today, unit, SessionEnded, sessionEnded, csrf,
    onSessionEnded: listener => sessionListeners.push(listener),
    onLanguage: listener => languageListeners.push(listener)
  };
})();
