---
to: out/page.html
---
<title><%= title %></title>
<meta content="<%- title %>">
others untouched: <%= '/ \\ ` = % { } ; ?' %>
count=<%= count %> raw=<%- count %> bool=<%= true %> zero=<%= 0 %>
