// asset manifest entry
export const logo = { id: 'bG9nby5zdmc=', type: 'svg' }
