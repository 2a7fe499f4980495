export const name = '@acme/date-utils'
