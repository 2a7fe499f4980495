---
to: scripts/<%= name %>.sh
sh: "wc -l < scripts/<%= name %>.sh | tr -d ' ' > generated/<%= name %>.lines && tr a-z A-Z > generated/<%= name %>.upper"
---
#!/bin/sh
echo "deploying to <%= env %>"
