---
to: src/components/<%= Name %>/<%= Name %>.test.tsx
---
import { render, screen } from '@testing-library/react';
import { <%= Name %> } from './<%= Name %>';

describe('<%= Name %>', () => {
  it('renders its label', () => {
    render(<<%= Name %> label="<%= 'Tom & Jerry' %>" />);
    expect(screen.getByText('Tom & Jerry')).toBeTruthy();
  });
});
