---
to: out/plural.txt
---
<%= h.inflection.pluralize(count, 'peeps') %> <%= h.inflection.singularize(count, 'peep') %> <%= typeof h.inflection.pluralize(count, 7) %> <%= h.inflection.pluralize('box', '') %>
<% try { h.inflection.pluralize(count) } catch (e) { %>no form: <%= e.name %><% } %>
<%= h.inflection.inflect(count, 1, 'one') %> <%= h.inflection.inflect(count, 2, null, 'many') %> <%= typeof h.inflection.inflect(count, 'x') %> <%= typeof h.inflection.inflect('a', 3, null, 9) %> <%= h.inflection.inflect('box', 2) %>
