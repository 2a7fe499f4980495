---
to: <%= dir %>/main.go
---
// <%= shout(name) %> same=<%= same %> flag=<%= fromFlag %>
package main
