---
to: out/ws.txt
---
A
<% if (true) { %>
plain keeps the newline above
<% } %>
B
<% if (true) { -%>
dash eats one newline
<% } -%>

blank line above survived (only one newline eaten)
C
    	<%_ if (true) { _%>  	
underscore slurps both sides
	  <%_ } _%>
D
  <%- "raw with" %> spaces kept
  <%= "x" -%>
  <%= "y" _%>   
E
<%_ %>left-only underscore
