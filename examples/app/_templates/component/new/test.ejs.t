---
to: "<%= locals.tests === false ? '' : `src/components/${Name}/${Name}.test.tsx` %>"
---
import { render } from '@testing-library/react';
import { <%= Name %> } from './<%= Name %>';

test('renders <%= h.changeCase.sentence(name) %>', () => {
  render(<<%= Name %>>hello</<%= Name %>>);
});
