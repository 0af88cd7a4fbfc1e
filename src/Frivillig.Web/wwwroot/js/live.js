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

  // Fetch this same page and swap in its live region: the server renders, so the page stays one truth.
  const refresh = () => {
    if (refreshing) return refreshing;
    refreshing = fetch(location.href, { headers: { 'X-Requested-With': 'live' }, credentials: 'same-origin' })
      .then(r => r.ok ? r.text() : Promise.reject(r.status))
      .then(html => {
        const fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('live-region');
        if (fresh) region.replaceChildren(...fresh.childNodes);
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
    refresh().then(() => announce(change.placesLeft === 0 ? 'Det er nå fullt' : `Ledige plasser: ${change.placesLeft ?? ''}`));
  });
  // Follow(scope) takes exactly one argument. After a reconnect the page follows again and asks
  // CatchUp(scope, revision) for what it missed; when the journal no longer reaches back, it redraws.
  const follow = () => connection.invoke('Follow', scope).then(r => { if (revision === null) revision = r; });
  connection.onreconnected(() => connection.invoke('Follow', scope)
    .then(() => revision === null ? { complete: false } : connection.invoke('CatchUp', scope, revision))
    .then(result => { if (!result.complete) refresh(); })
    .catch(() => refresh()));
  connection.start().then(follow).then(() => { document.body.dataset.live = 'on'; }).catch(() => {});
})();
