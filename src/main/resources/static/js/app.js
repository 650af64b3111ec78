// What HTML and htmx attributes cannot do; the rest is declared in the templates: the CSRF header
// (hx-headers on <body>), which answers htmx swaps (the htmx-config <meta>), opening and closing the
// import dialog (command/commandfor, closedby) and showing a result below its fold (show:bottom).

// Browsers without the command attributes (before Chrome 135, Firefox 144, Safari 26.2) or closedby
// (Safari): the same behaviour from script, so that the Import button works everywhere.
if (!('command' in HTMLButtonElement.prototype)) {
  document.addEventListener('click', (event) => {
    const button = event.target.closest('button[commandfor]');
    const dialog = button && document.getElementById(button.getAttribute('commandfor'));
    if (dialog && button.getAttribute('command') === 'show-modal' && !dialog.open) {
      dialog.showModal();
    }
    else if (dialog && button.getAttribute('command') === 'close') {
      dialog.close();
    }
  });
}
if (!('closedBy' in HTMLDialogElement.prototype)) {
  document.addEventListener('click', (event) => {
    const dialog = event.target;
    if (dialog.tagName === 'DIALOG' && dialog.open && dialog.getAttribute('closedby') === 'any') {
      const box = dialog.getBoundingClientRect();
      const inside = event.clientX >= box.left && event.clientX <= box.right
        && event.clientY >= box.top && event.clientY <= box.bottom;
      if (!inside) {
        dialog.close();
      }
    }
  });
}

// Copy buttons: writing to the clipboard takes script, whatever the markup.
document.addEventListener('click', async (event) => {
  const button = event.target.closest('button.copy');
  if (!button) {
    return;
  }
  const text = button.dataset.copy;
  try {
    await navigator.clipboard.writeText(text);
  } catch (e) {
    const field = document.createElement('textarea');
    field.value = text;
    document.body.appendChild(field);
    field.select();
    document.execCommand('copy');
    field.remove();
  }
  const label = button.textContent;
  button.textContent = 'Copied';
  setTimeout(() => { button.textContent = label; }, 1500);
});

// The import dialog: "Attach file" opens the picker of the hidden file input. A <label for> would
// open it too, but a label takes no focus and no key, where this button does (and is autofocused).
document.addEventListener('click', (event) => {
  const attach = event.target.closest('[data-attach]');
  if (attach) {
    document.getElementById(attach.dataset.attach)?.click();
  }
});

// The dialog shows the chosen file's name and enables Upload and Check file: markup can neither show
// a file input's choice in another element nor enable a button.
function showChosenFile(input) {
  const form = input.form;
  const name = form.querySelector('.file-name');
  const file = input.files && input.files[0];
  name.textContent = file ? file.name : 'No file chosen';
  name.classList.toggle('muted', !file);
  name.classList.toggle('chosen', !!file);
  form.querySelectorAll('.modal-actions button[type=submit]').forEach((b) => { b.disabled = !file; });
}

// A new file makes the previous file's result stale: it is cleared (no attribute empties another
// element on a change).
document.addEventListener('change', (event) => {
  // a chosen date order answers what a rejected upload asked: the select is no longer marked
  if (event.target.matches('#date-order')) {
    event.target.removeAttribute('aria-invalid');
    event.target.closest('.date-order')?.classList.remove('needs-choice');
  }
  if (event.target.matches('#import-file')) {
    showChosenFile(event.target);
    const outcome = document.getElementById('import-outcome');
    if (outcome) {
      outcome.innerHTML = '';
    }
  }
});

// The server took the file: clear the form, so that the same upload is not sent twice by mistake. Only
// script can empty a file input. The event's name is the server's (web.PageEvent, on <body>).
document.addEventListener(document.body.dataset.uploadAcceptedEvent, () => {
  const input = document.getElementById('import-file');
  if (input) {
    input.value = '';
    showChosenFile(input);
  }
  const note = document.getElementById('import-profile-note');
  if (note) {
    note.textContent = '';
  }
});

// The bell's list is a popover (layout.html, bell.html): HTML opens and closes it, htmx loads it when
// told that it opened. Its toggle event says opening or closing in newState, which an htmx trigger
// filter could read only by evaluating script, and the Content-Security-Policy allows no eval. A
// toggle does not bubble: it is caught on its way down.
document.addEventListener('toggle', (event) => {
  if (event.target.id === 'bell-panel' && event.newState === 'open') {
    htmx.trigger(event.target, document.body.dataset.bellOpenedEvent);
  }
}, true);

// Nor has this a declarative form: each poll of the bell brings the unread count, and only a
// comparison with the previous poll's tells that it grew, that is that an import has ended (on
// whichever server ran it); the page is then told, and the clients list refreshes itself.
let lastUnread = null;
document.addEventListener('htmx:load', (event) => {
  const bell = event.detail.elt;
  if (!bell || bell.id !== 'bell') {
    return;
  }
  const unread = Number(bell.dataset.unread || 0);
  if (lastUnread !== null && unread > lastUnread) {
    document.body.dispatchEvent(new CustomEvent(document.body.dataset.notifiedEvent, { bubbles: true }));
  }
  lastUnread = unread;
});

// Times as people read them: the server writes every instant in UTC (<time datetime="…Z">, its text
// "12 May 2026, 10:04 UTC", which stays where script does not run); here each is rewritten in the
// browser's time zone and in the languages its user prefers (navigator.languages, which the server
// also hears as Accept-Language), the UTC text kept as its title (shown on hover). Intl has no markup
// of its own. data-time picks the form; pages without it get "full".
const TIME_FORMS = {
  full: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' },
  brief: { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' },
  exact: { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' },
  table: { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' },
};
const timeFormats = {};

function localTimes(root) {
  const times = root.matches?.('time[datetime]') ? [root] : root.querySelectorAll?.('time[datetime]') ?? [];
  times.forEach((time) => {
    if (time.dataset.local) {
      return;
    }
    const instant = new Date(time.getAttribute('datetime'));
    if (Number.isNaN(instant.getTime())) {
      return;
    }
    const form = TIME_FORMS[time.dataset.time] ? time.dataset.time : 'full';
    timeFormats[form] ??= new Intl.DateTimeFormat(navigator.languages?.length ? navigator.languages : undefined,
      TIME_FORMS[form]);
    time.title = time.textContent.trim();
    time.textContent = timeFormats[form].format(instant);
    time.dataset.local = 'true';
  });
}

localTimes(document);
// each swap (a page of results, the bell's list, an import's status) brings UTC text again
document.addEventListener('htmx:load', (event) => localTimes(event.detail.elt));

// A popover's button says whether it is open (aria-expanded): the user menu's, the bell's. The
// browser tells assistive technology so on its own; the attribute is for the rest, and for styles.
function syncExpanded(popover) {
  document.querySelectorAll(`[popovertarget="${popover.id}"]`).forEach((button) => {
    button.setAttribute('aria-expanded', popover.matches(':popover-open') ? 'true' : 'false');
  });
}
document.addEventListener('toggle', (event) => {
  if (event.target.hasAttribute?.('popover')) {
    syncExpanded(event.target);
  }
}, true);
document.addEventListener('htmx:load', () => {
  document.querySelectorAll('[popover][id]').forEach(syncExpanded);
});

// The user menu closes once the focus has left it and its button (Tab past "Log out"), as a menu
// does; a popover stays open until Escape or a click elsewhere.
document.addEventListener('focusout', (event) => {
  const menu = document.getElementById('user-menu');
  if (!menu || !menu.matches(':popover-open') || !event.relatedTarget) {
    return;
  }
  const slot = menu.closest('.user-slot');
  if (!slot.contains(event.relatedTarget)) {
    menu.hidePopover();
  }
});

// A modal dialog keeps the focus: the page behind it is inert, but Tab from its last control would
// leave for the browser's own bar. Here it wraps to the first one, and Shift+Tab the other way.
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Tab') {
    return;
  }
  const dialog = document.querySelector('dialog[open]:modal');
  if (!dialog) {
    return;
  }
  const controls = [...dialog.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
    .filter((c) => !c.disabled && c.tabIndex >= 0 && c.getClientRects().length > 0);
  if (controls.length === 0) {
    return;
  }
  const first = controls[0];
  const last = controls[controls.length - 1];
  if (event.shiftKey && (document.activeElement === first || !dialog.contains(document.activeElement))) {
    event.preventDefault();
    last.focus();
  }
  else if (!event.shiftKey && (document.activeElement === last || !dialog.contains(document.activeElement))) {
    event.preventDefault();
    first.focus();
  }
});

// The control that opened a modal dialog gets the focus back when it closes (Chrome does so itself;
// this is for the browsers that leave it on <body>).
let dialogOpener = null;
document.addEventListener('click', (event) => {
  const opener = event.target.closest('[command="show-modal"]');
  if (opener) {
    dialogOpener = opener;
  }
}, true);
document.addEventListener('close', (event) => {
  if (event.target.tagName === 'DIALOG' && dialogOpener && dialogOpener.isConnected
      && (document.activeElement === document.body || document.activeElement === null)) {
    dialogOpener.focus();
  }
}, true);
