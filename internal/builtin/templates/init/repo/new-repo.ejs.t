---
setup: <%= name %>
force: true # init usually targets a folder that already has files
---
