---
to: src/enums/<%= h.changeCase.param(name) %>.ts
---
<%
  function label(v) {
    return v.charAt(0).toUpperCase() + v.slice(1);
  }
  const list = [].concat(values);
-%>
<%= exported ? 'export ' : '' %>enum <%= name %> {
<% list.forEach((v, i) => { -%>
  <%= h.changeCase.constant(v) %> = '<%= v %>',<%= i === list.length - 1 ? ' // last' : '' %>
<% }) -%>
}

export function describe<%= name %>(s: <%= name %>): string {
  switch (s) {
<% for (const v of list) { -%>
<%   if (v === 'paid') { -%>
    case <%= name %>.<%= h.changeCase.constant(v) %>: return 'Paid in full';
<%   } else if (v.length > 6) { -%>
    case <%= name %>.<%= h.changeCase.constant(v) %>: return `<%= label(v) %> (long)`;
<%   } else { -%>
    case <%= name %>.<%= h.changeCase.constant(v) %>: return '<%= label(v) %>';
<%   } -%>
<% } -%>
  }
}
