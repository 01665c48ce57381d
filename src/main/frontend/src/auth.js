import Keycloak from 'keycloak-js';

// Refresh when the access token has less than this many seconds left (tokens live 5 minutes).
const MIN_VALIDITY_SECONDS = 30;
const REFRESH_EVERY_MS = 20_000;

/**
 * Sign-in with keycloak-js: authorization code + PKCE (S256) on the realm's public SPA client. The realm,
 * its URL and the client id come from the service (/graphiql/config.json), never from the bundle.
 */
export async function startSession(config, { signedOut }) {
  const keycloak = new Keycloak({
    url: config.keycloak.url,
    realm: config.keycloak.realm,
    clientId: config.keycloak.clientId,
  });
  const authenticated = await keycloak.init({
    // After a sign-out the page stays signed out until the user asks to sign in again.
    onLoad: signedOut ? undefined : 'login-required',
    pkceMethod: 'S256',
    flow: 'standard',
    responseMode: 'fragment',
    redirectUri: pageUrl(),
    // The session-status iframe needs third-party cookies and a frame-src for Keycloak; tokens are
    // refreshed explicitly instead.
    checkLoginIframe: false,
  });

  let timer;
  if (authenticated) {
    keycloak.onTokenExpired = () => refresh(keycloak);
    timer = window.setInterval(() => refresh(keycloak), REFRESH_EVERY_MS);
  }

  return {
    keycloak,
    authenticated,
    /** A fresh access token, refreshed first when it is about to expire. */
    async token() {
      await refresh(keycloak);
      return keycloak.token;
    },
    signIn() {
      return keycloak.login({ redirectUri: pageUrl() });
    },
    signOut(beforeLeaving) {
      window.clearInterval(timer);
      beforeLeaving();
      return keycloak.logout({ redirectUri: pageUrl() + '?signed-out' });
    },
  };
}

async function refresh(keycloak) {
  try {
    await keycloak.updateToken(MIN_VALIDITY_SECONDS);
  } catch {
    // The Keycloak session ended (idle timeout, signed out elsewhere): sign in again.
    await keycloak.login({ redirectUri: pageUrl() });
  }
}

function pageUrl() {
  return window.location.origin + window.location.pathname;
}

/** Who the access token says is signed in. */
export function signedInUser(keycloak) {
  const claims = keycloak.tokenParsed ?? {};
  return {
    username: claims.preferred_username ?? claims.sub ?? '',
    displayName: claims.display_name ?? claims.name ?? '',
    roles: [...(claims.realm_access?.roles ?? [])].sort(),
  };
}
