// The govlife console: every read and write goes to the public HTTP API with the operator's own bearer token, so
// the console shows the API's own problem documents and can do nothing the token may not.
import { $ } from './dom.js';

// sessionStorage, not localStorage: the token lives as long as the tab, and no other tab or later visit finds it
const TOKEN_KEY = 'govlife.console.token';

export const token = () => sessionStorage.getItem(TOKEN_KEY);

function requestInit(method, body, headers) {
  // public reads may be cached for a while (for integrators' CDNs); an operator sees every change at once, so the
  // browser revalidates each time (a 304 when nothing changed)
  const init = { method, cache: 'no-cache', headers: { Accept: 'application/json', ...headers } };
  if (token()) {
    init.headers.Authorization = 'Bearer ' + token();
  }
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  return init;
}

// An answer that is not JSON (a proxy's error page, say) still reaches the operator, as a problem's detail.
function parsed(text) {
  try {
    return text ? JSON.parse(text) : null;
  } catch (e) {
    return { detail: text };
  }
}

export async function api(method, path, body, headers = {}) {
  const response = await fetch(path, requestInit(method, body, headers));
  const json = parsed(await response.text());
  if (response.status === 401) {
    signOut('Your token was refused: sign in again.');
  }
  return { status: response.status, ok: response.ok, json, etag: response.headers.get('ETag') };
}

// --- signing in ---------------------------------------------------------------------------------------------------

function showSession() {
  const signedIn = token() !== null;
  $('#sign-in').hidden = signedIn;
  $('#signed-in').hidden = !signedIn;
  document.body.classList.toggle('signed-in', signedIn);
}

function signOut(message) {
  sessionStorage.removeItem(TOKEN_KEY);
  showSession();
  if (message) $('#token-error').textContent = message;
}

// The token is tried on a cheap read before the page uses it, so a mistyped one is refused at the sign-in form. A 403
// is a valid token that may not list govs (a citizen's operator's): it is signed in, and the pages say what it may do.
async function signIn(event, onSignedIn) {
  event.preventDefault();
  const input = $('#token');
  sessionStorage.setItem(TOKEN_KEY, input.value.trim());
  const probe = await api('GET', '/api/govs?size=1');
  if (!probe.ok && probe.status !== 403) {
    signOut(probe.status === 401 ? 'This token is not valid or was revoked.' : (probe.json?.detail ?? 'Sign-in failed'));
    input.setAttribute('aria-invalid', 'true');
    return;
  }
  input.value = '';
  input.removeAttribute('aria-invalid');
  $('#token-error').textContent = '';
  showSession();
  onSignedIn();
}

/** Wires the header's sign-in form; onSignedIn runs once a token is held (at once, if the tab still holds one). */
export function setUpSession(onSignedIn) {
  $('#sign-in').addEventListener('submit', (event) => signIn(event, onSignedIn));
  $('#sign-out').addEventListener('click', () => signOut());
  showSession();
  if (token()) onSignedIn();
}

// --- live stream ----------------------------------------------------------------------------------------------------

// Server-sent events arrive in chunks that need not end at an event's end: whole events are taken off the buffer,
// the rest waits for the next chunk.
async function readEvents(response, onEvent) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const data = buffer.substring(0, end).split('\n').filter((l) => l.startsWith('data:'))
        .map((l) => l.substring(5)).join('\n');
      buffer = buffer.substring(end + 2);
      if (data) onEvent(JSON.parse(data));
    }
  }
}

// EventSource cannot send a bearer token, so the stream is read with fetch; it reconnects after a drop.
export async function follow(path, onEvent, onState) {
  while (token()) {
    try {
      const response = await fetch(path, { headers: { Accept: 'text/event-stream', Authorization: 'Bearer ' + token() } });
      if (!response.ok) throw new Error('HTTP ' + response.status);
      onState(true);
      await readEvents(response, onEvent);
    } catch (e) {
      // dropped or refused: say so and try again shortly
    }
    onState(false);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}
