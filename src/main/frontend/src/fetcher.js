/**
 * GraphiQL's fetcher: one POST per run with a fresh bearer token. GraphiQL also calls it for
 * introspection when no schema was passed in.
 */
export function createPortalFetcher(graphqlPath, token) {
  return async (params, options) => {
    const response = await fetch(graphqlPath, {
      method: 'POST',
      headers: {
        ...(options?.headers ?? {}),
        Accept: 'application/graphql-response+json, application/json',
        'Content-Type': 'application/json',
        Authorization: `Bearer ${await token()}`,
      },
      body: JSON.stringify(params),
      credentials: 'omit',
    });
    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch {
      // 401, 429, 413 and friends have no GraphQL body: show the status instead of a parse error.
      return { errors: [{ message: `HTTP ${response.status} ${response.statusText}`.trim() }] };
    }
  };
}
