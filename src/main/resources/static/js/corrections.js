// The grid of an import's rows with errors (importing/grid.html): moving between cells, editing them
// and dropping rows from the keyboard, then sending only the changed rows for a check or an import.
// Markup cannot move a focus on arrow keys nor keep the changes, so this does; the server makes the
// corrected file and checks it as an upload (ImportCorrections).
//
// Keys, as in the ARIA grid pattern: arrows move, Home/End to the row's ends, Ctrl+Home/End to the
// grid's, Page Up/Down ten rows; Enter or F2 edits a cell; while editing Enter keeps the change,
// Escape cancels it, Tab and Shift+Tab keep it and edit the next or previous cell. On a Drop button
// Enter and Space toggle it. Tab outside editing leaves the grid: one stop for the whole grid.
(() => {
  const PAGE = 10;

  function setUp(root) {
    const grid = root.querySelector('table.correction-grid');
    if (!grid || grid.dataset.ready) {
      return;
    }
    grid.dataset.ready = 'true';
    const card = grid.closest('#correction');
    const rows = Array.from(grid.tBodies[0].rows);
    const edits = new Map(); // line → { column: value }
    const dropped = new Set(); // lines
    let current = null;

    const targetOf = (cell) => cell.querySelector('button') || cell;
    const cellsOf = (row) => Array.from(row.cells).filter((cell) => cell.tagName === 'TD');
    const position = (cell) => {
      const row = cell.parentElement;
      return [rows.indexOf(row), cellsOf(row).indexOf(cell)];
    };
    const lineOf = (cell) => Number(cell.parentElement.dataset.line);

    function focusCell(cell) {
      if (!cell) {
        return;
      }
      if (current && current !== cell) {
        targetOf(current).tabIndex = -1;
      }
      current = cell;
      const target = targetOf(cell);
      target.tabIndex = 0;
      target.focus();
    }

    function move(cell, rowDelta, columnDelta) {
      const [r, c] = position(cell);
      const row = rows[Math.max(0, Math.min(rows.length - 1, r + rowDelta))];
      const cells = cellsOf(row);
      return cells[Math.max(0, Math.min(cells.length - 1, c + columnDelta))];
    }

    // the next cell in reading order, wrapping to the next row; null past the grid's ends
    function next(cell, step) {
      const [r, c] = position(cell);
      const cells = cellsOf(rows[r]);
      if (c + step >= 0 && c + step < cells.length) {
        return cells[c + step];
      }
      const row = rows[r + step];
      if (!row) {
        return null;
      }
      const others = cellsOf(row);
      return (step > 0) ? others[0] : others[others.length - 1];
    }

    function edit(cell) {
      if (!cell.dataset.column || cell.querySelector('input') || cell.parentElement.classList.contains('dropped')) {
        return;
      }
      const value = cell.querySelector('.value');
      if (cell.dataset.original === undefined) {
        cell.dataset.original = value.textContent;
      }
      const input = document.createElement('input');
      input.type = 'text';
      input.value = value.textContent;
      input.setAttribute('aria-label', cell.dataset.column + ', line ' + lineOf(cell));
      value.hidden = true;
      cell.appendChild(input);
      input.focus();
      input.select();
    }

    // ends the editing of the cell: keeps the input's value, or the value before; then focuses
    // another cell, if given, before the input goes (a focused element removed would leave the
    // focus nowhere)
    function finish(cell, keep, focusTo) {
      const input = cell.querySelector('input');
      if (!input || input.dataset.finished) {
        return;
      }
      input.dataset.finished = 'true';
      const value = cell.querySelector('.value');
      if (keep) {
        value.textContent = input.value;
        const line = lineOf(cell);
        const changed = edits.get(line) || {};
        if (input.value === cell.dataset.original) {
          delete changed[cell.dataset.column];
        } else {
          changed[cell.dataset.column] = input.value;
        }
        cell.classList.toggle('edited', input.value !== cell.dataset.original);
        if (Object.keys(changed).length > 0) {
          edits.set(line, changed);
        } else {
          edits.delete(line);
        }
        summarize();
      }
      value.hidden = false;
      if (focusTo) {
        focusCell(focusTo);
      }
      input.remove();
    }

    function toggleDrop(button) {
      const row = button.closest('tr');
      const line = Number(row.dataset.line);
      const drop = !dropped.has(line);
      if (drop) {
        dropped.add(line);
      } else {
        dropped.delete(line);
      }
      row.classList.toggle('dropped', drop);
      button.setAttribute('aria-pressed', String(drop));
      summarize();
    }

    function summarize() {
      const corrected = Array.from(edits.keys()).filter((line) => !dropped.has(line)).length;
      const parts = [];
      if (corrected > 0) {
        parts.push(corrected + (corrected === 1 ? ' row corrected' : ' rows corrected'));
      }
      if (dropped.size > 0) {
        parts.push(dropped.size + (dropped.size === 1 ? ' row dropped' : ' rows dropped'));
      }
      card.querySelector('#correction-summary').textContent =
        parts.length > 0 ? parts.join(', ') + '.' : 'No row corrected or dropped yet.';
    }

    grid.addEventListener('keydown', (event) => {
      const cell = event.target.closest('td');
      if (!cell) {
        return;
      }
      if (event.target.tagName === 'INPUT') {
        if (event.key === 'Enter') {
          finish(cell, true, cell);
        } else if (event.key === 'Escape') {
          finish(cell, false, cell);
        } else if (event.key === 'Tab') {
          const other = next(cell, event.shiftKey ? -1 : 1);
          finish(cell, true, other || cell);
          if (other) {
            edit(other);
          }
        } else {
          return;
        }
        event.preventDefault();
        event.stopPropagation(); // Escape must not close anything around the grid
        return;
      }
      const rowCount = rows.length;
      let to = null;
      switch (event.key) {
        case 'ArrowRight': to = move(cell, 0, 1); break;
        case 'ArrowLeft': to = move(cell, 0, -1); break;
        case 'ArrowDown': to = move(cell, 1, 0); break;
        case 'ArrowUp': to = move(cell, -1, 0); break;
        case 'PageDown': to = move(cell, PAGE, 0); break;
        case 'PageUp': to = move(cell, -PAGE, 0); break;
        case 'Home': to = event.ctrlKey ? cellsOf(rows[0])[0] : cellsOf(cell.parentElement)[0]; break;
        case 'End': {
          const cells = cellsOf(event.ctrlKey ? rows[rowCount - 1] : cell.parentElement);
          to = cells[cells.length - 1];
          break;
        }
        case 'Enter':
        case 'F2':
          if (event.target.tagName === 'BUTTON') {
            return; // the button's own click
          }
          edit(cell);
          break;
        default:
          return;
      }
      event.preventDefault();
      focusCell(to);
    });

    grid.addEventListener('click', (event) => {
      const button = event.target.closest('button.drop');
      const cell = event.target.closest('td');
      if (button) {
        toggleDrop(button);
      }
      if (cell && event.target.tagName !== 'INPUT') {
        focusCell(cell);
      }
    });
    grid.addEventListener('dblclick', (event) => {
      const cell = event.target.closest('td');
      if (cell) {
        edit(cell);
      }
    });
    // leaving a cell being edited by the mouse keeps the change, as Enter would
    grid.addEventListener('focusout', (event) => {
      if (event.target.tagName === 'INPUT') {
        finish(event.target.closest('td'), true);
      }
    });

    async function send(dryRun) {
      const problem = card.querySelector('#correction-problem');
      const body = { dryRun, rows: [] };
      dropped.forEach((line) => body.rows.push({ line, drop: true }));
      edits.forEach((values, line) => {
        if (!dropped.has(line)) {
          body.rows.push({ line, values });
        }
      });
      if (body.rows.length === 0) {
        show(problem, 'Correct or drop a row first.', []);
        return;
      }
      body.rows.sort((a, b) => a.line - b.line);
      const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
      Object.assign(headers, JSON.parse(document.body.getAttribute('hx-headers') || '{}'));
      card.querySelectorAll('.correction-actions button').forEach((b) => { b.disabled = true; });
      try {
        const response = await fetch(card.dataset.correctionsUrl, {
          method: 'POST', headers, body: JSON.stringify(body), credentials: 'same-origin',
        });
        const answer = await response.json().catch(() => ({}));
        if (response.ok) {
          window.location.assign(card.dataset.importUrl + encodeURIComponent(answer.id));
          return;
        }
        show(problem, answer.detail || ('The corrections were refused (' + response.status + ').'), answer.errors || []);
      } catch (e) {
        show(problem, 'The corrections could not be sent; check the connection and try again.', []);
      }
      card.querySelectorAll('.correction-actions button').forEach((b) => { b.disabled = false; });
    }

    function show(problem, detail, errors) {
      problem.textContent = detail;
      if (errors.length > 0) {
        const list = document.createElement('ul');
        errors.forEach((error) => {
          const item = document.createElement('li');
          item.textContent = (error.line ? 'Line ' + error.line + (error.column ? ', column ' + error.column : '') + ': ' : '')
            + error.message;
          list.appendChild(item);
        });
        problem.appendChild(list);
      }
      problem.hidden = false;
    }

    card.querySelectorAll('.correction-actions button').forEach((button) => {
      button.addEventListener('click', () => send(button.dataset.dryRun === 'true'));
    });

    const first = rows.length > 0 ? cellsOf(rows[0])[0] : null;
    if (first) {
      current = first;
      targetOf(first).tabIndex = 0;
    }
    performance.mark('correction-grid-ready');
  }

  // The grid comes with htmx, into the import's page; htmx:load names what it brought.
  document.addEventListener('htmx:load', (event) => {
    const element = event.detail.elt;
    if (element && element.querySelector) {
      setUp(element);
    }
  });
})();
