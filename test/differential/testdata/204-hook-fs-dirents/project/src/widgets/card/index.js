export const Card = 2
