---
to: out/<%= name %>.txt
---
argv.length: <%= argvLength %>
node and script paths: <%= headsAreStrings %>
rest: <%- rest %>
level: <%= levelFlag %>
cwd: <%= cwdName %>
platform: <%= platform %>
team: <%= team %>
missing: <%= missing %>
