---
to: services/<%= name %>/service.go
---
package <%= name %>

// templates=<%= templates %> actionfolder=<%= actionfolder %>
type Service struct{}
