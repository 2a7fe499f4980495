---
to: out.txt
---
<%= Name %> <%= h.capitalize("ﬁle") %> <%= h.capitalize("ŉx") %> <%= Names %>
