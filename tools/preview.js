// Part of the attendee view's first script (tools/postbuild.mjs inlines it into the page):
// while the app's code loads, draws the first screen of a published schedule from the file's
// `preview` — text the exporter resolved (src/domain/slots.rs), so no rule of the schedule is
// written twice — in the page's own markup and classes. The app replaces it when it starts.
// A field of the wrong kind draws nothing, and text goes in as text, never as markup.

/**
 * The file's first screen once the text received so far holds it (it comes first, before the
 * tables: no need to wait for the rest); `null` when the file has none, `undefined` when it is
 * not all there yet. Our writer escapes every quote inside a string, so `},"days":{` ends it.
 */
const firstScreen = (text) => {
  if (text.length > 30 && !text.startsWith('{"format":"agenda-published"')) return null;
  const at = text.indexOf(',"preview":{');
  const end = text.indexOf('},"days":{');
  if (at >= 0 && end > at) {
    try { return JSON.parse(text.slice(at + 11, end + 1)); } catch (e) { return null; }
  }
  return text.includes('"days":{') ? null : undefined;
};

/** Draws first screen `p` into the page's shell; says whether it drew. */
const drawPreview = (p) => {
  const main = document.querySelector('#shell main');
  if (!main) return false;
  const str = (v) => (typeof v === 'string' ? v : '');
  const list = (v) => (Array.isArray(v) ? v : []);
  if (!p || typeof p !== 'object' || !list(p.slots).length) return false;
  const el = (tag, cls, content, ...children) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (content) e.textContent = content;
    e.append(...children);
    return e;
  };
  // What a person can press once the app runs: shown, but not yet focusable.
  const inert = (e) => { e.inert = true; return e; };
  const header = el('header', 'attendee-header');
  if (str(p.edition)) header.append(el('p', 'meeting-header__edition', str(p.edition)));
  const planner = el('a', '', 'Open the agenda planner');
  planner.href = '../';
  header.append(el('h1', '', str(p.title)), el('p', 'attendee-header__when', str(p.when)),
    el('p', 'attendee-header__planner', '', planner));
  const tabs = el('div', 'day-tabs', '', ...list(p.days).map(list).map((d, i) => {
    const tab = el('button', 'day-tabs__tab', '', el('span', 'day-tabs__label', str(d[0])),
      el('span', 'day-tabs__date', str(d[1])));
    tab.type = 'button';
    tab.setAttribute('aria-selected', String(i === 0));
    return tab;
  }));
  const rooms = list(p.rooms);
  const grid = el('ol', 'schedule__grid', '', ...list(p.slots).filter(Array.isArray).map((s) => {
    const kind = /^[a-z-]+$/.test(str(s[0])) ? str(s[0]) : 'other';
    const slot = el('li', `slot slot--${kind}`, '', el('p', 'slot__time', str(s[3])),
      el('p', 'slot__place', str(s[4])),
      el('h3', 'slot__title', '', el('span', 'link-button', str(s[5]))));
    slot.style.gridColumn = str(s[1]);
    slot.style.gridRow = str(s[2]);
    const themes = list(s[6]);
    if (themes.length) {
      const tags = el('ul', 'theme-tags', '', ...themes.map((t) => {
        const tag = el('li', 'theme-tag', str(list(t)[0]));
        tag.style.setProperty('--theme-colour', str(list(t)[1]));
        return tag;
      }));
      tags.setAttribute('aria-label', 'Themes');
      slot.append(tags);
    }
    if (str(s[7])) slot.append(el('p', 'slot__people', str(s[7])));
    slot.append(inert(el('button', 'star', '☆ Star')));
    return slot;
  }));
  grid.setAttribute('aria-label', `Sessions on ${str(p.date)}`);
  const schedule = el('div', 'schedule', '', el('ol', 'schedule__rooms', '',
    ...rooms.map((r, i) => { const li = el('li', '', str(r)); li.style.gridColumn = String(i + 1); return li; })), grid);
  schedule.style.setProperty('--rooms', String(Math.max(1, rooms.length)));
  schedule.firstChild.setAttribute('aria-hidden', 'true');
  main.className = 'page attendee';
  // The line saying where the meeting stands keeps its place until the app knows.
  const zone = el('input');
  zone.type = 'checkbox';
  main.replaceChildren(header, el('p', 'attendee__timezone', str(p.timezone),
    inert(el('label', 'check', '', zone, 'Show times in my timezone'))),
    el('p', 'attendee__moment', '\u00a0'),
    el('div', '', '', inert(el('div', 'filter-bar', '', el('button', 'filter-bar__toggle', 'Filters'))), inert(tabs),
      el('div', 'day-panel', '', el('h2', 'day-panel__date', str(p.date)),
        el('p', 'item-form__note', str(p.count)), schedule)));
  return true;
};
