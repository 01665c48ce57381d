'use strict';
// graphql-inspector's --onComplete handler: lists the acknowledged breaking changes with their reasons, fails on
// any other breaking change and prints a ready-to-paste acknowledgement for each.

const { fromEnvironment, key } = require('./acknowledgements.js');

module.exports = function report({ breakingChanges, dangerousChanges }) {
  const acknowledged = dangerousChanges.filter(change => change.acknowledged);
  if (acknowledged.length) {
    console.log(`\nAcknowledged breaking changes (${acknowledged.length}), from schema/breaking-changes.yml:`);
    for (const change of acknowledged) {
      console.log(`  - ${key(change.acknowledged)}: ${change.acknowledged.reason}`);
    }
  }
  const used = new Set(acknowledged.map(change => key(change.acknowledged)));
  for (const entry of fromEnvironment().filter(entry => !used.has(key(entry)))) {
    console.log(`\nNote: the acknowledgement of ${key(entry)} matches no breaking change in this comparison.`);
  }
  if (breakingChanges.length) {
    console.log(`\nFAILED: ${breakingChanges.length} breaking change(s) not acknowledged:`);
    for (const change of breakingChanges) {
      console.log(`  - ${key({ change: change.type, path: change.path })}: ${change.message}`);
    }
    console.log('\nIf a break is intended, add to schema/breaking-changes.yml, under acknowledged:, and commit it with the change:');
    for (const change of breakingChanges) {
      const path = change.path ? `path: ${change.path}\n    ` : '';
      console.log(`  - ${path}change: ${change.type}\n    reason: <why this break is acceptable>`);
    }
    process.exit(1);
  }
  console.log('\nOK: no unacknowledged breaking change.');
};
