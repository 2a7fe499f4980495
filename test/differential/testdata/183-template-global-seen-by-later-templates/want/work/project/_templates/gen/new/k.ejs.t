---
to: out/k.txt
---
k <%= typeof counter === 'undefined' ? 'unset' : ++counter %>
