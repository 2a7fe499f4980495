---
to: out/<%= name %>.txt
---
<%= typeof h %>|<%= hookSawH %>|<%= Object.keys(locals).join(",") %>
