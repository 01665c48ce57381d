import { useGraphiQL, useGraphiQLActions } from '@graphiql/react';
import { EXAMPLES } from './examples.js';

function ExamplesIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <path d="M6 3h9l4 4v14H6z" />
      <path d="M15 3v4h4M9 12h7M9 16h7" />
    </svg>
  );
}

function ExamplesContent() {
  const { addTab, setOperationName } = useGraphiQLActions();
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  const variableEditor = useGraphiQL((state) => state.variableEditor);

  function open(example) {
    // addTab() empties the editors for the new tab; filling them updates the tab's state.
    addTab();
    queryEditor?.setValue(example.query);
    variableEditor?.setValue(example.variables);
    // The editor derives the operation name from its text after a delay; until then the new tab would still send the
    // previous tab's name ("Unknown operation named ..."). Each example holds one named operation: set it now.
    const named = /^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/m.exec(example.query);
    if (named) {
      setOperationName(named[1]);
    }
  }

  return (
    <div className="portal-examples">
      <div className="graphiql-doc-explorer-title">Examples</div>
      <p>Each opens in a new tab.</p>
      <ul>
        {EXAMPLES.map((example) => (
          <li key={example.title}>
            <button type="button" className="portal-example" onClick={() => open(example)}>
              {example.title}
            </button>
            <span>{example.description}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const examplesPlugin = {
  title: 'Examples',
  icon: ExamplesIcon,
  content: ExamplesContent,
};
