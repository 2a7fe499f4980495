---
to: out/b.txt
	# a tab-indented comment
body: |
  line
 	
flag: true
---
B <%- JSON.stringify(attributes) %>
