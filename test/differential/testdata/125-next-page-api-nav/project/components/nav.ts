export const links = [
  { href: '/', label: 'Home' },
]
