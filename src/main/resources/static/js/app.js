// Small behaviours of the UI; htmx does the partial updates.
document.addEventListener('htmx:configRequest', (event) => {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

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

// htmx swaps 2xx answers only; 422 (a rejected file) and 409 (a check already imported) carry a
// fragment that explains why, to show in place.
if (window.htmx) {
  htmx.config.responseHandling = [
    { code: '204', swap: false },
    { code: '[23]..', swap: true },
    { code: '409', swap: true },
    { code: '422', swap: true },
    { code: '[45]..', swap: false, error: true },
  ];
}

// Dialogs: <dialog> opened with showModal() keeps focus inside and closes on Escape.
document.addEventListener('click', (event) => {
  const opener = event.target.closest('[data-open-dialog]');
  if (opener) {
    const dialog = document.getElementById(opener.dataset.openDialog);
    if (dialog && !dialog.open) {
      dialog.showModal();
    }
    return;
  }
  const closer = event.target.closest('[data-close-dialog]');
  if (closer) {
    closer.closest('dialog')?.close();
    return;
  }
  // a click on the backdrop (the dialog element itself, outside its content) closes it
  if (event.target.tagName === 'DIALOG' && event.target.open) {
    const box = event.target.getBoundingClientRect();
    const inside = event.clientX >= box.left && event.clientX <= box.right
      && event.clientY >= box.top && event.clientY <= box.bottom;
    if (!inside) {
      event.target.close();
    }
  }
});

// The import dialog: "Attach file" opens the picker of the hidden file input; the dialog shows the
// chosen file's name and enables Upload and Check file.
document.addEventListener('click', (event) => {
  const attach = event.target.closest('[data-attach]');
  if (attach) {
    document.getElementById(attach.dataset.attach)?.click();
  }
});

function showChosenFile(input) {
  const form = input.form;
  const name = form.querySelector('.file-name');
  const file = input.files && input.files[0];
  name.textContent = file ? file.name : 'No file chosen';
  name.classList.toggle('muted', !file);
  name.classList.toggle('chosen', !!file);
  form.querySelectorAll('.modal-actions button[type=submit]').forEach((b) => { b.disabled = !file; });
}

document.addEventListener('change', (event) => {
  if (event.target.matches('#import-file')) {
    showChosenFile(event.target);
    const outcome = document.getElementById('import-outcome');
    if (outcome) {
      outcome.innerHTML = '';
    }
  }
});

// A result in the dialog may be below its fold: bring it into view.
document.addEventListener('htmx:afterSettle', (event) => {
  const target = event.detail.target;
  if (target && (target.id === 'import-outcome' || target.id === 'import-status')) {
    const outcome = document.getElementById('import-outcome');
    outcome?.lastElementChild?.scrollIntoView({ block: 'nearest' });
  }
});

// The server took the file: clear the form, so that the same upload is not sent twice by mistake.
document.addEventListener('clientdesk:upload-accepted', () => {
  const input = document.getElementById('import-file');
  if (input) {
    input.value = '';
    showChosenFile(input);
  }
});

// The bell's list is a popover (layout.html, bell.html): HTML opens and closes it, htmx loads it.
// What stays here has no declarative form: each poll of the bell brings the unread count, and only a
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
    document.body.dispatchEvent(new CustomEvent('clientdesk:notified', { bubbles: true }));
  }
  lastUnread = unread;
});
