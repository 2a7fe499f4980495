---
to: out/a.txt
---
<% counter = 1 -%>
first <%= counter %>
