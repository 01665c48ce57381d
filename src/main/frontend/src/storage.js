// Nothing of this page may land in localStorage: it outlives the tab and the sign-out, and on a shared
// machine the next user of the browser could read it. Tabs, history and keycloak-js's sign-in state
// (state, nonce, PKCE verifier) go to sessionStorage instead: it is scoped to this tab, survives the
// redirect to Keycloak and back, and is gone when the tab closes; signOut() also clears it.

const NAMESPACE = 'graphiql:';

/**
 * keycloak-js 26 has no storage option: it keeps its callback state in `localStorage` whenever that
 * exists. Pointing this page's `localStorage` at `sessionStorage` before keycloak-js starts keeps the
 * state in the tab. The property is configurable on window (WebIDL), so this is a plain redefinition.
 */
export function keepBrowserStorageInTheTab() {
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    enumerable: true,
    get: () => window.sessionStorage,
  });
}

/** GraphiQL's Storage interface (getItem/setItem/removeItem/clear/length) over sessionStorage. */
export const graphiqlStorage = {
  getItem: (key) => window.sessionStorage.getItem(key),
  setItem: (key, value) => window.sessionStorage.setItem(key, value),
  removeItem: (key) => window.sessionStorage.removeItem(key),
  clear() {
    for (const key of ownKeys()) {
      window.sessionStorage.removeItem(key);
    }
  },
  get length() {
    return ownKeys().length;
  },
};

function ownKeys() {
  return Object.keys(window.sessionStorage).filter((key) => key.startsWith(NAMESPACE));
}

/** Sign-out forgets the tabs, the history and anything keycloak-js left behind. */
export function forgetEverything() {
  window.sessionStorage.clear();
}
