---
to: out/a-<%= h.call() %>.txt
message: a rendered at <%= h.call() %>
---
a body at call <%= h.call() %>, raw name <%= h.rawName() %>, attrs <%= h.hasAttrs() %>
owner <%= owner %>, team <%= team %>, name <%= name %>, root <%= h.root() %>, <%= h.hasHelpersFn() %>
