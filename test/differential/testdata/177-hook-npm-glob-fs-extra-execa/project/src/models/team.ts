export const team = 2
