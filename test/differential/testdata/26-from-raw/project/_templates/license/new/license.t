---
to: LICENSE-<%= holder %>
from: "<%= 'shared' %>/LICENSE.tmpl"
---
this body is ignored: <%= holder %>
