---
sh: "cat >> services/scaffold.log"
---
created <%= name %> on port <%= port %>
