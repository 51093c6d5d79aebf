// Small DOM helpers shared by the console's pages: the pages build their tables and notes from the API's JSON, never
// from HTML strings, so nothing an API answer holds can turn into markup.

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.substring(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export const $ = (selector) => document.querySelector(selector);

const short = (fingerprint) => fingerprint ? fingerprint.substring(0, 12) + '…' : '—';

// The whole fingerprint stays one hover away, for an operator comparing it with what an integrator reports.
export const fingerprintCell = (fingerprint) => fingerprint ? el('code', { title: fingerprint }, short(fingerprint)) : '—';

export const when = (instant) => instant ? new Date(instant).toISOString().replace('.000Z', 'Z') : '—';

export function fillRows(table, rows, empty) {
  const body = table.querySelector('tbody');
  body.replaceChildren();
  if (rows.length === 0) {
    const columns = table.querySelectorAll('thead th').length;
    body.append(el('tr', {}, el('td', { colspan: columns, class: 'muted' }, empty)));
  }
  rows.forEach((cells) => body.append(cells instanceof Node ? cells : el('tr', {}, cells.map((c) => el('td', {}, c)))));
}

/** The pager under a paged table (#name-page, #name-previous, #name-next), for the API's page of a list. */
export function showPager(name, list) {
  $(`#${name}-page`).textContent = `page ${list.page + 1} of ${Math.max(1, Math.ceil(list.total / list.size))}`;
  $(`#${name}-previous`).disabled = list.page === 0;
  $(`#${name}-next`).disabled = (list.page + 1) * list.size >= list.total;
}
