// The shell's connection to the gateway: GraphQL with the learner's credentials, Keycloak sign-in
// (authorization code + PKCE, public client nslab-web) or a guest session.
const AUTH_KEY = 'nslab.auth';
const PKCE_KEY = 'nslab.pkce';

let auth = JSON.parse(sessionStorage.getItem(AUTH_KEY) || 'null');
let config = null;

export async function loadConfig() {
  config = await (await fetch('/shell/config')).json();
  return config;
}

export function currentAuth() { return auth; }

function saveAuth(value) {
  auth = value;
  if (value) sessionStorage.setItem(AUTH_KEY, JSON.stringify(value));
  else sessionStorage.removeItem(AUTH_KEY);
}

function authHeader() {
  if (!auth) return {};
  return { Authorization: (auth.kind === 'guest' ? 'Guest ' : 'Bearer ') + auth.token };
}

/** Runs a GraphQL document; resolves to {data, errors}. */
export async function graphql(query, variables = {}) {
  if (auth?.kind === 'bearer' && auth.expiresAt && Date.now() > auth.expiresAt - 20_000) await refresh();
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...authHeader() },
    body: JSON.stringify({ query, variables }),
  });
  if (response.status === 401) {
    saveAuth(null);
    return { data: null, errors: [{ message: 'Your session ended; sign in again or continue as a guest.', extensions: { code: 'unauthorized' } }] };
  }
  return response.json();
}

export async function continueAsGuest() {
  const { data, errors } = await graphql('mutation { startGuestSession { guestId token expiresAt } }');
  if (errors) throw new Error(errors[0].message);
  saveAuth({ kind: 'guest', token: data.startGuestSession.token, id: data.startGuestSession.guestId });
}

export function signOut() { saveAuth(null); }

const b64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

function oidc(path) { return `${config.keycloakUrl}/realms/${config.realm}/protocol/openid-connect/${path}`; }

function redirectUri() { return location.origin + '/'; }

/** Sends the browser to Keycloak; it comes back to / with ?code=…&state=…. */
export async function signIn() {
  const verifier = b64url(crypto.getRandomValues(new Uint8Array(48)));
  const state = b64url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state, hash: location.hash }));
  const params = new URLSearchParams({ client_id: config.clientId, redirect_uri: redirectUri(), response_type: 'code',
    scope: 'openid', code_challenge: challenge, code_challenge_method: 'S256', state });
  location.assign(oidc('auth') + '?' + params);
}

/** Finishes a sign-in when Keycloak sent the browser back; returns the hash to restore, or null. */
export async function completeSignIn() {
  const params = new URLSearchParams(location.search);
  if (!params.has('code')) return null;
  const pkce = JSON.parse(sessionStorage.getItem(PKCE_KEY) || 'null');
  sessionStorage.removeItem(PKCE_KEY);
  history.replaceState(null, '', '/' + (pkce?.hash || ''));
  if (!pkce || params.get('state') !== pkce.state) throw new Error('The sign-in answer did not match this browser tab; try again.');
  await tokenRequest({ grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(), code_verifier: pkce.verifier });
  return pkce.hash;
}

async function refresh() {
  if (!auth?.refreshToken) return;
  try {
    await tokenRequest({ grant_type: 'refresh_token', refresh_token: auth.refreshToken });
  } catch {
    saveAuth(null);
  }
}

async function tokenRequest(form) {
  const response = await fetch(oidc('token'), {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: config.clientId, ...form }),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(json.error_description || json.error || 'Keycloak refused the sign-in');
  saveAuth({ kind: 'bearer', token: json.access_token, refreshToken: json.refresh_token, expiresAt: Date.now() + json.expires_in * 1000 });
}
