// Saved example documents, opened as the first tabs and from the Examples pane. The schema has no
// mutations yet, so there is no mutation example.

export const EXAMPLES = [
  {
    title: 'Portfolio page',
    description: 'Your clients, 20 a page in name order, with their nested fields.',
    query: `# Your client book, 20 a page in name order. For the next page pass
# pageInfo.endCursor as the variable "after".
query PortfolioPage($after: String) {
  clients(first: 20, after: $after, orderBy: { field: NAME, direction: ASC }) {
    totalCount
    edges {
      node {
        id
        name
        industry { sectionName name }
        region
        size
        valueTier { tier score }
        risk { rating fiveCategory }
        latestFinancials { period revenue netProfit debtRatio }
        primaryManager { displayName team { name } }
        coManagers { displayName }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`,
    // GraphiQL 5 fills the variables editor of the first tab from its initialVariables only: none needed here.
    variables: '',
  },
  {
    title: 'Client detail',
    description: 'One client by id (null when it is not yours to see).',
    query: `# One client by id: paste an id from the portfolio page into the variables.
# The answer is null both for an unknown id and for a client outside your scope.
query ClientDetail($id: ID!) {
  client(id: $id) {
    id
    name
    uscc
    industry { section sectionName code name }
    region
    size
    lifecycleStage
    valueTier { tier score modelVersion evaluatedOn }
    risk { rating fiveCategory ratedOn }
    latestFinancials {
      period periodEnd currency
      revenue netProfit totalAssets totalLiabilities debtRatio
    }
    primaryManager { username displayName team { code name type } }
    coManagers { username displayName team { code name } }
  }
}
`,
    variables: '{\n  "id": "C000001"\n}\n',
  },
  {
    title: 'Me',
    description: 'Who the service thinks you are: username, roles, org unit.',
    query: `# Who the service thinks you are, from your token.
query Me {
  me {
    username
    displayName
    roles
    orgUnit { code name type }
  }
}
`,
    variables: '',
  },
];

export const DEFAULT_TABS = EXAMPLES.map(({ query, variables }) => ({ query, variables }));
