export const endpoint = '/api/users' // fetch: true
