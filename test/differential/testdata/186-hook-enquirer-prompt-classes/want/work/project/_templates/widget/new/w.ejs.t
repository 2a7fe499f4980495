---
to: src/<%= name %>.txt
---
widget <%= name %>, classes: <%= classes %>
