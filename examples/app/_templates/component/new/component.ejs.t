---
to: src/components/<%= Name %>/<%= Name %>.tsx
---
import React from 'react';

export interface <%= Name %>Props {
<% if (locals.props) { -%>
<% props.split(',').forEach(function (p) { -%>
  <%= h.changeCase.camel(p) %>?: string;
<% }) -%>
<% } -%>
  children?: React.ReactNode;
}

/** <%= h.inflection.humanize(h.changeCase.snake(name)) %> component. */
export function <%= Name %>({ children }: <%= Name %>Props) {
  return <div className="<%= h.changeCase.param(name) %>">{children}</div>;
}
