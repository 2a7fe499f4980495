---
to: out/c.txt
	force: true
obj:
	left: 1
nested:
 	deep: 2
---
C <%- JSON.stringify(attributes) %>
