---
to: src/<%= name %>.txt
---
widget <%= name %>, an instance's prompt is a <%= instance %>
