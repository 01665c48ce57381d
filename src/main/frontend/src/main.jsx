import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import './portal.css';

import { createRoot } from 'react-dom/client';
import { keepBrowserStorageInTheTab, forgetEverything } from './storage.js';
import { startSession } from './auth.js';
import { loadPublishedSchema } from './schema.js';
import { SignedIn, SignedOut, Failure } from './App.jsx';

// Before keycloak-js or GraphiQL touch any storage.
keepBrowserStorageInTheTab();

const root = createRoot(document.getElementById('portal-root'));

async function start() {
  // Where Keycloak is, the realm and the client id: the service's own configuration.
  const configResponse = await fetch('/graphiql/config.json', { credentials: 'omit' });
  if (!configResponse.ok) {
    throw new Error(`The service's GraphiQL configuration is unavailable (HTTP ${configResponse.status}).`);
  }
  const config = await configResponse.json();

  let session;
  try {
    const signedOut = new URLSearchParams(window.location.search).has('signed-out');
    if (signedOut) {
      // Sign-out cleared the tab's storage before leaving for Keycloak, but the page kept running until the
      // navigation (GraphiQL saves its tabs on a timer): whatever it wrote in between goes now.
      forgetEverything();
    }
    session = await startSession(config, { signedOut });
  } catch (error) {
    throw new Error(`Keycloak at ${config.keycloak.url} cannot be reached, so you cannot sign in.`, { cause: error });
  }

  if (!session.authenticated) {
    root.render(<SignedOut session={session} />);
    return;
  }
  const schema = await loadPublishedSchema(config.schemaPath, session.token);
  root.render(<SignedIn config={config} session={session} schema={schema} />);
}

start().catch((error) => {
  console.error(error);
  root.render(<Failure message={error.message} />);
});
