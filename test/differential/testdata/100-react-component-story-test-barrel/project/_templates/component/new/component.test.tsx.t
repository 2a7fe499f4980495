---
to: src/components/<%= name %>/<%= name %>.test.tsx
---
import { render, screen } from '@testing-library/react'
import { <%= name %> } from './<%= name %>'

describe('<%= name %>', () => {
  it('renders', () => {
    render(<<%= name %> <%- (locals.props || '').split(',').filter(Boolean).map(p => p + '={' + (p.startsWith('on') ? '() => {}' : JSON.stringify(p)) + '}').join(' ') %> />)
    expect(screen.getByText('label')).toBeTruthy()
  })
})
