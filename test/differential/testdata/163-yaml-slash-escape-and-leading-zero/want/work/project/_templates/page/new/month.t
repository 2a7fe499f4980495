---
to: month.txt
month: 08
code: 09.5
---
<%= typeof attributes.month %> <%= attributes.month %> <%= typeof attributes.code %> <%= attributes.code %>
