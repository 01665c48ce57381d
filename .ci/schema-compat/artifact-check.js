'use strict';
// The SDL artifact the build publishes for the SPA (target/schema/portal.graphqls) must build with graphql-js,
// which the SPA's code generators use; graphql-java printed it, so this checks the hand-over between the two.

const fs = require('fs');
const { buildSchema } = require('graphql');

const file = process.argv[2];
try {
  const schema = buildSchema(fs.readFileSync(file, 'utf8'));
  const types = Object.keys(schema.getTypeMap()).filter(name => !name.startsWith('__'));
  console.log(`the published SDL ${file} builds with graphql-js (${types.length} types)`);
} catch (error) {
  console.error(`the published SDL ${file} does not build with graphql-js: ${error.message}`);
  process.exit(1);
}
