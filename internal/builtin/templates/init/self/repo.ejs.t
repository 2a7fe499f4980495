---
to: _templates/init/repo/new-repo.ejs.t
from: init/repo/new-repo.ejs.t
---
