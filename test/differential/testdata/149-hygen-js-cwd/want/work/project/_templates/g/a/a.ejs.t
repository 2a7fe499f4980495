---
to: src/<%= name %>.txt
---
<%= name %> cwd ends in app: <%= cwd.endsWith("/app") %>
