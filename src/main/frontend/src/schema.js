import { buildSchema } from 'graphql';

/**
 * The SDL the service publishes to signed-in callers (Spring for GraphQL's schema printer at
 * GET {graphql path}/schema). In production introspection is off, so the docs pane is built from it.
 * Returns undefined when it is not published: GraphiQL then introspects (on in development).
 */
export async function loadPublishedSchema(schemaPath, token) {
  try {
    const response = await fetch(schemaPath, {
      headers: { Accept: 'text/plain', Authorization: `Bearer ${await token()}` },
      credentials: 'omit',
    });
    if (!response.ok) {
      return undefined;
    }
    return buildSchema(await response.text());
  } catch (error) {
    console.warn('The published schema could not be used; GraphiQL will introspect.', error);
    return undefined;
  }
}
