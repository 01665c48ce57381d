// Live notifications against a running stack: the part of the API newman cannot drive (WebSocket,
// graphql-transport-ws). Run: node --experimental-websocket postman/live-events.mjs  (Node 20; 22+ needs no flag).
// Signs in rm_li and rm_zhao at Keycloak, subscribes both to worklistEvents, raises a complaint on one of rm_li's
// clients over HTTP, and checks that rm_li receives COMPLAINT_ASSIGNED for it and rm_zhao (another branch) does not;
// then that a refused token is closed with 4401. Exits 1 on the first failed check.
import { readFileSync } from 'node:fs';

const environment = JSON.parse(readFileSync(new URL('./local.postman_environment.json', import.meta.url), 'utf8'));
const setting = (key) => process.env[key] ?? environment.values.find((value) => value.key === key)?.value;
const apiUrl = setting('apiUrl');
const socketUrl = apiUrl.replace(/^http/, 'ws') + '/graphql-ws';
const QUIET_MS = 3000;
const WAIT_MS = 15000;

let failures = 0;
function check(name, ok, detail = '') {
  console.log(`${ok ? '  ✓' : '  ✗'} ${name}${ok || !detail ? '' : ` (${detail})`}`);
  if (!ok) failures++;
}

async function token(username) {
  const response = await fetch(`${setting('keycloakUrl')}/realms/${setting('realm')}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: setting('cliClientId'), username, password: username }),
  });
  if (!response.ok) throw new Error(`token for ${username}: HTTP ${response.status}`);
  return (await response.json()).access_token;
}

/** A graphql-transport-ws connection that queues what the server sends. */
function connect(accessToken) {
  const socket = new WebSocket(socketUrl, 'graphql-transport-ws');
  const messages = [];
  const waiters = [];
  let closed = null;
  const wake = () => waiters.splice(0).forEach((resolve) => resolve());
  socket.addEventListener('message', (event) => { messages.push(JSON.parse(event.data)); wake(); });
  socket.addEventListener('close', (event) => { closed = { code: event.code, reason: event.reason }; wake(); });
  const opened = new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener('error', () => reject(new Error(`cannot open ${socketUrl}`)), { once: true });
  });
  return {
    async init() {
      await opened;
      socket.send(JSON.stringify({ type: 'connection_init', payload: { Authorization: `Bearer ${accessToken}` } }));
    },
    subscribe(id, query) {
      socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query } }));
    },
    /** The next message matching the predicate within ms, or null. */
    async next(predicate, ms) {
      const deadline = Date.now() + ms;
      for (;;) {
        const index = messages.findIndex(predicate);
        if (index >= 0) return messages.splice(index, 1)[0];
        if (closed || Date.now() >= deadline) return null;
        await Promise.race([new Promise((resolve) => waiters.push(resolve)),
          new Promise((resolve) => setTimeout(resolve, deadline - Date.now()))]);
      }
    },
    async closedWith(ms) {
      const deadline = Date.now() + ms;
      while (!closed && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      return closed;
    },
    close() { socket.close(1000); },
  };
}

async function graphql(accessToken, query, variables) {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

const EVENTS = 'subscription { worklistEvents { id kind clientId subjectId rmUsername dueOn occurredAt } }';

console.log(`live events at ${socketUrl}`);
const [liToken, zhaoToken] = [await token('rm_li'), await token('rm_zhao')];
const li = connect(liToken);
const zhao = connect(zhaoToken);
for (const [name, socket] of [['rm_li', li], ['rm_zhao', zhao]]) {
  await socket.init();
  const ack = await socket.next((message) => message.type === 'connection_ack', WAIT_MS);
  check(`${name}: connection_ack`, ack !== null);
  socket.subscribe('1', EVENTS);
}
// Subscriptions are registered when the server has read the subscribe message; give it a moment.
await new Promise((resolve) => setTimeout(resolve, 1000));

const raised = await graphql(liToken, `mutation($input: RaiseComplaintInput!) {
    raiseComplaint(input: $input) { complaint { id clientId assignee } errors { code message } } }`,
{ input: { clientId: 'C000006', category: 'PROCESSING_DELAY', severity: 'HIGH', summary: '放款进度慢 / slow loan disbursement (live-events check)' } });
const complaint = raised.data?.raiseComplaint?.complaint;
check('raiseComplaint on rm_li\'s client C000006', complaint?.assignee === 'rm_li', JSON.stringify(raised));

const isComplaintEvent = (message) => message.type === 'next' && message.id === '1'
  && message.payload?.data?.worklistEvents?.subjectId === complaint?.id;
const delivered = await li.next(isComplaintEvent, WAIT_MS);
const event = delivered?.payload?.data?.worklistEvents;
check('rm_li receives COMPLAINT_ASSIGNED for it', event?.kind === 'COMPLAINT_ASSIGNED' && event?.clientId === 'C000006'
  && event?.rmUsername === 'rm_li', JSON.stringify(delivered));
check('rm_zhao (another branch) receives nothing about it', (await zhao.next(isComplaintEvent, QUIET_MS)) === null);
li.close();
zhao.close();

const refused = connect('not-a-token');
await refused.init();
const closed = await refused.closedWith(WAIT_MS);
check('a refused token is closed with 4401', closed?.code === 4401, JSON.stringify(closed));

console.log(failures === 0 ? 'live events: all checks passed' : `live events: ${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
