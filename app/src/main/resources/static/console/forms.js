// The command forms: each <form data-method data-path> stands for one command of the HTTP API, so the templates say
// what is sent and this module only turns fields into the request and the API's problem document into field errors.
import { api } from './api.js';
import { confirmAction, setUpConfirmation } from './confirm.js';
import { el } from './dom.js';

// Typed fields: a number stays a string unless it reads as one, so the API, not the page, says what is wrong with it.
function valueOf(field, raw) {
  if (field.dataset.type === 'number' && /^-?\d+$/.test(raw)) return Number(raw);
  if (field.dataset.type === 'list') return raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
  return raw;
}

function setMember(body, name, value) {
  const keys = name.split('.');
  let target = body;
  keys.slice(0, -1).forEach((key) => { target = target[key] ??= {}; });
  target[keys[keys.length - 1]] = value;
}

// Turns a form into the API call it stands for: fields named a.b become nested members, fields marked
// data-in="path" fill {placeholders} of data-path (and params, by name), a multiple choice is a list, and empty
// optional fields are left out (the API's defaults apply).
function requestOf(form, gov) {
  const body = {};
  const params = {};
  // a page of one gov fills {gov} itself; elsewhere a field named gov does, like any path parameter
  let path = gov === null || gov === undefined ? form.dataset.path : form.dataset.path.replace('{gov}', encodeURIComponent(gov));
  for (const field of form.querySelectorAll('input[name], select[name], textarea[name]')) {
    if (field.disabled || field.type === 'radio' || field.type === 'checkbox') continue;
    if (field.multiple) {
      const chosen = [...field.selectedOptions].map((option) => option.value);
      if (chosen.length) setMember(body, field.name, chosen);
      continue;
    }
    const raw = field.value.trim();
    if (field.dataset.type === 'flag') { // a choice among boolean members: the chosen one is sent as true
      if (raw !== '') body[raw] = true;
      continue;
    }
    if (field.dataset.in === 'path') {
      params[field.name] = raw;
      path = path.replace('{' + field.name + '}', encodeURIComponent(raw));
      continue;
    }
    if (raw === '') continue;
    setMember(body, field.name, valueOf(field, raw));
  }
  return { path, body, params };
}

function clearErrors(form) {
  form.querySelectorAll('.field-error.generated').forEach((node) => node.remove());
  form.querySelectorAll('[aria-invalid]').forEach((node) => {
    node.removeAttribute('aria-invalid');
    node.removeAttribute('aria-describedby');
  });
}

// Puts each of the problem's errors beside its field; what names no field of the form goes at the top.
function showProblem(form, problem, status) {
  const errors = problem?.errors?.length ? problem.errors : [{ field: null, message: problem?.detail ?? ('HTTP ' + status) }];
  let first = null;
  for (const error of errors) {
    const field = error.field && form.querySelector(`[name="${CSS.escape(error.field)}"]`);
    const message = el('p', { class: 'field-error generated', role: 'alert' },
      field ? error.message : (problem?.title ? problem.title + ': ' : '') + (error.field ? error.field + ': ' : '') + error.message);
    if (field) {
      message.id = field.id + '-error';
      field.setAttribute('aria-invalid', 'true');
      field.setAttribute('aria-describedby', message.id);
      field.closest('.field').append(message);
      first ??= field;
    } else {
      form.prepend(message);
    }
  }
  first?.focus();
}

// Only the chosen kind's fieldset is enabled, so requestOf sends the members of that kind alone.
function enableKind(form, kind) {
  form.querySelectorAll('fieldset[data-kind]').forEach((set) => { set.disabled = set.dataset.kind !== kind; });
}

function refused(form, answer, context) {
  if (answer.status === 412) {
    showProblem(form, { detail: 'The gov changed since this page last read it (another operator?). '
        + 'The page is refreshed: check it and submit again.' }, 412);
    context.refresh();
  } else {
    showProblem(form, answer.json, answer.status);
  }
}

async function submit(form, context) {
  clearErrors(form);
  const request = requestOf(form, context.gov);
  const { path, body } = request;
  if (form.dataset.destructive !== undefined) {
    const title = titleOf(form);
    const reason = await confirmAction(title, context.consequences(form.id, request));
    if (reason === null) {
      context.cancelled(form);
      return;
    }
    body.reason = reason;
  }
  // the version the page shows: a write based on an older picture of the gov is refused (412), not applied
  const headers = context.version() === null ? {} : { 'If-Match': '"' + context.version() + '"' };
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  try {
    const answer = await api(form.dataset.method, path, body, headers);
    if (!answer.ok) {
      refused(form, answer, context);
      return;
    }
    context.written(form, answer);
    if (form.dataset.then !== 'show-secret') form.reset();
    enableKind(form, 'lattice'); // the reset checked the first choice again
  } finally {
    button.disabled = false;
  }
}

/** What the form does, in the words the operator opened it by: its summary, or its own heading. */
export function titleOf(form) {
  return (form.closest('details')?.querySelector(':scope > summary') ?? form.querySelector('h3')).textContent.trim();
}

/**
 * Opens the form of a task (its details), with the named pickers set (picks: name → value), and puts the focus in
 * its first field, as if the operator had opened it and chosen.
 */
export function openTask(formId, picks = {}) {
  const form = document.getElementById(formId);
  const details = form.closest('details');
  if (details) details.open = true;
  for (const [name, value] of Object.entries(picks)) {
    const field = form.querySelector(`[name="${CSS.escape(name)}"]`);
    field.value = value;
    field.dispatchEvent(new Event('change', { bubbles: true }));
  }
  const first = [...form.querySelectorAll('input, select')].find((f) => !f.disabled && !(f.name in picks));
  (first ?? form.querySelector('button[type=submit]')).focus();
  details?.scrollIntoView({ block: 'nearest' });
}

/**
 * Offers each name picker (select[data-options]) the names of its list, keeping what the operator chose while it is
 * still there; a single choice starts empty, so nothing is sent by accident.
 */
export function offerChoices(lists) {
  for (const select of document.querySelectorAll('select[data-options]')) {
    const names = lists[select.dataset.options] ?? [];
    const offered = [...select.options].map((option) => option.value).filter((value) => value !== '');
    if (offered.length === names.length && offered.every((name, i) => name === names[i])) continue;
    const chosen = new Set([...select.selectedOptions].map((option) => option.value));
    const options = names.map((name) => el('option', { value: name, selected: chosen.has(name) }, name));
    if (!select.multiple) {
      options.unshift(el('option', { value: '' }, names.length ? '— choose —' : '— none yet —'));
    }
    select.replaceChildren(...options);
  }
}

/**
 * Wires every command form of the page. The context names the gov ({gov} of the paths, null for none), answers
 * the gov's version for If-Match (null for none), refreshes the page after a 412, takes each successful answer,
 * says what a destructive form's command will change (consequences) and hears of one called off (cancelled).
 */
export function setUpForms(context) {
  if (document.querySelector('#confirm-action')) setUpConfirmation();
  for (const form of document.querySelectorAll('form[data-path]')) {
    form.querySelectorAll('[data-choice]').forEach((radio) => radio.addEventListener('change', () => enableKind(form, radio.value)));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submit(form, context);
    });
  }
}
