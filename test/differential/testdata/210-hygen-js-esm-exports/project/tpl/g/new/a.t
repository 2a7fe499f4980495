---
to: out.txt
---
<%= typeof h.shout === "function" ? h.shout(name) : "no helper" %>
