---
to: result.txt
---
tooMuch: <%= tooMuch %>
small: <%= small %>
infinite: <%= infinite %>
missing: <%= missing %>
denied: <%= denied %>
missingFile: <%= missingFile %>
failed: <%= failed %>
killed: <%= killed %>
maxBuffer: <%= maxBuffer %>
together: <%= together %>
stderrInherited: <%= stderrInherited %>
