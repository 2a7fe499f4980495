export const links = [
  { href: '/', label: 'Home' },
  { href: '/pricing', label: 'Pricing' },
]
