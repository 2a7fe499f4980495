---
to: services/<%= name %>/LICENSE
from: shared/license-header.txt
---
this body is replaced by the from: file
