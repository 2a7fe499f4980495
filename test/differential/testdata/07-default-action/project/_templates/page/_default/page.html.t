---
to: pages/<%= h.changeCase.param(name) %>.html
---
<h1><%= title %></h1>
<!-- generator=<%= generator %> action=<%= action %> name=<%= name %> -->
