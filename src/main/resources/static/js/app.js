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
