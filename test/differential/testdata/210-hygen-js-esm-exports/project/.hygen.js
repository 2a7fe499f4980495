export const templates = 'tpl'
export const helpers = { shout: (s) => s.toUpperCase() }
