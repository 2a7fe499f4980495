export const lineItemResolver = { Query: { lineItem: () => null } }
