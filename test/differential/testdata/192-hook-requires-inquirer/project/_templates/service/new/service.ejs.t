---
to: services/<%= runtime %>.yml
---
runtime: <%= runtime %>
answers: <%- summary %>
