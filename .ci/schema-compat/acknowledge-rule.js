'use strict';
// A graphql-inspector diff rule (--rule): a breaking change acknowledged in schema/breaking-changes.yml is
// downgraded to "dangerous" (printed, not failing) and carries its reason; every other change is left alone.

const { fromEnvironment, key } = require('./acknowledgements.js');

function acknowledge({ changes }) {
  const acknowledgements = new Map(fromEnvironment().map(entry => [key(entry), entry]));
  return changes.map(change => {
    const entry = change.criticality.level === 'BREAKING' ? acknowledgements.get(key({ change: change.type, path: change.path })) : undefined;
    if (!entry) {
      return change;
    }
    return {
      ...change,
      message: `${change.message} (acknowledged breaking change: ${entry.reason})`,
      criticality: { ...change.criticality, level: 'DANGEROUS' },
      acknowledged: entry,
    };
  });
}

// graphql-inspector loads a CommonJS rule as the module itself (its default import).
module.exports = acknowledge;
