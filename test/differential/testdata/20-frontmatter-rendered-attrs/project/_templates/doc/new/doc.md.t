---
to: docs/<%= h.changeCase.param(name) %>.md
title: "<%= Name %> reference"
tags: [api, "<%= name %>"]
meta:
  owner: "<%= name %>"
count: 3
enabled: true
ratio: 0.5
---
to=<%= attributes.to %>
title=<%= attributes.title %>
tags=<%= attributes.tags.join('|') %>
owner=<%= attributes.meta.owner %>
count+1=<%= attributes.count + 1 %>
enabled=<%= attributes.enabled === true %>
ratio=<%= typeof attributes.ratio %>
