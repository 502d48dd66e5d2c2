// Sign-in with Keycloak's own adapter (keycloak-js, a WebJar): the authorization-code flow with PKCE (S256) on the
// public client the gateway names in /console/config.json. The console never sees a password: the browser goes to
// Keycloak's login page and comes back with a code, which the adapter exchanges for tokens it keeps in memory only.

let keycloak;

/** Starts the adapter; true when the browser already has a Keycloak session (then the tokens are here). */
export async function initAuth() {
  const config = await (await fetch('/console/config.json')).json();
  keycloak = new Keycloak(config);
  return keycloak.init({
    onLoad: 'check-sso',
    pkceMethod: 'S256',
    checkLoginIframe: false,
    silentCheckSsoRedirectUri: `${location.origin}/silent-check-sso.html`,
    silentCheckSsoFallback: true,
  });
}

/** To Keycloak's login page, in the console's language, and back to the same screen. */
export function login(locale) {
  return keycloak.login({ locale, redirectUri: location.href });
}

export function logout() {
  return keycloak.logout({ redirectUri: `${location.origin}/` });
}

/** A valid access token, refreshed when it has less than 30 s left. */
export async function accessToken() {
  try {
    await keycloak.updateToken(30);
  } catch (e) {
    await login();
  }
  return keycloak.token;
}

/** The realm roles of the signed-in user. */
export function roles() {
  return keycloak?.tokenParsed?.realm_access?.roles ?? [];
}

/** Who is signed in: user name, subject, and the store of a staff member (token claim store_id). */
export function user() {
  const t = keycloak?.tokenParsed ?? {};
  return { name: t.preferred_username ?? '', subject: t.sub, storeId: t.store_id ?? null };
}
