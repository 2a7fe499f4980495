---
to: out/ctx.txt
---
generator=<%= generator %>
action=<%= action %>
subaction=<%= subaction %>|<%= typeof subaction %>
_=<%= _ %>
ts=<%= ts %>|<%= typeof ts %>
name=<%= name %>
cwd=<%= h.path.basename(cwd) %>
templates=<%= h.path.relative(cwd, templates) %>
actionfolder=<%= h.path.relative(cwd, actionfolder) %>
