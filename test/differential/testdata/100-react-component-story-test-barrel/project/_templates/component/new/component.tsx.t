---
to: src/components/<%= name %>/<%= name %>.tsx
---
<% const props = (locals.props || '').split(',').filter(Boolean) -%>
import React from 'react'

export interface <%= name %>Props {
<% props.forEach(function (p) { -%>
  <%= p %><%- p.startsWith('on') ? ': () => void' : ': string' %>
<% }) -%>
}

export const <%= name %> = ({ <%= props.join(', ') %> }: <%= name %>Props) => (
  <div className="<%= h.changeCase.paramCase(name) %>"<% if (props.includes('onClick')) { %> onClick={onClick}<% } %>>
    <%_ if (props.includes('label')) { _%>
    {label}
    <%_ } _%>
  </div>
)

export default <%= name %>
