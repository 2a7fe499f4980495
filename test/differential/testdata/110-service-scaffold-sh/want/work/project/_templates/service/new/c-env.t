---
sh: "mkdir -p services/<%= name %> && cat > services/<%= name %>/.env"
---
SERVICE_NAME=<%= name %>
PORT=<%= port %>
