// Small enhancements for every page; each page works without them.
(() => {
  // After a failed submit the error summary takes focus, so a screen reader reads it and the keyboard
  // starts from it (WCAG 3.3.1). A confirmation question takes focus the same way.
  const summary = document.getElementById('feiloppsummering') || document.getElementById('bekreft');
  if (summary) summary.focus();

  // The summary's links move focus to the field itself, not only scroll to it: to the first control
  // of a group when the link names a group.
  document.querySelectorAll('#feiloppsummering a[href^="#"]').forEach(link => {
    link.addEventListener('click', event => {
      const target = document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
      if (!target) return;
      const control = target.matches('input, select, textarea, button') ? target : target.querySelector('input, select, textarea, button');
      if (control) { event.preventDefault(); control.focus(); control.scrollIntoView({ block: 'center' }); }
    });
  });

  // The calendar's filters fold away on phones; on wide screens there is room, so they open.
  if (window.matchMedia('(min-width: 60rem)').matches) {
    document.querySelectorAll('details[data-open-wide]').forEach(d => { d.open = true; });
  }

  // Print buttons: shown only when there is script to print with.
  document.querySelectorAll('[data-print]').forEach(button => {
    button.hidden = false;
    button.addEventListener('click', () => window.print());
  });
})();
