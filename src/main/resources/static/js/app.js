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
