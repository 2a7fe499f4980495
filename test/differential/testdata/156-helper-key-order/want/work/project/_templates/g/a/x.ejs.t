---
to: out.txt
---
<%= Object.keys(h).join(",") %>
<%= Object.keys(h.changeCase).join(",") %>
<%= Object.keys(h.inflection).join(",") %>
