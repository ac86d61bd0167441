// Sorting and filtering of the report's tables, the report's only script. It is allowed by its
// SHA-256 hash in the page's Content-Security-Policy (crates/report/src/lib.rs), so nothing
// else can run: article text is escaped and no other script is permitted. It reads and moves
// the rows already in the page; it never fetches anything.
//
// Each table of five rows or more whose first row is a header row gets a filter box above it (rows whose text does
// not contain every word typed are hidden) and clickable headers: the first click sorts the
// rows by that column ascending, the second descending, the third restores the page's order.
// A column sorts by number when every filled cell of it reads as one ("1,234", "45%"), else by
// text. Story rows ("Story: …") that group a table are hidden while it is sorted, and while
// filtering they stay only above a matching row.
(function () {
  'use strict';
  var NUMBER = /^[-\u2212]?\d[\d,]*(\.\d+)?%?$/;

  function cellText(row, col) {
    var cell = row.cells[col];
    return cell ? cell.textContent.trim() : '';
  }

  function asNumber(text) {
    return parseFloat(text.replace(/,/g, '').replace('\u2212', '-'));
  }

  function compareBy(rows, col) {
    var numeric = rows.every(function (r) {
      var t = cellText(r, col);
      return t === '' || NUMBER.test(t);
    });
    if (numeric) {
      return function (a, b) {
        var x = asNumber(cellText(a, col)), y = asNumber(cellText(b, col));
        return (isNaN(x) ? -Infinity : x) - (isNaN(y) ? -Infinity : y);
      };
    }
    return function (a, b) {
      return cellText(a, col).localeCompare(cellText(b, col), undefined, { numeric: true, sensitivity: 'base' });
    };
  }

  function isGroupRow(row) {
    return row.classList.contains('story-row');
  }

  function enhance(table, n) {
    var header = table.rows[0];
    if (!header || header.cells.length < 2 || header.querySelector('td')) return;
    var body = header.parentNode;
    var original = Array.prototype.slice.call(table.rows, 1);
    var data = original.filter(function (r) { return !isGroupRow(r); });
    // Small tables (a quote group's outlets, a shared passage's copies) need no tools.
    if (data.length < 5 || table.closest('.group')) return;
    var state = { col: -1, dir: 0, query: [] };

    function render() {
      var rows = original;
      if (state.dir !== 0) {
        var cmp = compareBy(data, state.col);
        rows = data.slice().sort(function (a, b) { return state.dir * cmp(a, b); });
      }
      var group = null, groupShown = false, shown = 0;
      rows.forEach(function (r) {
        body.appendChild(r);
        if (isGroupRow(r)) {
          r.hidden = state.dir !== 0 || state.query.length > 0;
          group = r;
          groupShown = false;
          return;
        }
        var text = r.textContent.toLowerCase();
        var match = state.query.every(function (w) { return text.indexOf(w) >= 0; });
        r.hidden = !match;
        if (match) {
          shown += 1;
          if (group && !groupShown && state.dir === 0) {
            group.hidden = false;
            groupShown = true;
          }
        }
      });
      count.textContent = state.query.length
        ? shown + ' of ' + data.length + ' rows' + (total ? ' shown; the other ' + (total - data.length).toLocaleString('en') + ' are in dossier.json and parallax serve' : '')
        : '';
    }

    // A table cut to the rows a page can hold is followed by its "Showing N of M" note: the
    // filter searches the rows in the page only, and says so.
    var box = table.parentNode.classList.contains('scroll') ? table.parentNode : table;
    var cut = box.nextElementSibling;
    var total = cut && cut.classList.contains('limit') ? parseInt(cut.getAttribute('data-total'), 10) || 0 : 0;

    var bar = document.createElement('div');
    bar.className = 'table-tools';
    var input = document.createElement('input');
    input.type = 'search';
    input.placeholder = total
      ? 'Filter the ' + data.length + ' rows shown (of ' + total.toLocaleString('en') + ')'
      : 'Filter ' + data.length + ' rows';
    input.setAttribute('aria-label', 'Filter the rows of this table');
    input.id = 'filter-' + n;
    var count = document.createElement('span');
    count.className = 'ctx';
    bar.appendChild(input);
    bar.appendChild(count);
    box.parentNode.insertBefore(bar, box);
    input.addEventListener('input', function () {
      state.query = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      render();
    });

    Array.prototype.forEach.call(header.cells, function (th, col) {
      th.classList.add('sortable');
      th.tabIndex = 0;
      th.setAttribute('role', 'button');
      th.title = 'Sort by this column';
      function sort() {
        if (state.col !== col) {
          state.col = col;
          state.dir = 1;
        } else {
          state.dir = state.dir === 1 ? -1 : state.dir === -1 ? 0 : 1;
        }
        Array.prototype.forEach.call(header.cells, function (h) { h.removeAttribute('aria-sort'); });
        if (state.dir !== 0) th.setAttribute('aria-sort', state.dir === 1 ? 'ascending' : 'descending');
        render();
      }
      th.addEventListener('click', sort);
      th.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          sort();
        }
      });
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('main table:not(.framing)'), enhance);
})();
