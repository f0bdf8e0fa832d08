// The planner's first script (tools/postbuild.mjs inlines it at the end of the page, where the
// shell has been read): while the app's code loads, shows the Programme screen as the app
// last kept it for the open meeting (src/storage/first_screen.rs: the app writes that markup,
// its text escaped, so no part of the screen is written twice), its controls inert. It draws
// nothing unless the page opens the Programme screen and the record is of the meeting stored
// now (its slot, and the revision stamp beside it or the length of its text). The app
// replaces it when it starts. `window.agendaFirstScreen` says whether it drew.
(() => {
  try {
    const path = location.hash.replace(/^#/, '').split(/[?#]/)[0].replace(/\/+$/, '');
    if (path || new URLSearchParams(location.search).has('src')) return;
    const store = localStorage;
    const record = JSON.parse(store.getItem('agenda-planner.first-screen'));
    if (!record || typeof record.html !== 'string') return;
    let open = 0;
    try {
      const index = JSON.parse(store.getItem('agenda-planner.library'));
      if (Number.isInteger(index?.current)) open = index.current;
    } catch (e) { /* an unreadable index opens the first meeting */ }
    if (record.slot !== open) return;
    const key = open ? `agenda-planner.meeting.${open}` : 'agenda-planner.meeting';
    const stamp = store.getItem(`${key}.rev`);
    if (record.id !== (stamp ?? `size:${(store.getItem(key) ?? '').length}`)) return;
    const shell = document.getElementById('shell');
    const main = shell?.querySelector('main');
    if (!main) return;
    main.innerHTML = record.html;
    // The policy allows no style attribute: the colours are set here.
    for (const e of main.querySelectorAll('[data-colour]')) e.style.setProperty('--theme-colour', e.dataset.colour);
    shell.inert = true;
    shell.querySelector('nav a')?.setAttribute('aria-current', 'page');
    window.agendaFirstScreen = true;
  } catch (e) { /* no first screen: the app draws it */ }
})();
