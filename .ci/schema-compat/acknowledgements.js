'use strict';
// Reads schema/breaking-changes.yml at the base commit and now, and keeps only the entries added since the base:
// an acknowledgement covers the breaking change it was committed with, never a later one at the same path.
// Run as a script, it validates both files and says how many acknowledgements are new (exit 1 on a bad file).

const fs = require('fs');
const YAML = require('yaml');

const FILE = 'breaking-changes.yml';

// The current file must be valid; the base's is read leniently, only to tell old entries from new ones (a bad
// entry in the base was refused when it was committed, and must not block the commit that repairs it).
function parse(path, label, strict = true) {
  if (!path || !fs.existsSync(path)) {
    return [];
  }
  const text = fs.readFileSync(path, 'utf8');
  let doc;
  try {
    doc = YAML.parse(text);
  } catch (error) {
    if (!strict) {
      return [];
    }
    throw new Error(`${label} ${FILE} is not valid YAML: ${error.message}`);
  }
  if (doc == null) {
    return [];
  }
  const entries = doc.acknowledged;
  if (entries == null) {
    return [];
  }
  if (!Array.isArray(entries)) {
    if (!strict) {
      return [];
    }
    throw new Error(`${label} ${FILE}: 'acknowledged' must be a list of {path, change, reason}`);
  }
  const valid = [];
  entries.forEach((entry, index) => {
    try {
      valid.push(check(entry, `${label} ${FILE}, acknowledged[${index}]`));
    } catch (error) {
      if (strict) {
        throw error;
      }
    }
  });
  return valid;
}

function check(entry, where) {
  if (entry == null || typeof entry !== 'object') {
    throw new Error(`${where}: an entry is {path, change, reason}`);
  }
  for (const key of ['change', 'reason']) {
    if (typeof entry[key] !== 'string' || entry[key].trim() === '') {
      throw new Error(`${where}: '${key}' is required (a non-empty string)`);
    }
  }
  // A few changes have no path (e.g. a new root type); everything else names its type, field or argument.
  if (entry.path != null && typeof entry.path !== 'string') {
    throw new Error(`${where}: 'path' is a string such as Client.uscc`);
  }
  return { path: (entry.path ?? '').trim(), change: entry.change.trim(), reason: entry.reason.trim() };
}

const key = entry => `${entry.change} ${entry.path ?? ''}`.trim();

/** Entries of the current file that the base file did not have (compared by change type and path). */
function added(basePath, currentPath) {
  const before = new Set(parse(basePath, 'the base commit\'s', false).map(key));
  return parse(currentPath, 'the current').filter(entry => !before.has(key(entry)));
}

/** The acknowledgements in force for this comparison, from SCHEMA_ACK_BASE and SCHEMA_ACK_CURRENT. */
function fromEnvironment() {
  return added(process.env.SCHEMA_ACK_BASE, process.env.SCHEMA_ACK_CURRENT);
}

module.exports = { added, fromEnvironment, key };

if (require.main === module) {
  const [basePath, currentPath] = process.argv.slice(2);
  try {
    const entries = added(basePath, currentPath);
    console.log(`${entries.length} acknowledged breaking change(s) added since the base commit`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
