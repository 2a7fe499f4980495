---
to: out/b.txt
fm: <% process.env.FM = "fm" %>y
---
<% process.env.LATER = "later"; delete process.env.KEEP; process.env.NUM = 3 %>b
