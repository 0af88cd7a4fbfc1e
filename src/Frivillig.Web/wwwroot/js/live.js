// Live calendar: follows the page's scope on /hubs/calendar and redraws the page's live region in
// place when something changes, announcing it politely to screen readers. Without JavaScript, or
// if the connection fails, the page simply stays as it was loaded.
(() => {
  const scope = document.body.dataset.liveScope;
  const region = document.getElementById('live-region');
  const announcer = document.getElementById('live-announcer');
  if (!scope || !region || !window.signalR) return;

  let revision = null;
  let refreshing = null;
  const words = {
    published: 'Ny aktivitet', updated: 'Endret', cancelled: 'Avlyst', deleted: 'Fjernet',
    'date-cancelled': 'Dato avlyst', 'date-moved': 'Dato flyttet'
  };

  const announce = text => { announcer.textContent = ''; setTimeout(() => { announcer.textContent = text; }, 50); };

  // Where focus was inside the region, as something that survives a redraw: the element's id, or
  // the link's address, or its place among the region's focusable elements.
  const focusables = root => [...root.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')];
  const rememberFocus = () => {
    const el = document.activeElement;
    if (!el || !region.contains(el) || el === region) return null;
    return { id: el.id || null, href: el.getAttribute('href'), index: focusables(region).indexOf(el) };
  };
  const restoreFocus = mark => {
    if (!mark) return;
    const all = focusables(region);
    const el = (mark.id && document.getElementById(mark.id))
      || (mark.href && all.find(a => a.getAttribute('href') === mark.href))
      || all[Math.min(mark.index, all.length - 1)];
    // If what had focus is gone, the region itself takes it, never the page body.
    if (el) el.focus(); else { region.setAttribute('tabindex', '-1'); region.focus(); }
  };

  // Fetch this same page and swap in its live region: the server renders, so the page stays one truth.
  // Focus stays where it was (WCAG 2.4.3): a redraw must not throw a keyboard user back to the top.
  const refresh = () => {
    if (refreshing) return refreshing;
    refreshing = fetch(location.href, { headers: { 'X-Requested-With': 'live' }, credentials: 'same-origin' })
      .then(r => r.ok ? r.text() : Promise.reject(r.status))
      .then(html => {
        const fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('live-region');
        if (!fresh) return;
        const mark = rememberFocus();
        region.replaceChildren(...fresh.childNodes);
        restoreFocus(mark);
      })
      .catch(() => {})
      .finally(() => { refreshing = null; });
    return refreshing;
  };

  const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/calendar').withAutomaticReconnect().build();
  connection.on('ActivityChanged', change => {
    revision = Math.max(revision ?? 0, change.revision);
    refresh().then(() => announce(`${words[change.kind] ?? 'Endret'}: ${change.title}`));
  });
  connection.on('PlacesChanged', change => {
    revision = Math.max(revision ?? 0, change.revision);
    // Say which date: a page lists several, and "3 places left" alone does not tell which.
    const date = change.date ? new Date(change.date).toLocaleString('nb-NO', { timeZone: 'Europe/Oslo', weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }) : null;
    const where = date ? ` ${date}` : '';
    refresh().then(() => announce(change.placesLeft === 0 ? `Det er nå fullt${where}` : change.placesLeft == null ? `Påmeldingene er endret${where}` : `Ledige plasser${where}: ${change.placesLeft}`));
  });
  // Follow(scope) takes exactly one argument. After a reconnect the page follows again and asks
  // CatchUp(scope, revision) for what it missed; when the journal no longer reaches back, it redraws.
  const follow = () => connection.invoke('Follow', scope).then(r => { if (revision === null) revision = r; });
  connection.onreconnected(() => connection.invoke('Follow', scope)
    .then(() => revision === null ? { complete: false } : connection.invoke('CatchUp', scope, revision))
    .then(result => { if (!result.complete) refresh(); })
    .catch(() => refresh()));
  // When the hub is full (503) or away, the page works as loaded and tries again later, at a random
  // moment within a growing wait, so that thousands of pages do not come back in the same second.
  let wait = 30000;
  const start = () => connection.start().then(follow).then(() => { document.body.dataset.live = 'on'; })
    .catch(() => {
      if (connection.state !== signalR.HubConnectionState.Disconnected) return;
      setTimeout(start, wait / 2 + Math.random() * wait);
      wait = Math.min(wait * 2, 15 * 60000);
    });
  start();
})();
